package dev.jrtc.media.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ffmpeg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class G711Test {
    @TempDir
    Path dir;

    @Test
    void muLawEndpointsFromTheG711Table() {
        assertEquals(-32124, G711.decode(G711.Law.MU, 0x00));
        assertEquals(32124, G711.decode(G711.Law.MU, 0x80));
        assertEquals(0, G711.decode(G711.Law.MU, 0xFF));
        assertEquals(0, G711.decode(G711.Law.MU, 0x7F));
        assertEquals(-8, G711.decode(G711.Law.MU, 0x7E));
        assertEquals(8, G711.decode(G711.Law.MU, 0xFE));
    }

    @Test
    void aLawEndpointsFromTheG711Table() {
        assertEquals(8, G711.decode(G711.Law.A, 0xD5));
        assertEquals(-8, G711.decode(G711.Law.A, 0x55));
        assertEquals(-32256, G711.decode(G711.Law.A, 0x2A));
        assertEquals(32256, G711.decode(G711.Law.A, 0xAA));
    }

    @Test
    void bothTablesEqualFfmpegsDecoders() throws Exception {
        Ffmpeg.assumeInstalled("ffmpeg");
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        Path in = dir.resolve("codes.raw");
        Files.write(in, codes);
        for (G711.Law law : G711.Law.values()) {
            byte[] out = Ffmpeg.run("ffmpeg", "-v", "error", "-f", law == G711.Law.MU ? "mulaw" : "alaw", "-ar", "8000",
                    "-ac", "1", "-i", in.toString(), "-f", "s16le", "-");
            short[] expected = new short[256];
            ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(expected);
            assertArrayEquals(expected, G711.decode(law, codes), law.toString());
        }
    }

    @Test
    void encodersPickTheNearestLevelForEverySample() {
        for (G711.Law law : G711.Law.values()) {
            for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
                short sample = (short) s;
                int code = (law == G711.Law.MU ? G711.encodeMu(sample) : G711.encodeA(sample)) & 0xFF;
                int error = Math.abs(G711.decode(law, code) - s);
                for (int other = 0; other < 256; other++) {
                    if (Math.abs(G711.decode(law, other) - s) < error) {
                        throw new AssertionError(law + ": sample " + s + " coded as " + code + " but " + other
                                + " is nearer");
                    }
                }
                if (s % 4000 == 0) {
                    assertTrue(error <= 1024, law + " error at " + s);
                }
            }
        }
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int c = 0; c < 256; c++) {
            assertEquals((byte) c == (byte) 0x7F ? (byte) 0xFF : (byte) c,
                    G711.encodeMu(G711.decode(G711.Law.MU, c)), "mu " + c);
            assertEquals((byte) c, G711.encodeA(G711.decode(G711.Law.A, c)), "A " + c);
        }
    }

    @Test
    void decoderThroughTheFactory() {
        AudioDecoder d = AudioDecoder.forCodec("pcmu");
        assertEquals(8000, d.sampleRate());
        assertEquals(1, d.channels());
        assertArrayEquals(new short[] {-32124, 0}, d.decode(new byte[] {0, (byte) 0xFF}));
        assertEquals(2, d.conceal().length);
        AudioDecoder a = AudioDecoder.forCodec("PCMA");
        assertArrayEquals(new short[] {8}, a.decode(new byte[] {(byte) 0xD5}));
        assertTrue(a.corruptPackets() == 0);
    }
}
