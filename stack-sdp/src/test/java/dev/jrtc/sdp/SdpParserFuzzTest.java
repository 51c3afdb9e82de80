package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;
import java.nio.charset.StandardCharsets;

/**
 * Any input either parses or fails with a {@link ParseException}; nothing else may escape. What
 * parses writes out to text that parses again to the same text, and its typed views work. In plain
 * {@code mvn verify} Jazzer replays the committed inputs in
 * {@code src/test/resources/dev/jrtc/sdp/SdpParserFuzzTestInputs/parseNeverThrowsUnexpected/};
 * {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class SdpParserFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void parseNeverThrowsUnexpected(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        SessionDescription parsed;
        try {
            parsed = SessionDescription.parse(text);
        } catch (ParseException expected) {
            return;
        }
        String written = parsed.toSdpString();
        try {
            SessionDescription reparsed = SessionDescription.parse(written);
            assertEquals(written, reparsed.toSdpString());
            assertEquals(parsed, reparsed);
            TypedViews.touchAll(reparsed);
        } catch (ParseException e) {
            throw new AssertionError("written SDP does not parse: " + e.getMessage() + "\n" + written, e);
        }
    }
}
