package dev.jrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.ExtMap;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.RtcpFeedback;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.SessionDescription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The answer keeps the offerer's order and payload types, pairs RTX, and intersects rtcp-fb and extmaps. */
class CodecIntersectionTest {
    private static MediaDescription answerSection(String section) throws ParseException {
        SessionDescription offer = SessionDescription.parse(JsepSdps.HEAD + section);
        return AnswerFactory.createAnswer(offer, JsepSdps.LOCAL).media().get(0);
    }

    @Test
    void offerersOrderAndPayloadTypesAreKept() throws ParseException {
        MediaDescription a = answerSection(JsepSdps.rtpSection("audio", "8 9 0 109", "a") + JsepSdps.lines(
                "a=rtpmap:8 PCMA/8000", "a=rtpmap:9 G722/8000", "a=rtpmap:0 PCMU/8000", "a=rtpmap:109 opus/48000/2"));
        assertEquals(List.of("8", "0", "109"), a.mediaLine().formats());
        RtpCodec opus = a.codecs().get(2);
        assertEquals("opus", opus.name());
        assertEquals(Optional.of("1"), opus.parameter("useinbandfec"));
    }

    @Test
    void rtxIsIncludedOnlyForAcceptedCodecsAndPointsAtTheOfferersPayloadType() throws ParseException {
        MediaDescription a = answerSection(JsepSdps.rtpSection("video", "120 124 121 125 126 127", "v") + JsepSdps.lines(
                "a=rtpmap:120 VP8/90000", "a=rtpmap:124 rtx/90000", "a=fmtp:124 apt=120",
                "a=rtpmap:121 VP9/90000", "a=rtpmap:125 rtx/90000", "a=fmtp:125 apt=121",
                "a=rtpmap:126 H264/90000", "a=fmtp:126 packetization-mode=1;profile-level-id=42e01f",
                "a=rtpmap:127 rtx/90000", "a=fmtp:127 apt=999"));
        assertEquals(List.of("120", "124", "126"), a.mediaLine().formats());
        RtpCodec rtx = a.codecs().get(1);
        assertTrue(rtx.isRtx());
        assertEquals(120, rtx.associatedPayloadType().getAsInt());
        // H.264 without an RTX offered for it gets none.
        assertEquals("H264", a.codecs().get(2).name());
    }

    @Test
    void rtcpFeedbackIsTheIntersection() throws ParseException {
        MediaDescription a = answerSection(JsepSdps.rtpSection("video", "96", "v") + JsepSdps.lines(
                "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:96 nack pli", "a=rtcp-fb:96 x-magic",
                "a=rtcp-fb:* ccm fir"));
        assertEquals(List.of(new RtcpFeedback("96", "nack", ""), new RtcpFeedback("96", "nack", "pli"),
                new RtcpFeedback("96", "ccm", "fir")), a.codecs().get(0).feedback());
    }

    @Test
    void supportedExtmapsKeepTheOfferersIds() throws ParseException {
        MediaDescription a = answerSection(JsepSdps.rtpSection("audio", "111", "a") + JsepSdps.lines(
                "a=rtpmap:111 opus/48000/2", "a=extmap:9 urn:ietf:params:rtp-hdrext:sdes:mid",
                "a=extmap:5 urn:example:unsupported", "a=extmap:7/sendonly urn:ietf:params:rtp-hdrext:ssrc-audio-level"));
        List<ExtMap> ext = a.attributes().extMaps();
        assertEquals(2, ext.size());
        assertEquals(ExtMap.of(9, LocalCapabilities.EXT_MID), ext.get(0));
        assertEquals(7, ext.get(1).id());
        assertEquals(Optional.of(dev.jrtc.sdp.Direction.RECVONLY), ext.get(1).direction());
    }

    @Test
    void h264AnswerFollowsTheProfileRulesAndDropsMismatchedModes() throws ParseException {
        MediaDescription a = answerSection(JsepSdps.rtpSection("video", "100 101 102", "v") + JsepSdps.lines(
                "a=rtpmap:100 H264/90000", "a=fmtp:100 packetization-mode=2;profile-level-id=42e01f",
                "a=rtpmap:101 H264/90000", "a=fmtp:101 packetization-mode=1;profile-level-id=42e015",
                "a=rtpmap:102 H264/90000", "a=fmtp:102 packetization-mode=1;profile-level-id=f4001f"));
        assertEquals(List.of("101"), a.mediaLine().formats());
        // No level-asymmetry-allowed in the offer: the answer states the lower level, 2.1.
        assertEquals(Optional.of("42e015"), a.codecs().get(0).parameter("profile-level-id"));
    }

    @Test
    void rtcpRsizeIsEchoedOnlyWhenOffered() throws ParseException {
        String base = JsepSdps.rtpSection("audio", "0", "a") + "a=rtpmap:0 PCMU/8000\r\n";
        assertTrue(!answerSection(base).attributes().has("rtcp-rsize"));
        assertTrue(answerSection(base + "a=rtcp-rsize\r\n").attributes().has("rtcp-rsize"));
        assertTrue(answerSection(base).attributes().has("rtcp-mux"));
    }
}
