package dev.jrtc.sdp.codec;

import dev.jrtc.sdp.RtpCodec;

/**
 * Decides whether two payload formats are the same codec for offer/answer: same encoding name
 * (ignoring case), clock rate and channels, plus the codec's own format rules. RTX formats are the
 * same when their names match; which codec they repair is the caller's business.
 */
public final class CodecMatcher {
    private CodecMatcher() {}

    /** True when {@code a} and {@code b} are the same codec. */
    public static boolean matches(RtpCodec a, RtpCodec b) {
        if (!a.name().equalsIgnoreCase(b.name()) || a.clockRate() != b.clockRate() || a.channels() != b.channels()) {
            return false;
        }
        if (a.isNamed("H264")) {
            return H264Formats.sameFormat(a.parameters(), b.parameters());
        }
        if (a.isNamed("VP9")) {
            return a.parameter("profile-id").orElse("0").equals(b.parameter("profile-id").orElse("0"));
        }
        if (a.isNamed("AV1")) {
            return a.parameter("profile").orElse("0").equals(b.parameter("profile").orElse("0"));
        }
        return true;
    }
}
