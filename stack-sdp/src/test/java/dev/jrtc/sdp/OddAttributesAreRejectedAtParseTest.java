package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The rule for odd attributes: an attribute with a typed view is checked when the SDP is parsed
 * (or a section is built), so a malformed one is a ParseException there, and typed accessors on
 * anything that was accepted never throw. Attributes without a typed view are never judged.
 */
class OddAttributesAreRejectedAtParseTest {
    @Test
    void rtpmapWithoutAPayloadTypeIsRejectedAtParse() {
        ParseException e = assertThrows(ParseException.class,
                () -> Sdps.parse("m=audio 9 RTP/AVP 0", "a=rtpmap:abc"));
        assertTrue(e.getMessage().startsWith("line 6: rtpmap needs"), e.getMessage());
    }

    @Test
    void builderRejectsWhatTheParserWouldReject() {
        MediaDescription.Builder b = MediaDescription.builder(MediaLine.of("audio", 9, "RTP/AVP", java.util.List.of("0")))
                .attribute("rtpmap", "abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().startsWith("rtpmap needs"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MediaDescription.builder(MediaLine.of("audio", 9, "RTP/AVP", java.util.List.of("0"))).line(new TextLine('t', "0 0")).build());
    }

    @Test
    void unknownAttributesAreNotJudged() throws ParseException {
        MediaDescription m = Sdps.section("m=audio 9 RTP/AVP 0", "a=x-rtpmap:abc", "a=ptime:not-a-number");
        assertEquals("not-a-number", m.attributes().value("ptime").orElseThrow());
    }

    @Test
    void acceptedOddButLegalValuesGiveEmptyTypedResultsNotExceptions() throws ParseException {
        // apt is an fmtp parameter without a typed parser: a bad value is reported as absent.
        MediaDescription m = Sdps.section("m=video 9 RTP/AVP 97", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=999");
        assertEquals(OptionalInt.empty(), m.codecs().get(0).associatedPayloadType());
    }
}
