package dev.jrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Data-channel-only offers, in the RFC 8841 form and in the legacy DTLS/SCTP form aiortc 1.4 sends. */
class DataChannelOnlyOfferTest {
    @Test
    void modernOfferGetsAnApplicationSectionWithOurSctpPortAndMessageSize() throws ParseException {
        SessionDescription answer = AnswerFactory.createAnswer(
                SessionDescription.parse(JsepSdps.dataOffer("a=setup:actpass")), JsepSdps.LOCAL);
        MediaDescription m = answer.media().get(0);
        assertEquals("application 9 UDP/DTLS/SCTP webrtc-datachannel", m.mediaLine().text());
        assertEquals(OptionalInt.of(5000), m.attributes().sctpPort());
        assertEquals(OptionalLong.of(262144), m.attributes().maxMessageSize());
        assertEquals(List.of("d"), answer.bundleGroup().orElseThrow().mids());
        assertFalse(m.attributes().has("rtcp-mux"));
    }

    @Test
    void legacyOfferIsAnsweredInTheLegacyForm() throws ParseException {
        String offer = JsepSdps.HEAD + "a=group:BUNDLE 0\r\nm=application 58765 DTLS/SCTP 5000\r\nc=IN IP4 10.0.0.1\r\n"
                + "a=mid:0\r\na=sctpmap:5000 webrtc-datachannel 65535\r\na=max-message-size:65536\r\n"
                + JsepSdps.REMOTE_TRANSPORT + "a=setup:actpass\r\n";
        MediaDescription m = AnswerFactory.createAnswer(SessionDescription.parse(offer), JsepSdps.LOCAL).media().get(0);
        assertEquals("application 9 DTLS/SCTP 5000", m.mediaLine().text());
        assertEquals("5000 webrtc-datachannel 65535", m.attributes().value("sctpmap").orElseThrow());
    }
}
