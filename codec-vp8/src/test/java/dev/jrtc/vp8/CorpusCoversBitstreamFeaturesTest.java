package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance corpus is only worth as much as the tools it exercises: this checks that the
 * clips together use each VP8 feature the decoder implements, so that a bit-exact result on the
 * corpus means something for each of them.
 */
class CorpusCoversBitstreamFeaturesTest {
    private static final DecodeStatistics total = new DecodeStatistics();

    @BeforeAll
    static void decodeCorpus() throws Exception {
        for (String clip : Corpus.clips()) {
            Vp8Decoder decoder = new Vp8Decoder();
            for (byte[] frame : Corpus.frames(clip)) {
                decoder.decode(frame, 0, frame.length);
            }
            total.add(decoder.statistics());
        }
    }

    private static void check(boolean covered, String feature) {
        assertTrue(covered, feature + " not exercised by the corpus: " + total);
    }

    @Test
    void allFourPartitionCountsAppear() {
        for (int n : new int[] {1, 2, 4, 8}) {
            check(total.partitionCounts[n] > 0, n + " token partitions");
        }
    }

    @Test
    void allFourVersionsAppear() {
        for (int v = 0; v < 4; v++) {
            check(total.versions[v] > 0, "version " + v);
        }
    }

    @Test
    void everyMacroblockModeAppears() {
        for (int m = 0; m < 10; m++) {
            check(total.modes[m] > 0, "macroblock mode " + m);
        }
        check(total.interFrameIntraModes[ModeTables.B_PRED] > 0, "B_PRED in an inter frame");
    }

    @Test
    void allReferenceFramesAreUsed() {
        for (int r = 1; r < 4; r++) {
            check(total.refs[r] > 0, "reference frame " + r);
        }
        check(total.goldenOrAltRefRefreshFrames > 0, "golden/altref refresh in an inter frame");
        check(total.hiddenFrames > 0, "hidden (altref) frames");
    }

    @Test
    void segmentationAndFilterAdjustmentsAppear() {
        check(total.segmentationFrames > 0, "segmentation");
        check(total.segmentMapUpdates > 0, "segment map updates");
        check(total.filterDeltaFrames > 0, "loop filter deltas");
        check(total.sharpFrames > 0, "sharpness");
    }

    @Test
    void bothLoopFiltersAppear() {
        check(total.simpleFilterFrames > 0, "simple loop filter");
        check(total.normalFilterFrames > 0, "normal loop filter");
    }

    @Test
    void entropyAndReferenceFlagsAppear() {
        check(total.noEntropyRefreshFrames > 0, "refresh_entropy_probs = 0");
        check(total.noLastRefreshFrames > 0, "refresh_last = 0");
    }

    @Test
    void signBiasInvertsNeighbourVectors() {
        check(total.signBiasFrames > 0, "golden/altref sign bias");
        check(total.signBiasInversions > 0, "a neighbour vector inverted for sign bias");
    }

    /** The run copies of InterPredictor.predictRuns, also where the picture edge cuts a run. */
    @Test
    void wholePixelRunsAppearAlsoCutAtThePictureEdge() {
        check(total.runMacroblocks > 0, "macroblocks predicted in whole-pixel runs");
        check(total.trimmedRuns > 0, "a whole-pixel run cut short by the picture edge");
    }

    @Test
    void absoluteSegmentValuesAppear() {
        check(total.segmentAbsoluteFrames > 0, "absolute segment quantizer and filter values");
    }

    /** What temporal layers (the temporal-*-layers clips) put in the bitstream. */
    @Test
    void temporalLayerPatternsAppear() {
        check(total.nonReferenceFrames > 0, "inter frames that update no reference (top layer)");
        check(total.shownGoldenOrAltRefOnlyFrames > 0,
                "shown frames that update golden or altref but not last (middle layer)");
        check(total.entropyRefreshAfterRestore > 0,
                "a frame refreshing the probabilities right after one that restored them");
    }
}
