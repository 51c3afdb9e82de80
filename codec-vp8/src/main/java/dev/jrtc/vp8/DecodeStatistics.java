package dev.jrtc.vp8;

/**
 * Counts of the bitstream features the decoder has met, for tests that check a corpus really
 * exercises each tool (segmentation, the simple filter, golden/altref with sign bias, ...).
 */
final class DecodeStatistics {
    long frames;
    long keyFrames;
    long hiddenFrames;
    final long[] versions = new long[8];
    final long[] partitionCounts = new long[9];
    long segmentationFrames;
    long segmentMapUpdates;
    long segmentAbsoluteFrames;
    long simpleFilterFrames;
    long normalFilterFrames;
    long filterDeltaFrames;
    long sharpFrames;
    long signBiasFrames;
    long copyFlagFrames;
    long noEntropyRefreshFrames;
    long noLastRefreshFrames;
    long goldenOrAltRefRefreshFrames;
    long skipDisabledFrames;
    /** Inter frames that update no reference at all (the top layer of temporal layering). */
    long nonReferenceFrames;
    /** Shown inter frames that update golden or altref but not last (a middle temporal layer). */
    long shownGoldenOrAltRefOnlyFrames;
    /** Frames that refresh the probabilities right after a frame that restored them. */
    long entropyRefreshAfterRestore;
    /** Neighbour vectors inverted because their reference has the other sign bias (RFC 6386 16.3). */
    long signBiasInversions;
    /** Inter macroblocks predicted in runs of equal whole-pixel vectors (InterPredictor). */
    long runMacroblocks;
    /** Such runs shortened because part of their source lies outside the picture. */
    long trimmedRuns;
    private boolean lastFrameRestoredEntropy;
    /** Macroblocks per mode (ModeTables numbering). */
    final long[] modes = new long[10];
    /** Inter-frame intra macroblocks per mode. */
    final long[] interFrameIntraModes = new long[5];
    /** Macroblocks per reference frame. */
    final long[] refs = new long[4];

    void frame(FrameHeader h, Segmentation seg, LoopFilterParams lf) {
        frames++;
        if (h.keyFrame) {
            keyFrames++;
        }
        if (!h.showFrame) {
            hiddenFrames++;
        }
        versions[h.version]++;
        partitionCounts[h.partitionCount]++;
        if (seg.enabled) {
            segmentationFrames++;
            if (seg.updateMap) {
                segmentMapUpdates++;
            }
            if (seg.absoluteValues) {
                segmentAbsoluteFrames++;
            }
        }
        if (lf.level > 0) {
            if (lf.simple) {
                simpleFilterFrames++;
            } else {
                normalFilterFrames++;
            }
            if (lf.sharpness > 0) {
                sharpFrames++;
            }
        }
        if (lf.deltasEnabled) {
            filterDeltaFrames++;
        }
        if (h.signBiasGolden || h.signBiasAltRef) {
            signBiasFrames++;
        }
        if (h.copyToGolden != 0 || h.copyToAltRef != 0) {
            copyFlagFrames++;
        }
        if (!h.refreshEntropy) {
            noEntropyRefreshFrames++;
        }
        if (!h.refreshLast) {
            noLastRefreshFrames++;
        }
        if (!h.keyFrame && (h.refreshGolden || h.refreshAltRef)) {
            goldenOrAltRefRefreshFrames++;
        }
        if (!h.skipEnabled) {
            skipDisabledFrames++;
        }
        boolean updatesLast = h.keyFrame || h.refreshLast;
        boolean updatesGoldenOrAltRef = h.refreshGolden || h.refreshAltRef
                || h.copyToGolden != 0 || h.copyToAltRef != 0;
        if (!updatesLast && !updatesGoldenOrAltRef) {
            nonReferenceFrames++;
        }
        if (!updatesLast && updatesGoldenOrAltRef && h.showFrame) {
            shownGoldenOrAltRefOnlyFrames++;
        }
        if (h.refreshEntropy && lastFrameRestoredEntropy) {
            entropyRefreshAfterRestore++;
        }
        lastFrameRestoredEntropy = !h.refreshEntropy;
    }

    void macroblock(boolean keyFrame, int mode, int ref) {
        modes[mode]++;
        refs[ref]++;
        if (!keyFrame && ref == 0) {
            interFrameIntraModes[mode]++;
        }
    }

    void add(DecodeStatistics o) {
        frames += o.frames;
        keyFrames += o.keyFrames;
        hiddenFrames += o.hiddenFrames;
        for (int i = 0; i < versions.length; i++) {
            versions[i] += o.versions[i];
        }
        for (int i = 0; i < partitionCounts.length; i++) {
            partitionCounts[i] += o.partitionCounts[i];
        }
        segmentationFrames += o.segmentationFrames;
        segmentMapUpdates += o.segmentMapUpdates;
        segmentAbsoluteFrames += o.segmentAbsoluteFrames;
        simpleFilterFrames += o.simpleFilterFrames;
        normalFilterFrames += o.normalFilterFrames;
        filterDeltaFrames += o.filterDeltaFrames;
        sharpFrames += o.sharpFrames;
        signBiasFrames += o.signBiasFrames;
        copyFlagFrames += o.copyFlagFrames;
        noEntropyRefreshFrames += o.noEntropyRefreshFrames;
        noLastRefreshFrames += o.noLastRefreshFrames;
        goldenOrAltRefRefreshFrames += o.goldenOrAltRefRefreshFrames;
        skipDisabledFrames += o.skipDisabledFrames;
        nonReferenceFrames += o.nonReferenceFrames;
        shownGoldenOrAltRefOnlyFrames += o.shownGoldenOrAltRefOnlyFrames;
        entropyRefreshAfterRestore += o.entropyRefreshAfterRestore;
        signBiasInversions += o.signBiasInversions;
        runMacroblocks += o.runMacroblocks;
        trimmedRuns += o.trimmedRuns;
        for (int i = 0; i < modes.length; i++) {
            modes[i] += o.modes[i];
        }
        for (int i = 0; i < interFrameIntraModes.length; i++) {
            interFrameIntraModes[i] += o.interFrameIntraModes[i];
        }
        for (int i = 0; i < refs.length; i++) {
            refs[i] += o.refs[i];
        }
    }

    @Override
    public String toString() {
        return "frames=" + frames + " key=" + keyFrames + " hidden=" + hiddenFrames
                + " versions=" + java.util.Arrays.toString(versions)
                + " partitions=" + java.util.Arrays.toString(partitionCounts)
                + " segmentation=" + segmentationFrames + " segMapUpdates=" + segmentMapUpdates
                + " segAbs=" + segmentAbsoluteFrames + " simpleLf=" + simpleFilterFrames
                + " normalLf=" + normalFilterFrames + " lfDeltas=" + filterDeltaFrames
                + " sharp=" + sharpFrames + " signBias=" + signBiasFrames + " copyFlags=" + copyFlagFrames
                + " noEntropyRefresh=" + noEntropyRefreshFrames + " noLastRefresh=" + noLastRefreshFrames
                + " goldenAltRefresh=" + goldenOrAltRefRefreshFrames + " skipDisabled=" + skipDisabledFrames
                + " nonReference=" + nonReferenceFrames + " goldenAltOnly=" + shownGoldenOrAltRefOnlyFrames
                + " entropyRefreshAfterRestore=" + entropyRefreshAfterRestore
                + " signBiasInversions=" + signBiasInversions + " runMacroblocks=" + runMacroblocks
                + " trimmedRuns=" + trimmedRuns
                + " modes=" + java.util.Arrays.toString(modes)
                + " interIntra=" + java.util.Arrays.toString(interFrameIntraModes)
                + " refs=" + java.util.Arrays.toString(refs);
    }
}
