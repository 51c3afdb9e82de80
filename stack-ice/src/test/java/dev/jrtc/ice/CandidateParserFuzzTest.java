package dev.jrtc.ice;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;

/** Any text is a candidate or a {@link ParseException}; a parsed candidate prints and re-parses to itself. */
class CandidateParserFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parseNeverThrowsUnexpectedly(FuzzedDataProvider data) throws ParseException {
        String line = data.consumeRemainingAsString();
        Candidate c;
        try {
            c = Candidate.parse(line);
        } catch (ParseException expected) {
            return;
        }
        c.socketAddress();
        c.isMdns();
        Candidate again = Candidate.parse(c.toSdpValue());
        if (!again.equals(c)) {
            throw new AssertionError("round trip changed " + c + " into " + again);
        }
    }
}
