package dev.jrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sections we cannot or will not use are answered on port 0 with one format and their mid. */
class RejectedSectionsTest {
    private static SessionDescription answer(String body) throws ParseException {
        return AnswerFactory.createAnswer(SessionDescription.parse(JsepSdps.HEAD + body), JsepSdps.LOCAL);
    }

    private static void assertRejected(MediaDescription m, String mid, String format) {
        assertTrue(m.isRejected());
        assertEquals(0, m.port());
        assertEquals(List.of(format), m.mediaLine().formats());
        assertEquals(Optional.of(mid), m.mid());
    }

    @Test
    void sectionWithNoCommonCodecIsRejectedAndLeftOutOfBundle() throws ParseException {
        SessionDescription a = answer("a=group:BUNDLE v a\r\n"
                + JsepSdps.rtpSection("video", "98 99", "v") + "a=rtpmap:98 H265/90000\r\na=rtpmap:99 rtx/90000\r\na=fmtp:99 apt=98\r\n"
                + JsepSdps.rtpSection("audio", "0", "a") + "a=rtpmap:0 PCMU/8000\r\n");
        assertRejected(a.media().get(0), "v", "98");
        assertFalse(a.media().get(1).isRejected());
        assertEquals(List.of("a"), a.bundleGroup().orElseThrow().mids());
    }

    @Test
    void sectionTheOfferRejectedStaysRejected() throws ParseException {
        SessionDescription a = answer(JsepSdps.rtpSection("audio", "0", "a").replace(" 9 ", " 0 ") + "a=rtpmap:0 PCMU/8000\r\n");
        assertRejected(a.media().get(0), "a", "0");
    }

    @Test
    void unknownMediaAndInsecureProfilesAreRejected() throws ParseException {
        SessionDescription a = answer(JsepSdps.rtpSection("text", "98", "t") + "a=rtpmap:98 t140/1000\r\n"
                + "m=audio 5004 RTP/AVP 0\r\na=mid:plain\r\na=rtcp-mux\r\n");
        assertRejected(a.media().get(0), "t", "98");
        assertRejected(a.media().get(1), "plain", "0");
    }

    @Test
    void rtpWithoutRtcpMuxIsRejected() throws ParseException {
        SessionDescription a = answer(JsepSdps.rtpSection("audio", "0", "a").replace("a=rtcp-mux\r\n", ""));
        assertRejected(a.media().get(0), "a", "0");
    }

    @Test
    void dataSectionIsRejectedWithoutDataChannelSupport() throws ParseException {
        SessionDescription offer = SessionDescription.parse(JsepSdps.dataOffer(""));
        SessionDescription a = AnswerFactory.createAnswer(offer, JsepSdps.LOCAL.withDataChannel(Optional.empty()));
        assertRejected(a.media().get(0), "d", "webrtc-datachannel");
        assertTrue(a.bundleGroup().isEmpty());
    }

    @Test
    void rejectedAnswerStillParsesAndHasNoTransportAttributes() throws ParseException {
        SessionDescription a = answer(JsepSdps.rtpSection("text", "98", "t"));
        assertEquals(a, SessionDescription.parse(a.toSdpString()));
        assertTrue(a.media().get(0).attributes().iceUfrag().isEmpty());
    }
}
