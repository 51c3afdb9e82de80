package dev.jrtc.sdp.codec;

import java.util.Optional;

/** H.264 levels (Table A-1), in increasing order of capability; 1b sits between 1 and 1.1. */
public enum H264Level {
    /** Level 1. */ L1(10),
    /** Level 1b. */ L1B(11),
    /** Level 1.1. */ L1_1(11),
    /** Level 1.2. */ L1_2(12),
    /** Level 1.3. */ L1_3(13),
    /** Level 2. */ L2(20),
    /** Level 2.1. */ L2_1(21),
    /** Level 2.2. */ L2_2(22),
    /** Level 3. */ L3(30),
    /** Level 3.1. */ L3_1(31),
    /** Level 3.2. */ L3_2(32),
    /** Level 4. */ L4(40),
    /** Level 4.1. */ L4_1(41),
    /** Level 4.2. */ L4_2(42),
    /** Level 5. */ L5(50),
    /** Level 5.1. */ L5_1(51),
    /** Level 5.2. */ L5_2(52),
    /** Level 6. */ L6(60),
    /** Level 6.1. */ L6_1(61),
    /** Level 6.2. */ L6_2(62);

    private final int levelIdc;

    H264Level(int levelIdc) {
        this.levelIdc = levelIdc;
    }

    /** The level_idc byte (for 1b in Baseline/Main-family profiles it is 11 plus constraint_set3). */
    public int levelIdc() {
        return levelIdc;
    }

    /**
     * The level of a level_idc; {@code set3Means1b} is true when constraint_set3 is set in a
     * Baseline-, Main- or Extended-family profile, where level_idc 11 then means 1b.
     */
    static Optional<H264Level> of(int levelIdc, boolean set3Means1b) {
        if (levelIdc == 9 || (levelIdc == 11 && set3Means1b)) {
            return Optional.of(L1B);
        }
        for (H264Level l : values()) {
            if (l != L1B && l.levelIdc == levelIdc) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The lower of two levels. */
    public static H264Level min(H264Level a, H264Level b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
