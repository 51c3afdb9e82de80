package dev.jrtc.sdp;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The RTP payload types RFC 3551 section 6 assigns, which an SDP may use without {@code a=rtpmap}. */
final class StaticPayloadTypes {
    private StaticPayloadTypes() {}

    private static final Map<Integer, RtpMap> TABLE = Map.ofEntries(
            audio(0, "PCMU", 8000), audio(3, "GSM", 8000), audio(4, "G723", 8000), audio(5, "DVI4", 8000),
            audio(6, "DVI4", 16000), audio(7, "LPC", 8000), audio(8, "PCMA", 8000), audio(9, "G722", 8000),
            Map.entry(10, new RtpMap(10, "L16", 44100, OptionalInt.of(2))), audio(11, "L16", 44100),
            audio(12, "QCELP", 8000), audio(13, "CN", 8000), video(14, "MPA"), audio(15, "G728", 8000),
            audio(16, "DVI4", 11025), audio(17, "DVI4", 22050), audio(18, "G729", 8000), video(25, "CelB"),
            video(26, "JPEG"), video(28, "nv"), video(31, "H261"), video(32, "MPV"), video(33, "MP2T"),
            video(34, "H263"));

    private static Map.Entry<Integer, RtpMap> audio(int pt, String name, int clock) {
        return Map.entry(pt, new RtpMap(pt, name, clock, OptionalInt.of(1)));
    }

    private static Map.Entry<Integer, RtpMap> video(int pt, String name) {
        return Map.entry(pt, new RtpMap(pt, name, 90000, OptionalInt.empty()));
    }

    static Optional<RtpMap> lookup(int pt) {
        return Optional.ofNullable(TABLE.get(pt));
    }
}
