package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8851 rid and RFC 8853 simulcast attributes. */
class RidAndSimulcastParsingTest {
    @Test
    void ridReadsDirectionPayloadTypesAndRestrictions() throws ParseException {
        Rid r = Rid.parse("1 send pt=97,98;max-width=1280;max-height=720");
        assertEquals("1", r.id());
        assertEquals(Rid.RidDirection.SEND, r.direction());
        assertEquals(List.of(97, 98), r.payloadTypes());
        assertEquals(Map.of("max-width", "1280", "max-height", "720"), r.restrictions());
        assertEquals("1 send pt=97,98;max-width=1280;max-height=720", r.attributeValue());
        assertEquals(Rid.RidDirection.RECV, Rid.parse("h recv").direction());
    }

    @Test
    void badRidsAreRejected() {
        assertThrows(ParseException.class, () -> Rid.parse("a.b send"));
        assertThrows(ParseException.class, () -> Rid.parse("a both"));
        assertThrows(ParseException.class, () -> Rid.parse("a send pt=x"));
    }

    @Test
    void simulcastStreamsAlternativesAndPausedRids() throws ParseException {
        Simulcast s = Simulcast.parse("send 1;~4;2,3 recv c");
        assertEquals(3, s.send().size());
        assertEquals(List.of(new Simulcast.RidRef("1", false)), s.send().get(0));
        assertEquals(List.of(new Simulcast.RidRef("4", true)), s.send().get(1));
        assertEquals(List.of(new Simulcast.RidRef("2", false), new Simulcast.RidRef("3", false)), s.send().get(2));
        assertEquals(List.of(List.of(new Simulcast.RidRef("c", false))), s.recv());
        assertEquals("send 1;~4;2,3 recv c", s.attributeValue());
    }

    @Test
    void simulcastRecvFirstIsTheSameValue() throws ParseException {
        assertEquals(Simulcast.parse("send a recv b"), Simulcast.parse("recv b send a"));
        assertTrue(Simulcast.parse("recv x").send().isEmpty());
    }

    @Test
    void malformedSimulcastIsRejected() {
        assertThrows(ParseException.class, () -> Simulcast.parse("send"));
        assertThrows(ParseException.class, () -> Simulcast.parse("send a send b"));
        assertThrows(ParseException.class, () -> Simulcast.parse("both a"));
        assertThrows(ParseException.class, () -> Simulcast.parse("send a,,b"));
    }

    @Test
    void chromeSimulcastOfferExposesRidsAndSimulcast() throws ParseException {
        MediaDescription m = Sdps.section("m=video 9 UDP/TLS/RTP/SAVPF 96", "a=rtpmap:96 VP8/90000",
                "a=rid:h send", "a=rid:m send", "a=rid:l send", "a=simulcast:send h;m;l");
        assertEquals(List.of("h", "m", "l"), m.attributes().rids().stream().map(Rid::id).toList());
        assertEquals(3, m.attributes().simulcast().orElseThrow().send().size());
    }
}
