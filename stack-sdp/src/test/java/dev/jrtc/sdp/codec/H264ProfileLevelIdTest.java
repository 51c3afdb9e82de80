package dev.jrtc.sdp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** profile-level-id parsing: profile from profile_idc plus constraint flags, and the level. */
class H264ProfileLevelIdTest {
    @ParameterizedTest(name = "{0} is {1} level {2}")
    @CsvSource({
        "42e01f, CONSTRAINED_BASELINE, L3_1",
        "42c01f, CONSTRAINED_BASELINE, L3_1",
        "42401f, CONSTRAINED_BASELINE, L3_1",
        "42001f, BASELINE, L3_1",
        "42801f, BASELINE, L3_1",
        "4de01f, CONSTRAINED_BASELINE, L3_1",
        "4d801f, CONSTRAINED_BASELINE, L3_1",
        "4d001f, MAIN, L3_1",
        "4d401f, MAIN, L3_1",
        "58f01f, CONSTRAINED_BASELINE, L3_1",
        "58c01f, CONSTRAINED_BASELINE, L3_1",
        "58801f, BASELINE, L3_1",
        "640c1f, CONSTRAINED_HIGH, L3_1",
        "64001f, HIGH, L3_1",
        "64081f, HIGH, L3_1",
        "f4001f, PREDICTIVE_HIGH_444, L3_1",
        "42e00a, CONSTRAINED_BASELINE, L1",
        "42f00b, CONSTRAINED_BASELINE, L1B",
        "42e00b, CONSTRAINED_BASELINE, L1_1",
        "640009, HIGH, L1B",
        "42E034, CONSTRAINED_BASELINE, L5_2",
        "4d0028, MAIN, L4",
        "64003e, HIGH, L6_2",
    })
    void classifiesProfileAndLevel(String hex, H264Profile profile, H264Level level) {
        assertEquals(Optional.of(new H264ProfileLevelId(profile, level)), H264ProfileLevelId.parse(hex));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "42e01", "42e01f0", "zze01f", "580c1f", "6e001f", "42e0ff", "42e000", "42e0 1"})
    void malformedOrUnsupportedIsEmpty(String hex) {
        assertEquals(Optional.empty(), H264ProfileLevelId.parse(hex));
    }

    @ParameterizedTest
    @ValueSource(strings = {"42e01f", "42001f", "4d001f", "640c1f", "64001f", "f4001f", "42f00b", "640009", "4d100b"})
    void canonicalFormsWriteBackUnchanged(String hex) {
        assertEquals(hex, H264ProfileLevelId.parse(hex).orElseThrow().toHex());
    }

    @Test
    void nonCanonicalFormsWriteTheCanonicalOne() {
        assertEquals("42e01f", H264ProfileLevelId.parse("4de01f").orElseThrow().toHex());
        assertEquals("42e01f", H264ProfileLevelId.parse("42C01F").orElseThrow().toHex());
    }

    @Test
    void absentParameterMeansBaselineLevelOne() {
        assertEquals(Optional.of(new H264ProfileLevelId(H264Profile.BASELINE, H264Level.L1)),
                H264ProfileLevelId.fromParameters(Map.of("packetization-mode", "1")));
        assertEquals(Optional.of(new H264ProfileLevelId(H264Profile.MAIN, H264Level.L3_1)),
                H264ProfileLevelId.fromParameters(Map.of("Profile-Level-Id", "4d001f")));
    }
}
