package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** rtpmap, fmtp, rtcp-fb, extmap, ssrc, ssrc-group, msid and the codec view built from them. */
class RtpAttributeParsingTest {
    @Test
    void rtpmapReadsPayloadTypeNameClockRateAndChannels() throws ParseException {
        assertEquals(new RtpMap(111, "opus", 48000, OptionalInt.of(2)), RtpMap.parse("111 opus/48000/2"));
        assertEquals(new RtpMap(96, "VP8", 90000, OptionalInt.empty()), RtpMap.parse("96 VP8/90000"));
        assertThrows(ParseException.class, () -> RtpMap.parse("96 VP8/0"));
        assertThrows(ParseException.class, () -> RtpMap.parse("96 VP8/90000/x"));
        assertThrows(ParseException.class, () -> RtpMap.parse("96"));
    }

    @Test
    void fmtpKeepsParameterOrderAndValuelessParts() throws ParseException {
        Fmtp f = Fmtp.parse("102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f");
        assertEquals("102", f.format());
        assertEquals(List.of("level-asymmetry-allowed", "packetization-mode", "profile-level-id"),
                List.copyOf(f.parameterMap().keySet()));
        assertEquals(Map.of("0-15", ""), Fmtp.parse("101 0-15").parameterMap());
        assertEquals(Map.of("111/111", ""), Fmtp.parse("63 111/111").parameterMap());
        // A space after ';' (RFC 8853's example writes one) does not become part of the key.
        assertEquals("30", Fmtp.parse("99 max-fs=240; max-fr=30").parameterMap().get("max-fr"));
    }

    @Test
    void rtcpFeedbackReadsTypeAndParameterAndWildcard() throws ParseException {
        RtcpFeedback pli = RtcpFeedback.parse("96 nack pli");
        assertEquals(new RtcpFeedback("96", "nack", "pli"), pli);
        assertTrue(pli.appliesTo(96));
        assertFalse(pli.appliesTo(97));
        RtcpFeedback any = RtcpFeedback.parse("* transport-cc");
        assertTrue(any.appliesTo(0) && any.appliesTo(127));
        assertEquals("96 goog-remb", RtcpFeedback.parse("96 goog-remb").attributeValue());
    }

    @Test
    void extmapReadsIdDirectionUriAndAttributes() throws ParseException {
        ExtMap e = ExtMap.parse("2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level");
        assertEquals(2, e.id());
        assertEquals(Optional.of(Direction.RECVONLY), e.direction());
        assertEquals("urn:ietf:params:rtp-hdrext:csrc-audio-level", e.uri());
        ExtMap withAttrs = ExtMap.parse("5 urn:ietf:params:rtp-hdrext:encrypt urn:x vad=on");
        assertEquals("urn:x vad=on", withAttrs.attributes());
        assertEquals("5 urn:ietf:params:rtp-hdrext:encrypt urn:x vad=on", withAttrs.attributeValue());
        assertEquals(4096, ExtMap.parse("4096 urn:x").id());
        assertThrows(ParseException.class, () -> ExtMap.parse("300 urn:x"));
    }

    @Test
    void ssrcLinesKeepValuesWithSpaces() throws ParseException {
        SsrcAttribute msid = SsrcAttribute.parse("244642726 msid:stream track");
        assertEquals(244642726L, msid.ssrc());
        assertEquals("msid", msid.attribute());
        assertEquals("stream track", msid.value());
        assertEquals(new SsrcAttribute(4294967295L, "cname", "a:b"), SsrcAttribute.parse("4294967295 cname:a:b"));
        assertEquals(null, SsrcAttribute.parse("1 flagonly").value());
    }

    @Test
    void ssrcGroupsReadFidAndSim() throws ParseException {
        assertEquals(new SsrcGroup("FID", List.of(3943255394L, 3212129168L)), SsrcGroup.parse("FID 3943255394 3212129168"));
        assertEquals(List.of(1L, 2L, 3L), SsrcGroup.parse("SIM 1 2 3").ssrcs());
    }

    @Test
    void msidHasStreamAndOptionalTrack() throws ParseException {
        assertEquals(Msid.of("{0234}", "{88a1}"), Msid.parse("{0234} {88a1}"));
        assertEquals(Optional.empty(), Msid.parse("stream-only").trackId());
    }

    @Test
    void codecsCombineRtpmapFmtpFeedbackAndStaticTypes() throws ParseException {
        MediaDescription m = Sdps.section("m=video 9 UDP/TLS/RTP/SAVPF 96 97 34 98",
                "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack", "a=rtcp-fb:* ccm fir",
                "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96");
        List<RtpCodec> codecs = m.codecs();
        // 98 has no rtpmap and is not static: it is not a codec.
        assertEquals(List.of(96, 97, 34), codecs.stream().map(RtpCodec::payloadType).toList());
        assertEquals(2, codecs.get(0).feedback().size());
        assertEquals(OptionalInt.of(96), codecs.get(1).associatedPayloadType());
        assertTrue(codecs.get(1).isRtx());
        assertEquals("H263", codecs.get(2).name());
        assertEquals(1, codecs.get(2).feedback().size(), "the wildcard rtcp-fb applies to every format");
    }

    @Test
    void audioCodecChannelsDefaultToOne() throws ParseException {
        List<RtpCodec> c = Sdps.section("m=audio 9 UDP/TLS/RTP/SAVPF 111 0", "a=rtpmap:111 opus/48000/2").codecs();
        assertEquals(2, c.get(0).channels());
        assertEquals("PCMU", c.get(1).name());
        assertEquals(1, c.get(1).channels());
    }

    @Test
    void applicationSectionsHaveNoCodecs() throws ParseException {
        assertTrue(Sdps.section("m=application 9 UDP/DTLS/SCTP webrtc-datachannel").codecs().isEmpty());
    }

    @Test
    void badAptIsReportedAsAbsentNotThrown() throws ParseException {
        MediaDescription m = Sdps.section("m=video 9 UDP/TLS/RTP/SAVPF 97", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=x");
        assertEquals(OptionalInt.empty(), m.codecs().get(0).associatedPayloadType());
    }
}
