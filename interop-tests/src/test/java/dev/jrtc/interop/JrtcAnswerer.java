package dev.jrtc.interop;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.jsep.AnswerFactory;
import dev.jrtc.sdp.jsep.LocalCapabilities;

/**
 * jrtc's side of an SDP interop test: parses a real peer's offer and writes jrtc's answer with the
 * default local capabilities. The ICE credentials and the DTLS fingerprint are made up but well
 * formed: these tests stop at setRemoteDescription, so no ICE check or DTLS handshake happens.
 */
final class JrtcAnswerer {
    static final String ICE_UFRAG = "jrtcInterop";
    /** ICE wants at least 22 characters of password (RFC 8839 section 5.4). */
    static final String ICE_PWD = "jrtcInteropPassword0123456789";
    /** A SHA-256 fingerprint (32 bytes, colon-separated upper-case hex) of no real certificate. */
    static final String FINGERPRINT = madeUpFingerprint();

    private JrtcAnswerer() {}

    static String answer(String offerSdp) throws ParseException {
        SessionDescription offer = SessionDescription.parse(offerSdp);
        return AnswerFactory.createAnswer(offer, LocalCapabilities.defaults(ICE_UFRAG, ICE_PWD, FINGERPRINT))
                .toSdpString();
    }

    private static String madeUpFingerprint() {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            hex.append(i == 0 ? "" : ":").append(String.format("%02X", (0xA5 + 7 * i) & 0xFF));
        }
        return hex.toString();
    }
}
