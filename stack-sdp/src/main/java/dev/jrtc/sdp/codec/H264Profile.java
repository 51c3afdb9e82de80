package dev.jrtc.sdp.codec;

import java.util.Optional;

/**
 * The H.264 profiles WebRTC negotiates, recognised from {@code profile_idc} and the constraint
 * flags of {@code profile-iop} (H.264 Annex A.2). A stream that satisfies a stricter profile's
 * constraints is classified as that stricter profile, so that 42e01f, 4de01f and 58f01f all name
 * Constrained Baseline.
 */
public enum H264Profile {
    /** Baseline with constraint_set1 (also decodable by Main decoders): what browsers send. */
    CONSTRAINED_BASELINE(0x42, 0xe0),
    /** Baseline without the Main-compatibility constraint. */
    BASELINE(0x42, 0x00),
    /** Main. */
    MAIN(0x4d, 0x00),
    /** High with constraint_set4 and constraint_set5 (no B-frames, progressive only). */
    CONSTRAINED_HIGH(0x64, 0x0c),
    /** High. */
    HIGH(0x64, 0x00),
    /** High 4:4:4 Predictive. */
    PREDICTIVE_HIGH_444(0xf4, 0x00);

    // constraint_set<N>_flag bits of profile-iop, most significant first.
    static final int SET0 = 0x80;
    static final int SET1 = 0x40;
    static final int SET3 = 0x10;
    static final int SET4 = 0x08;
    static final int SET5 = 0x04;

    private final int profileIdc;
    private final int canonicalIop;

    H264Profile(int profileIdc, int canonicalIop) {
        this.profileIdc = profileIdc;
        this.canonicalIop = canonicalIop;
    }

    /** The profile_idc written for this profile. */
    public int profileIdc() {
        return profileIdc;
    }

    /** The profile-iop written for this profile (before any level 1b flag). */
    public int canonicalIop() {
        return canonicalIop;
    }

    /** True for the profiles whose level 1b is written as level_idc 11 with constraint_set3. */
    boolean writesLevel1bWithSet3() {
        return profileIdc == 0x42 || profileIdc == 0x4d;
    }

    /**
     * Classifies a profile_idc and profile-iop pair; empty for profiles WebRTC does not use (for
     * example Extended without Baseline compatibility, or High 10).
     */
    public static Optional<H264Profile> classify(int profileIdc, int iop) {
        boolean set0 = (iop & SET0) != 0;
        boolean set1 = (iop & SET1) != 0;
        return switch (profileIdc) {
            // Baseline + constraint_set1 = also conforms to Main = Constrained Baseline.
            case 0x42 -> Optional.of(set1 ? CONSTRAINED_BASELINE : BASELINE);
            // Main + constraint_set0 = also conforms to Baseline = Constrained Baseline.
            case 0x4d -> Optional.of(set0 ? CONSTRAINED_BASELINE : MAIN);
            // Extended is only usable when it also conforms to Baseline (set0), and to Main (set1).
            case 0x58 -> set0 ? Optional.of(set1 ? CONSTRAINED_BASELINE : BASELINE) : Optional.empty();
            case 0x64 -> Optional.of((iop & (SET4 | SET5)) == (SET4 | SET5) ? CONSTRAINED_HIGH : HIGH);
            case 0xf4 -> Optional.of(PREDICTIVE_HIGH_444);
            default -> Optional.empty();
        };
    }
}
