package dev.jrtc.vp8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Corrupt and truncated frames give {@link Vp8DecodeException} and nothing else; afterwards the
 * decoder asks for a key frame, refuses inter frames, and recovers exactly at the next key frame.
 */
class Vp8DecoderErrorRecoveryTest {
    @Test
    void interFrameBeforeAnyKeyFrameAsksForAKeyFrame() {
        List<byte[]> frames = Corpus.frames("size-64x64");
        Vp8Decoder decoder = new Vp8Decoder();
        assertTrue(decoder.needsKeyFrame());
        byte[] inter = frames.get(1);
        Vp8DecodeException e = assertThrows(Vp8DecodeException.class,
                () -> decoder.decode(inter, 0, inter.length));
        assertTrue(e.needsKeyFrame());
        assertTrue(decoder.needsKeyFrame());
    }

    @Test
    void everyTruncationOfEveryFrameFailsCleanlyOrDecodes() throws Exception {
        List<byte[]> frames = Corpus.frames("size-33x31");
        for (int i = 0; i < frames.size(); i++) {
            byte[] frame = frames.get(i);
            for (int len = 0; len < frame.length; len++) {
                Vp8Decoder decoder = new Vp8Decoder();
                for (int j = 0; j < i; j++) {
                    decoder.decode(frames.get(j), 0, frames.get(j).length);
                }
                byte[] cut = Arrays.copyOf(frame, len);
                try {
                    decoder.decode(cut, 0, cut.length);
                    assertFalse(decoder.needsKeyFrame());
                } catch (Vp8DecodeException expected) {
                    assertTrue(expected.needsKeyFrame(), "frame " + i + " cut to " + len);
                    assertTrue(decoder.needsKeyFrame());
                }
            }
        }
    }

    @Test
    void truncatedFramesAreDetected() {
        // Cutting a frame in half leaves far too little data for its macroblocks.
        List<byte[]> frames = Corpus.frames("size-321x241");
        Vp8Decoder decoder = new Vp8Decoder();
        byte[] key = frames.get(0);
        assertThrows(Vp8DecodeException.class, () -> decoder.decode(key, 0, key.length / 2));
    }

    @Test
    void recoversBitExactlyAtTheNextKeyFrame() throws Exception {
        // kf-every-7 has key frames at 0, 7, 14, ...
        String clip = "kf-every-7";
        List<byte[]> frames = Corpus.frames(clip);
        List<String> md5 = Corpus.expectedMd5s(clip);
        Vp8Decoder decoder = new Vp8Decoder();
        for (int i = 0; i < 3; i++) {
            decoder.decode(frames.get(i), 0, frames.get(i).length);
        }
        byte[] broken = Arrays.copyOf(frames.get(3), frames.get(3).length / 3);
        assertThrows(Vp8DecodeException.class, () -> decoder.decode(broken, 0, broken.length));
        for (int i = 4; i < 7; i++) {
            byte[] f = frames.get(i);
            Vp8DecodeException e = assertThrows(Vp8DecodeException.class, () -> decoder.decode(f, 0, f.length));
            assertTrue(e.needsKeyFrame(), "inter frame " + i + " is refused");
        }
        for (int i = 7; i < frames.size(); i++) {
            Vp8Frame shown = decoder.decode(frames.get(i), 0, frames.get(i).length);
            assertEquals(md5.get(i), Corpus.md5(shown), "frame " + i);
        }
        assertFalse(decoder.needsKeyFrame());
    }

    @Test
    void corruptStartCodeIsRejected() {
        byte[] key = Corpus.frames("size-64x64").get(0).clone();
        key[4] ^= 0x55;
        Vp8Decoder decoder = new Vp8Decoder();
        assertThrows(Vp8DecodeException.class, () -> decoder.decode(key, 0, key.length));
    }

    @Test
    void oversizedPictureIsRejectedWithoutAllocating() {
        byte[] key = Corpus.frames("size-1920x1080").get(0);
        Vp8Decoder decoder = new Vp8Decoder(640 * 480);
        Vp8DecodeException e = assertThrows(Vp8DecodeException.class, () -> decoder.decode(key, 0, key.length));
        assertTrue(e.getMessage().contains("exceeds"));
    }

    @Test
    void corruptPartitionSizeIsRejected() {
        // parts-3 has 8 token partitions; make the first partition size claim everything.
        byte[] key = Corpus.frames("parts-3").get(0).clone();
        int tag = (key[0] & 0xFF) | (key[1] & 0xFF) << 8 | (key[2] & 0xFF) << 16;
        int firstSize = (tag >> 5) & 0x7FFFF;
        int table = 10 + firstSize;
        key[table] = (byte) 0xFF;
        key[table + 1] = (byte) 0xFF;
        key[table + 2] = (byte) 0x7F;
        Vp8Decoder decoder = new Vp8Decoder();
        assertThrows(Vp8DecodeException.class, () -> decoder.decode(key, 0, key.length));
    }

    @Test
    void flippedBitsNeverThrowAnythingElse() {
        List<byte[]> frames = Corpus.frames("rate-low");
        java.util.Random rnd = new java.util.Random(9);
        for (int trial = 0; trial < 300; trial++) {
            Vp8Decoder decoder = new Vp8Decoder();
            for (int i = 0; i < 6; i++) {
                byte[] f = frames.get(i).clone();
                if (rnd.nextInt(3) == 0) {
                    f[rnd.nextInt(f.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                try {
                    decoder.decode(f, 0, f.length);
                } catch (Vp8DecodeException expected) {
                    assertTrue(decoder.needsKeyFrame());
                }
            }
        }
    }
}
