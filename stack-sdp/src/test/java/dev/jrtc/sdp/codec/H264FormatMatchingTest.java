package dev.jrtc.sdp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sdp.RtpCodec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Two H.264 formats match only on profile and packetization mode; the answer's level is negotiated. */
class H264FormatMatchingTest {
    private static Map<String, String> h264(String plid, String mode, boolean asymmetry) {
        Map<String, String> m = new LinkedHashMap<>();
        if (asymmetry) {
            m.put("level-asymmetry-allowed", "1");
        }
        m.put("packetization-mode", mode);
        m.put("profile-level-id", plid);
        return m;
    }

    @ParameterizedTest(name = "{0} vs {1}: {2}")
    @CsvSource({
        "42e01f, 42e01f, true",
        "42e01f, 42e034, true",   // level differs, profile equal
        "42e01f, 4de01f, true",   // both constrained baseline
        "42e01f, 42c01f, true",
        "42e01f, 42001f, false",  // constrained baseline vs baseline
        "42e01f, 640c1f, false",
        "42e01f, 4d001f, false",
        "42001f, 4d001f, false",
        "640c1f, 64001f, false",  // constrained high vs high
        "4d001f, 4d0028, true",
    })
    void profilesMatchOnlyWhenEqual(String a, String b, boolean expected) {
        assertEquals(expected, H264Formats.sameFormat(h264(a, "1", true), h264(b, "1", true)));
    }

    @Test
    void packetizationModeMismatchDoesNotMatch() {
        assertFalse(H264Formats.sameFormat(h264("42e01f", "1", true), h264("42e01f", "0", true)));
        // Absent packetization-mode means 0.
        assertTrue(H264Formats.sameFormat(Map.of("profile-level-id", "42e01f"), h264("42e01f", "0", false)));
    }

    @Test
    void unusableProfileLevelIdMatchesNothing() {
        assertFalse(H264Formats.sameFormat(h264("zzzzzz", "1", true), h264("zzzzzz", "1", true)));
    }

    @Test
    void withLevelAsymmetryOnBothSidesTheAnswerUsesTheAnswerersLevel() {
        Map<String, String> answer = H264Formats.answerParameters(h264("42e01f", "1", true), h264("42e034", "1", true));
        assertEquals("42e01f", answer.get("profile-level-id"));
        Map<String, String> higher = H264Formats.answerParameters(h264("42e034", "1", true), h264("42e00a", "1", true));
        assertEquals("42e034", higher.get("profile-level-id"));
    }

    @Test
    void withoutLevelAsymmetryTheAnswerUsesTheLowerLevel() {
        Map<String, String> answer = H264Formats.answerParameters(h264("42e01f", "1", true), h264("42e015", "1", false));
        assertEquals("42e015", answer.get("profile-level-id"));
        Map<String, String> localLower = H264Formats.answerParameters(h264("42e00a", "1", false), h264("42e01f", "1", true));
        assertEquals("42e00a", localLower.get("profile-level-id"));
    }

    @Test
    void answerKeepsOurParameterOrderAndProfile() {
        Map<String, String> answer = H264Formats.answerParameters(h264("4d001f", "1", true), h264("4d0028", "1", true));
        assertEquals(List.of("level-asymmetry-allowed", "packetization-mode", "profile-level-id"),
                List.copyOf(answer.keySet()));
        // Main on both sides stays main, at our level (asymmetry allowed by both).
        assertEquals("4d001f", H264Formats.answerParameters(h264("4d001f", "1", true), h264("4d0028", "1", true))
                .get("profile-level-id"));
    }

    @Test
    void codecMatcherAppliesTheH264RulesAndIgnoresNameCase() {
        RtpCodec ours = new RtpCodec(108, "H264", 90000, 1, h264("42e01f", "1", true), List.of());
        RtpCodec theirs = new RtpCodec(98, "h264", 90000, 1, h264("42c01f", "1", false), List.of());
        RtpCodec baseline = new RtpCodec(102, "H264", 90000, 1, h264("42001f", "1", true), List.of());
        assertTrue(CodecMatcher.matches(theirs, ours));
        assertFalse(CodecMatcher.matches(baseline, ours));
    }

    @Test
    void codecMatcherComparesVp9ProfilesAndAudioChannels() {
        RtpCodec vp9p0 = new RtpCodec(98, "VP9", 90000, 1, Map.of("profile-id", "0"), List.of());
        RtpCodec vp9p2 = new RtpCodec(100, "VP9", 90000, 1, Map.of("profile-id", "2"), List.of());
        RtpCodec vp9none = new RtpCodec(101, "VP9", 90000, 1, Map.of(), List.of());
        assertFalse(CodecMatcher.matches(vp9p0, vp9p2));
        assertTrue(CodecMatcher.matches(vp9p0, vp9none));
        RtpCodec opusStereo = new RtpCodec(111, "opus", 48000, 2, Map.of(), List.of());
        RtpCodec opusMono = new RtpCodec(111, "opus", 48000, 1, Map.of(), List.of());
        assertFalse(CodecMatcher.matches(opusStereo, opusMono));
    }
}
