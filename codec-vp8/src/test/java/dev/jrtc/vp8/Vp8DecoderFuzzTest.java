package dev.jrtc.vp8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Arbitrary bytes as a VP8 frame, alone and after a valid key frame, give a picture or a
 * {@link Vp8DecodeException}: never another exception and never a hang. Plain {@code mvn verify}
 * replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class Vp8DecoderFuzzTest {
    /** Bounds the work per input: enough for every header field and some macroblocks. */
    private static final int MAX_INPUT = 4096;
    /** Keeps random key-frame dimensions from allocating much. */
    private static final int MAX_PIXELS = 256 * 256;

    private static final byte[] KEY_FRAME = Corpus.frames("size-64x64").get(0);

    private static void decode(Vp8Decoder decoder, byte[] data) {
        byte[] in = data.length > MAX_INPUT ? Arrays.copyOf(data, MAX_INPUT) : data;
        try {
            Vp8Frame frame = decoder.decode(in, 0, in.length);
            if (frame != null && (frame.width() <= 0 || frame.height() <= 0)) {
                throw new AssertionError("empty picture");
            }
        } catch (Vp8DecodeException expected) {
            if (!decoder.needsKeyFrame()) {
                throw new AssertionError("an error must leave the decoder waiting for a key frame");
            }
        }
    }

    @FuzzTest(maxDuration = "20s")
    void arbitraryFrameAlone(byte[] data) {
        decode(new Vp8Decoder(MAX_PIXELS), data);
    }

    @FuzzTest(maxDuration = "20s")
    void arbitraryFrameAfterKeyFrame(byte[] data) throws Vp8DecodeException {
        Vp8Decoder decoder = new Vp8Decoder(MAX_PIXELS);
        decoder.decode(KEY_FRAME, 0, KEY_FRAME.length);
        decode(decoder, data);
        // A second arbitrary frame reaches the decoder in whatever state the first left it.
        decode(decoder, data);
    }
}
