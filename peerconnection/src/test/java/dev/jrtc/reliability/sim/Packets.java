package dev.jrtc.reliability.sim;

import dev.jrtc.common.Transmit;
import java.util.Arrays;

/** Classifies datagrams on the wire (RFC 7983 first byte, RFC 5761 RTP/RTCP split). */
public final class Packets {
    private Packets() {
    }

    /** The datagram's bytes, copied. */
    public static byte[] bytes(Transmit t) {
        return Arrays.copyOfRange(t.data(), t.offset(), t.offset() + t.length());
    }

    /** STUN: first byte 0–3. */
    public static boolean isStun(Transmit t) {
        return t.length() >= 20 && (t.data()[t.offset()] & 0xFF) < 4;
    }

    /** DTLS: first byte 20–63. */
    public static boolean isDtls(Transmit t) {
        int first = t.data()[t.offset()] & 0xFF;
        return first >= 20 && first <= 63;
    }

    /** SRTP or SRTCP: first byte 128–191. */
    public static boolean isSrtpOrSrtcp(Transmit t) {
        int first = t.data()[t.offset()] & 0xFF;
        return t.length() >= 12 && first >= 128 && first <= 191;
    }

    /** SRTP proper: RTP version and a payload type outside RTCP's 64–95 (after masking the marker). */
    public static boolean isSrtp(Transmit t) {
        if (!isSrtpOrSrtcp(t)) {
            return false;
        }
        int pt = t.data()[t.offset() + 1] & 0x7F;
        return pt < 64 || pt > 95;
    }
}
