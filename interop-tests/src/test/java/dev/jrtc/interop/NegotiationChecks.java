package dev.jrtc.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks that what a peer reports after applying jrtc's answer matches what the answer said,
 * read with the independent {@link SdpSections}. Each check names the peer, the transceiver and
 * carries {@link AnswerRound#details()}.
 */
final class NegotiationChecks {
    private NegotiationChecks() {}

    /**
     * The peer has a transceiver of each of {@code kinds}, jrtc accepted each one (port not 0),
     * and each transceiver's currentDirection is the mirror of the answer's direction for its mid.
     */
    static void assertMediaAsAnswered(AnswerRound round, Set<String> kinds) {
        assertMediaAccepted(round, kinds);
        for (JsonNode t : round.transceivers()) {
            String mid = t.path("mid").asText();
            SdpSections.Section section = SdpSections.byMid(round.answer(), mid);
            assertEquals(SdpSections.reversed(section.direction()), t.path("currentDirection").asText(null),
                    round.peer() + "'s currentDirection for mid " + mid + " does not mirror the answer's a="
                            + section.direction() + round.details());
        }
    }

    /**
     * The peer has a transceiver of each of {@code kinds}, each associated with a mid of the
     * answer that jrtc accepted (port not 0). For peers whose currentDirection means nothing.
     */
    static void assertMediaAccepted(AnswerRound round, Set<String> kinds) {
        Set<String> seen = new TreeSet<>();
        for (JsonNode t : round.transceivers()) {
            String mid = t.path("mid").asText(null);
            assertFalse(mid == null, round.peer() + " has a transceiver without a mid: " + t + round.details());
            SdpSections.Section section = SdpSections.byMid(round.answer(), mid);
            assertNotEquals(0, section.port(), "jrtc rejected mid " + mid + round.details());
            seen.add(t.path("kind").asText());
        }
        assertEquals(new TreeSet<>(kinds), seen, round.peer() + "'s transceiver kinds" + round.details());
    }

    /**
     * Each transceiver negotiated at least one codec, and every codec the peer reports is one of
     * the answer's rtpmaps for that mid (with the same payload type when the peer reports one).
     * {@code codecsFields} names the transceiver fields that hold codec lists.
     */
    static void assertCodecsFromAnswer(AnswerRound round, String... codecsFields) {
        for (JsonNode t : round.transceivers()) {
            String mid = t.path("mid").asText();
            SdpSections.Section section = SdpSections.byMid(round.answer(), mid);
            List<JsonNode> codecs = new ArrayList<>();
            for (String field : codecsFields) {
                t.path(field).forEach(codecs::add);
            }
            assertFalse(codecs.isEmpty(), round.peer() + " negotiated no codec for mid " + mid + round.details());
            for (JsonNode codec : codecs) {
                String mimeType = codec.isTextual() ? codec.asText() : codec.path("mimeType").asText();
                String name = mimeType.substring(mimeType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
                assertTrue(section.codecNames().contains(name), round.peer() + " uses " + mimeType + " for mid " + mid
                        + " but the answer lists only " + section.codecNames() + round.details());
                if (codec.has("payloadType")) {
                    int pt = codec.path("payloadType").asInt();
                    assertTrue(name.equalsIgnoreCase(section.codecsByPayloadType().get(pt)),
                            round.peer() + " maps payload type " + pt + " to " + mimeType + " for mid " + mid
                                    + " but the answer maps it to " + section.codecsByPayloadType().get(pt)
                                    + round.details());
                }
            }
        }
    }

    /** The answer accepted the data channel section and the peer reports an SCTP transport. */
    static void assertDataChannelAsAnswered(AnswerRound round) {
        boolean accepted = SdpSections.of(round.answer()).stream()
                .anyMatch(s -> s.kind().equals("application") && s.port() != 0);
        assertTrue(accepted, "jrtc's answer does not accept the data channel m-section" + round.details());
        JsonNode sctp = round.verdict().path("sctp");
        assertTrue(sctp.isObject() || sctp.asBoolean(false),
                round.peer() + " has no SCTP transport after the answer" + round.details());
    }
}
