package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every parse error is a ParseException that names the line number and the reason. */
class MalformedSdpErrorsNameTheLineTest {
    private static ParseException fail(String sdp) {
        return assertThrows(ParseException.class, () -> SessionDescription.parse(sdp));
    }

    @Test
    void shortMediaLineNamesLineFiveAndTheFieldCount() {
        ParseException e = fail(Sdps.sdp("m=audio 9"));
        assertEquals("line 5: m= line needs at least 4 fields: 'm=audio 9'", e.getMessage());
    }

    @Test
    void sdpNotStartingWithVersionIsRejectedAtLineOne() {
        ParseException e = fail("o=- 1 2 IN IP4 127.0.0.1\r\nv=0\r\n");
        assertTrue(e.getMessage().startsWith("line 1: SDP must start with v=0"), e.getMessage());
    }

    @Test
    void blankLinesStillCountForTheLineNumber() {
        ParseException e = fail("v=0\n\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\n\nm=video 70000 RTP/AVP 96\n");
        assertTrue(e.getMessage().startsWith("line 7: m= port must be in 0..65535"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a=rtpmap:abc VP8/90000        | rtpmap payload type is not a number",
        "a=rtpmap:96 VP8               | rtpmap encoding must be",
        "a=rtpmap:200 VP8/90000        | rtpmap payload type must be in 0..127",
        "a=fmtp:                       | fmtp needs a format",
        "a=rtcp-fb:x nack              | rtcp-fb payload type is not a number",
        "a=extmap:0 urn:x              | extmap id must be in 1..4351",
        "a=extmap:1/sideways urn:x     | extmap direction must be",
        "a=ssrc:4294967296 cname:x     | ssrc must be in 0..4294967295",
        "a=ssrc-group:FID              | ssrc-group needs",
        "a=fingerprint:sha-256 AB:CD   | a sha-256 fingerprint has 32 bytes, got 2",
        "a=fingerprint:sha-256 XYZ     | fingerprint must be hex pairs",
        "a=setup:maybe                 | setup must be active, passive, actpass or holdconn",
        "a=candidate:1 1 udp 1 ::1 5000 typ bogus | candidate type must be",
        "a=rid:a sideways              | rid direction must be send or recv",
        "a=simulcast:send a;;b         | simulcast rid must be",
        "a=sctp-port:99999             | sctp-port must be in 0..65535",
        "a=max-message-size:-1         | max-message-size is not a number",
        "a=ice-ufrag:has space         | ice-ufrag must be 1..256",
        "a=mid                         | a=mid needs a value",
        "a=msid:a b c                  | msid needs",
        "c=IN IP4                      | c= line needs 3 fields",
        "m=video 9 RTP/AVP VP8         | m= format 'VP8' is not an RTP payload type",
        "x                             | expected '<letter>=<value>'",
        "1=2                           | expected '<letter>=<value>'",
    })
    void malformedLineIsRejectedWithItsNumberAndReason(String line, String reason) {
        // The bad line is line 6: four head lines, one m= line, then it.
        String sdp = Sdps.sdp("m=video 9 UDP/TLS/RTP/SAVPF 96", line.strip());
        ParseException e = fail(sdp);
        assertTrue(e.getMessage().startsWith("line 6: " + reason), e.getMessage());
        assertTrue(e.getMessage().endsWith("'" + line.strip() + "'"), e.getMessage());
    }

    @Test
    void secondOriginIsRejected() {
        assertTrue(fail(Sdps.sdp("o=- 1 2 IN IP4 127.0.0.1")).getMessage().startsWith("line 5: o= may appear only once"));
    }

    @Test
    void sessionOnlyLineInsideMediaSectionIsRejected() {
        ParseException e = fail(Sdps.sdp("m=audio 9 RTP/AVP 0", "t=0 0"));
        assertTrue(e.getMessage().startsWith("line 6: t= is only allowed before the first m= line"), e.getMessage());
    }

    @Test
    void missingTimingIsRejected() {
        ParseException e = fail("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nm=audio 9 RTP/AVP 0\r\n");
        assertTrue(e.getMessage().startsWith("line 4: m= line before any t= line"), e.getMessage());
    }

    @Test
    void originMustFollowVersion() {
        ParseException e = fail("v=0\r\ns=-\r\n");
        assertTrue(e.getMessage().startsWith("line 2: expected o= line"), e.getMessage());
    }

    @Test
    void embeddedCarriageReturnIsRejected() {
        ParseException e = fail(Sdps.sdp("a=tool:x\ry"));
        assertTrue(e.getMessage().startsWith("line 5: a line may not contain a CR or NUL"), e.getMessage());
    }

    @Test
    void truncatedSdpIsRejected() {
        assertTrue(fail("v=0\r\n").getMessage().startsWith("line 1: SDP ends before"));
        assertTrue(fail("").getMessage().startsWith("line 0: SDP ends before"));
    }

    @Test
    void longLinesAreShortenedInTheMessage() {
        String longLine = "a=rtpmap:x" + "y".repeat(5000);
        ParseException e = fail(Sdps.sdp(longLine));
        assertTrue(e.getMessage().length() < 300, "message has " + e.getMessage().length() + " chars");
    }
}
