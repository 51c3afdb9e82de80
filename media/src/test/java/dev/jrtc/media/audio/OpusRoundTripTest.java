package dev.jrtc.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.media.source.ToneSource;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** ToneSource (Concentus encoder) to AudioDecoder (Concentus decoder): the tone comes back. */
class OpusRoundTripTest {

    @ParameterizedTest
    @ValueSource(doubles = {300, 440, 1000, 2500})
    void toneFrequencyIsPreserved(double hz) {
        ToneSource source = new ToneSource(hz);
        AudioDecoder decoder = AudioDecoder.forCodec("opus");
        assertEquals(48000, decoder.sampleRate());
        assertEquals(2, decoder.channels());
        short[] pcm = new short[0];
        long ts = -1;
        for (int i = 0; i < 50; i++) {
            EncodedMediaFrame f = source.next();
            assertEquals("OPUS", f.codec());
            if (ts >= 0) {
                assertEquals(ts + 960, f.rtpTimestamp());
            }
            ts = f.rtpTimestamp();
            short[] out = decoder.decode(f.data());
            assertEquals(960 * 2, out.length);
            pcm = concat(pcm, out);
        }
        short[] steady = Arrays.copyOfRange(pcm, 2 * 4800, pcm.length);
        double measured = ToneMeter.frequency(steady, 2, 0, 48000);
        assertEquals(hz, measured, hz * 0.005, "measured " + measured);
        assertEquals(hz, ToneMeter.frequency(steady, 2, 1, 48000), hz * 0.005);
        double rms = ToneMeter.rms(steady, 2, 0);
        assertEquals(0.25 * 32767 / Math.sqrt(2), rms, 0.1 * rms, "level");
        // Nearly all the energy is at the tone, none an octave away.
        assertTrue(ToneMeter.power(steady, 2, 0, 48000, hz) > 1000 * ToneMeter.power(steady, 2, 0, 48000, hz * 2));
        assertEquals(0, decoder.corruptPackets());
    }

    @Test
    void garbageIsConcealedAndCounted() {
        AudioDecoder decoder = new OpusAudioDecoder(1);
        ToneSource source = new ToneSource(440);
        decoder.decode(source.next().data());
        short[] out = decoder.decode(new byte[0]);
        assertEquals(960, out.length);
        // A code-3 packet claiming 63 frames of 60 ms is longer than Opus allows.
        out = decoder.decode(new byte[] {(byte) 0xFB, (byte) 0x3F, 1, 2, 3});
        assertEquals(2, decoder.corruptPackets());
        assertEquals(960, out.length);
        assertEquals(960, decoder.conceal().length);
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> new ToneSource(0));
        assertThrows(IllegalArgumentException.class, () -> new ToneSource(440, 2, 32000));
        assertThrows(IllegalArgumentException.class, () -> new OpusAudioDecoder(3));
        assertThrows(dev.jrtc.media.UnsupportedCodecException.class, () -> AudioDecoder.forCodec("G722"));
    }

    private static short[] concat(short[] a, short[] b) {
        short[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
