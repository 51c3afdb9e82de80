package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import org.junit.jupiter.api.Test;

/** A hostile SDP cannot make the parser hold unbounded input: each limit is a ParseException naming it. */
class SdpLimitsAreEnforcedTest {
    @Test
    void defaultsAreOneMebibyteTenThousandLinesEightKibibytesPerLine() {
        assertTrue(SdpLimits.DEFAULT.maxTotalChars() == 1 << 20);
        assertTrue(SdpLimits.DEFAULT.maxLines() == 10_000);
        assertTrue(SdpLimits.DEFAULT.maxLineChars() == 8192);
    }

    @Test
    void tooLargeSdpIsRejectedBeforeReadingLines() {
        String huge = Sdps.sdp("a=x:" + "y".repeat(8000)).repeat(200); // ~1.6 MB
        ParseException e = assertThrows(ParseException.class, () -> SessionDescription.parse(huge));
        assertTrue(e.getMessage().contains("SdpLimits.maxTotalChars"), e.getMessage());
    }

    @Test
    void tooManyLinesIsRejectedNamingTheLine() {
        String many = Sdps.sdp() + "a=x\r\n".repeat(20);
        SdpLimits limits = new SdpLimits(1 << 20, 10, 8192);
        ParseException e = assertThrows(ParseException.class, () -> SessionDescription.parse(many, limits));
        assertTrue(e.getMessage().startsWith("line 11: SDP has more than 10 lines (SdpLimits.maxLines)"), e.getMessage());
    }

    @Test
    void tooLongLineIsRejectedNamingTheLine() {
        String sdp = Sdps.sdp("a=tool:" + "z".repeat(9000));
        ParseException e = assertThrows(ParseException.class, () -> SessionDescription.parse(sdp));
        assertTrue(e.getMessage().startsWith("line 5: line is 9007 characters, over the limit of 8192 (SdpLimits.maxLineChars)"),
                e.getMessage());
    }

    @Test
    void lineExactlyAtTheLimitIsAccepted() {
        String sdp = Sdps.sdp("a=tool:" + "z".repeat(8192 - 7));
        assertDoesNotThrow(() -> SessionDescription.parse(sdp));
    }

    @Test
    void tenThousandLinesAreAcceptedByDefault() {
        String sdp = Sdps.sdp() + "a=x\r\n".repeat(10_000 - 4);
        assertDoesNotThrow(() -> SessionDescription.parse(sdp));
        assertThrows(ParseException.class, () -> SessionDescription.parse(sdp + "a=x\r\n"));
    }

    @Test
    void limitsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new SdpLimits(0, 1, 1));
    }
}
