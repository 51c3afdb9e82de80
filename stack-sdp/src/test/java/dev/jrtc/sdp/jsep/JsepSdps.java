package dev.jrtc.sdp.jsep;

/** Offers and local capabilities shared by the JSEP tests. */
final class JsepSdps {
    private JsepSdps() {}

    static final String FINGERPRINT =
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";

    static final LocalCapabilities LOCAL = LocalCapabilities.defaults("ourU", "ourPasswordIs22CharsLong", FINGERPRINT);

    static final String HEAD = "v=0\r\no=- 99 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

    static final String REMOTE_TRANSPORT = "a=ice-ufrag:them\r\na=ice-pwd:theirPasswordIs22Chars\r\n"
            + "a=fingerprint:sha-256 " + FINGERPRINT.replace('A', 'B') + "\r\n";

    /** A data-channel-only offer; {@code extra} is added to its section (e.g. a setup line). */
    static String dataOffer(String extra) {
        return HEAD + "a=group:BUNDLE d\r\nm=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
                + REMOTE_TRANSPORT + "a=mid:d\r\na=sctp-port:5000\r\na=max-message-size:65536\r\n"
                + (extra.isEmpty() ? "" : extra + "\r\n");
    }

    /** An offer section header with transport, mid and rtcp-mux; add codec lines after it. */
    static String rtpSection(String kind, String formats, String mid) {
        return "m=" + kind + " 9 UDP/TLS/RTP/SAVPF " + formats + "\r\nc=IN IP4 0.0.0.0\r\n" + REMOTE_TRANSPORT
                + "a=setup:actpass\r\na=mid:" + mid + "\r\na=rtcp-mux\r\n";
    }

    /** Lines joined with CRLF after each. */
    static String lines(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }
}
