package dev.jrtc.media.audio;

/**
 * ITU-T G.711 companding: 8-bit mu-law and A-law codes to and from 16-bit linear PCM. Decoding
 * uses 256-entry tables built once from the G.711 segment rules.
 */
public final class G711 {
    /** The two companding laws. */
    public enum Law {
        /** mu-law (PCMU), North America and Japan */
        MU,
        /** A-law (PCMA), elsewhere */
        A
    }

    private static final short[] MU_TO_LINEAR = new short[256];
    private static final short[] A_TO_LINEAR = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            MU_TO_LINEAR[i] = (short) muToLinear(i);
            A_TO_LINEAR[i] = (short) aToLinear(i);
        }
    }

    private G711() {
    }

    /** @return the linear sample for a code */
    public static short decode(Law law, int code) {
        return (law == Law.MU ? MU_TO_LINEAR : A_TO_LINEAR)[code & 0xFF];
    }

    /** Decodes every byte of {@code codes} into a new sample array. */
    public static short[] decode(Law law, byte[] codes) {
        short[] table = law == Law.MU ? MU_TO_LINEAR : A_TO_LINEAR;
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = table[codes[i] & 0xFF];
        }
        return out;
    }

    // mu-law: the code is stored inverted; bias 0x84 (132) makes the segments line up.
    private static int muToLinear(int code) {
        int c = ~code & 0xFF;
        int exponent = (c >> 4) & 7;
        int mantissa = c & 0x0F;
        int magnitude = (((mantissa << 3) + 0x84) << exponent) - 0x84;
        return (c & 0x80) != 0 ? -magnitude : magnitude;
    }

    // A-law: even bits are inverted (xor 0x55); segment 0 is linear.
    private static int aToLinear(int code) {
        int c = code ^ 0x55;
        int exponent = (c >> 4) & 7;
        int mantissa = c & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (c & 0x80) != 0 ? magnitude : -magnitude;
    }

    /** @return the mu-law code whose level is nearest to the sample */
    public static byte encodeMu(short sample) {
        return MU_ENCODER.nearest(sample);
    }

    /** @return the A-law code whose level is nearest to the sample */
    public static byte encodeA(short sample) {
        return A_ENCODER.nearest(sample);
    }

    private static final Encoder MU_ENCODER = new Encoder(MU_TO_LINEAR);
    private static final Encoder A_ENCODER = new Encoder(A_TO_LINEAR);

    /**
     * Encodes by searching the sorted decoder levels, so encoding is exactly "the nearest level"
     * (ties go to the level nearer zero) and always agrees with the decoding tables.
     */
    private static final class Encoder {
        private final short[] levels;
        private final byte[] codes;
        private final int size;

        Encoder(short[] table) {
            Integer[] order = new Integer[256];
            for (int i = 0; i < 256; i++) {
                order[i] = i;
            }
            // By level; for mu-law's two zero codes, 0xFF ("positive zero") sorts first and wins.
            java.util.Arrays.sort(order, (a, b) -> table[a] != table[b] ? Short.compare(table[a], table[b]) : b - a);
            levels = new short[256];
            codes = new byte[256];
            int n = 0;
            for (int i = 0; i < 256; i++) {
                if (n > 0 && levels[n - 1] == table[order[i]]) {
                    continue;
                }
                levels[n] = table[order[i]];
                codes[n++] = (byte) (int) order[i];
            }
            this.size = n;
        }

        byte nearest(short sample) {
            int i = java.util.Arrays.binarySearch(levels, 0, size, sample);
            if (i >= 0) {
                return codes[i];
            }
            int above = -i - 1;
            if (above == 0) {
                return codes[0];
            }
            if (above == size) {
                return codes[size - 1];
            }
            int dBelow = sample - levels[above - 1];
            int dAbove = levels[above] - sample;
            if (dBelow != dAbove) {
                return dBelow < dAbove ? codes[above - 1] : codes[above];
            }
            return Math.abs(levels[above - 1]) < Math.abs(levels[above]) ? codes[above - 1] : codes[above];
        }
    }
}
