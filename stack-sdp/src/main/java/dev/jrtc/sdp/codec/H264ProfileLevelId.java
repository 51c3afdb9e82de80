package dev.jrtc.sdp.codec;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The H.264 {@code profile-level-id} fmtp parameter (RFC 6184 section 8.1): three hex bytes,
 * profile_idc, profile-iop and level_idc.
 *
 * @param profile the recognised profile
 * @param level   the level
 */
public record H264ProfileLevelId(H264Profile profile, H264Level level) {
    /** The fmtp parameter name. */
    public static final String PARAMETER = "profile-level-id";

    /** What RFC 6184 says to assume when the parameter is absent: Baseline, level 1. */
    public static final H264ProfileLevelId RFC_DEFAULT = new H264ProfileLevelId(H264Profile.BASELINE, H264Level.L1);

    /** Parses six hex digits; empty when malformed or naming a profile WebRTC does not use. */
    public static Optional<H264ProfileLevelId> parse(String hex) {
        if (hex == null || hex.length() != 6) {
            return Optional.empty();
        }
        int value = 0;
        for (int i = 0; i < 6; i++) {
            char c = hex.charAt(i);
            int d = c < 128 ? Character.digit(c, 16) : -1;
            if (d < 0) {
                return Optional.empty();
            }
            value = (value << 4) | d;
        }
        int profileIdc = value >>> 16;
        int iop = (value >>> 8) & 0xff;
        int levelIdc = value & 0xff;
        Optional<H264Profile> profile = H264Profile.classify(profileIdc, iop);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        boolean set3Means1b = (iop & H264Profile.SET3) != 0
                && (profileIdc == 0x42 || profileIdc == 0x4d || profileIdc == 0x58);
        return H264Level.of(levelIdc, set3Means1b).map(l -> new H264ProfileLevelId(profile.get(), l));
    }

    /**
     * Reads the parameter from an fmtp map (key compared ignoring case); the RFC default when it is
     * absent, empty when it is present but unusable.
     */
    public static Optional<H264ProfileLevelId> fromParameters(Map<String, String> parameters) {
        for (var e : parameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(PARAMETER)) {
                return parse(e.getValue());
            }
        }
        return Optional.of(RFC_DEFAULT);
    }

    /** The canonical six lower-case hex digits for this profile and level. */
    public String toHex() {
        int iop = profile.canonicalIop();
        int levelIdc = level.levelIdc();
        if (level == H264Level.L1B) {
            if (profile.writesLevel1bWithSet3()) {
                iop |= H264Profile.SET3;
                levelIdc = 11;
            } else {
                levelIdc = 9;
            }
        }
        return String.format(Locale.ROOT, "%02x%02x%02x", profile.profileIdc(), iop, levelIdc);
    }
}
