package dev.jrtc.media.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToneMeterTest {
    private static short[] sine(double hz, int samples, int rate) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (10000 * Math.sin(2 * Math.PI * hz * i / rate + 0.3));
        }
        return s;
    }

    @Test
    void zeroCrossingsOfASine() {
        assertEquals(440, ToneMeter.frequency(sine(440, 48000, 48000), 1, 0, 48000), 0.01);
        assertEquals(1234.5, ToneMeter.frequency(sine(1234.5, 8000, 8000), 1, 0, 8000), 0.05);
        assertEquals(0, ToneMeter.frequency(new short[1000], 1, 0, 48000));
    }

    @Test
    void autocorrelationOfAShortSquareBurst() {
        // 20 ms of a 400 Hz square wave: 8 periods of 120 samples.
        short[] sq = new short[960];
        for (int i = 0; i < sq.length; i++) {
            sq[i] = (short) ((i / 60) % 2 == 0 ? 12000 : -12000);
        }
        assertEquals(400, ToneMeter.fundamental(sq, 1, 0, 48000, 100, 3000), 2);
        assertEquals(731, ToneMeter.fundamental(sine(731, 1200, 48000), 1, 0, 48000, 100, 3000), 3);
        assertEquals(0, ToneMeter.fundamental(new short[4000], 1, 0, 48000, 100, 3000));
    }

    @Test
    void powerAndRmsPickOutTheTone() {
        short[] s = sine(1000, 48000, 48000);
        assertEquals(10000 / Math.sqrt(2), ToneMeter.rms(s, 1, 0), 1);
        assertTrue(ToneMeter.power(s, 1, 0, 48000, 1000) > 1e6 * ToneMeter.power(s, 1, 0, 48000, 1500) / 1e3);
        assertTrue(ToneMeter.power(s, 1, 0, 48000, 1000) > 1e7);
    }
}
