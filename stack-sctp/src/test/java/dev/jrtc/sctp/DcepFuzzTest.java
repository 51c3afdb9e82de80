package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;
import dev.jrtc.sctp.dcep.Dcep;
import dev.jrtc.sctp.dcep.DcepMessage;

/** Any bytes either parse as DCEP or fail with {@link ParseException}; what parses round-trips. */
class DcepFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parseNeverThrowsUnexpectedly(byte[] data) {
        DcepMessage m;
        try {
            m = Dcep.parse(data, 0, data.length);
        } catch (ParseException expected) {
            return;
        }
        byte[] again = Dcep.encode(m);
        try {
            assertEquals(m, Dcep.parse(again, 0, again.length));
        } catch (ParseException e) {
            throw new AssertionError("an encoded message must parse", e);
        }
    }
}
