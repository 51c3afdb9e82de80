package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Lines and attributes without a typed view survive parse and write exactly, and so do odd spacings. */
class UnknownLinesArePreservedTest {
    @Test
    void optionalSessionLinesAndUnknownLettersRoundTrip() throws ParseException {
        String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=x\r\ni=info\r\nu=http://x\r\ne=a@b\r\np=+1 2\r\n"
                + "b=AS:1\r\nt=0 0\r\nr=7d 1h 0 25h\r\nz=0 -1h\r\nk=prompt\r\nX=upper case letter\r\n"
                + "q=unknown\r\nm=audio 9 RTP/AVP 0\r\ni=m\r\nb=TIAS:64000\r\nk=clear:x\r\nw=unknown in media\r\n";
        SessionDescription sd = SessionDescription.parse(sdp);
        assertEquals(sdp, sd.toSdpString());
        assertTrue(sd.sessionLines().contains(new TextLine('X', "upper case letter")));
        assertTrue(sd.media().get(0).lines().contains(new TextLine('w', "unknown in media")));
    }

    @Test
    void unknownAttributesAndIrregularSpacingRoundTrip() throws ParseException {
        String sdp = Sdps.sdp("a=x-custom:some  value  ", "a=flag", "a=empty:",
                "m=video 9  UDP/TLS/RTP/SAVPF  96 97", "a=rtpmap:96  VP8/90000", "a=fmtp:96   x=1;y=2 ",
                "a=candidate:1 1 udp 1  10.0.0.1 9 typ host", "a=msid-semantic: WMS");
        SessionDescription sd = SessionDescription.parse(sdp);
        assertEquals(sdp, sd.toSdpString());
        assertEquals(Optional.of(new Attribute("empty", "")), sd.attributes().first("empty"));
        assertEquals(Attribute.flag("flag"), sd.attributes().first("flag").orElseThrow());
        assertEquals(List.of("96", "97"), sd.media().get(0).mediaLine().formats());
        assertEquals("VP8", sd.media().get(0).codecs().get(0).name());
    }

    @Test
    void lfOnlyInputIsWrittenWithCrlf() throws ParseException {
        String lf = "v=0\no=- 1 2 IN IP4 127.0.0.1\ns=-\nt=0 0\nm=audio 9 RTP/AVP 0\na=sendrecv\n";
        assertEquals(lf.replace("\n", "\r\n"), SessionDescription.parse(lf).toSdpString());
    }

    @Test
    void missingFinalNewlineAndBlankLinesAreTolerated() throws ParseException {
        String sdp = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n\r\ns=-\r\nt=0 0\r\n\r\na=sendonly";
        assertEquals("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=sendonly\r\n",
                SessionDescription.parse(sdp).toSdpString());
    }

    @Test
    void replacingThePortRewritesOnlyTheMediaLine() throws ParseException {
        SessionDescription sd = Sdps.parse("m=audio 49170 RTP/AVP 0", "a=x:  odd  ");
        MediaDescription rejected = sd.media().get(0).withPort(0);
        assertEquals("audio 0 RTP/AVP 0", rejected.mLine().text());
        assertEquals(sd.media().get(0).lines(), rejected.lines());
        assertTrue(sd.withMedia(List.of(rejected)).toSdpString().endsWith("m=audio 0 RTP/AVP 0\r\na=x:  odd  \r\n"));
    }
}
