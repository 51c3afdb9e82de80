package dev.jrtc.sdp.codec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Offer/answer rules for H.264 formats (RFC 6184 section 8.2.2): two formats are the same codec
 * only when their profiles and packetization modes match; the level is then negotiated.
 */
public final class H264Formats {
    /** The packetization-mode parameter; absent means 0. */
    public static final String PACKETIZATION_MODE = "packetization-mode";
    /** The level-asymmetry-allowed parameter; 1 lets each side receive at its own level. */
    public static final String LEVEL_ASYMMETRY_ALLOWED = "level-asymmetry-allowed";

    private H264Formats() {}

    /** True when both formats have a usable profile-level-id with the same profile and the same packetization mode. */
    public static boolean sameFormat(Map<String, String> a, Map<String, String> b) {
        Optional<H264ProfileLevelId> pa = H264ProfileLevelId.fromParameters(a);
        Optional<H264ProfileLevelId> pb = H264ProfileLevelId.fromParameters(b);
        return pa.isPresent() && pb.isPresent() && pa.get().profile() == pb.get().profile()
                && packetizationMode(a).equals(packetizationMode(b));
    }

    /** The packetization mode, "0" when absent. */
    public static String packetizationMode(Map<String, String> parameters) {
        return get(parameters, PACKETIZATION_MODE).map(String::strip).orElse("0");
    }

    /** True when the parameters say {@code level-asymmetry-allowed=1}. */
    public static boolean levelAsymmetryAllowed(Map<String, String> parameters) {
        return get(parameters, LEVEL_ASYMMETRY_ALLOWED).map(String::strip).filter("1"::equals).isPresent();
    }

    /**
     * The level an answer states: with level asymmetry allowed by both sides, the answerer's own
     * level (what it can receive); otherwise the lower of the two, since both directions then share
     * one level.
     */
    public static H264Level answerLevel(Map<String, String> local, Map<String, String> offered,
                                        H264Level localLevel, H264Level offeredLevel) {
        if (levelAsymmetryAllowed(local) && levelAsymmetryAllowed(offered)) {
            return localLevel;
        }
        return H264Level.min(localLevel, offeredLevel);
    }

    /**
     * The fmtp parameters of an answer: the local ones, with {@code profile-level-id} rewritten to
     * the common profile at the negotiated level. Call only when {@link #sameFormat} holds.
     */
    public static Map<String, String> answerParameters(Map<String, String> local, Map<String, String> offered) {
        H264ProfileLevelId l = H264ProfileLevelId.fromParameters(local).orElseThrow(
                () -> new IllegalArgumentException("local H.264 format has no usable profile-level-id"));
        H264ProfileLevelId o = H264ProfileLevelId.fromParameters(offered).orElseThrow(
                () -> new IllegalArgumentException("offered H.264 format has no usable profile-level-id"));
        H264Level level = answerLevel(local, offered, l.level(), o.level());
        Map<String, String> out = new LinkedHashMap<>();
        boolean written = false;
        for (var e : local.entrySet()) {
            if (e.getKey().equalsIgnoreCase(H264ProfileLevelId.PARAMETER)) {
                out.put(e.getKey(), new H264ProfileLevelId(l.profile(), level).toHex());
                written = true;
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        if (!written) {
            out.put(H264ProfileLevelId.PARAMETER, new H264ProfileLevelId(l.profile(), level).toHex());
        }
        return out;
    }

    private static Optional<String> get(Map<String, String> parameters, String key) {
        for (var e : parameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }
}
