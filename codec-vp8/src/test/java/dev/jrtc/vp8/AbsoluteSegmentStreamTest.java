package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The committed segment-absolute clip is exactly what its generator writes. */
class AbsoluteSegmentStreamTest {
    @Test
    void committedClipIsTheGeneratorsOutput() throws Exception {
        assertArrayEquals(Corpus.resource(Corpus.DIR + "segment-absolute.ivf"),
                new AbsoluteSegmentStream().ivf());
    }
}
