package dev.jrtc.interop;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.common.ParseException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One SDP round with a real peer: the peer offers, jrtc answers, the peer applies the answer
 * with setRemoteDescription and reports its verdict. Every failure message carries the peer's
 * error text, both SDPs and the end of the peer's log, since those are what a reader needs.
 *
 * <p>The messages (see answer-check.html and the Python peers): peer sends
 * {@code {type: "offer", sdp}}, jrtc sends {@code {type: "answer", sdp}}, peer sends
 * {@code {type: "result", ok, error?, signalingState, transceivers?, sctp?}}; a peer that fails
 * on its own sends {@code {type: "error", error}}.
 */
record AnswerRound(String peer, String offer, String answer, JsonNode verdict, Supplier<String> peerLog) {

    /** Runs the round on {@code channel}; a peer that offers nothing or answers nothing fails the test. */
    static AnswerRound run(String peer, PeerChannel channel, Supplier<String> peerLog) throws InterruptedException {
        JsonNode offerMessage = expect(peer, channel, "offer", null, null, peerLog);
        String offer = offerMessage.path("sdp").asText();
        String answer;
        try {
            answer = JrtcAnswerer.answer(offer);
        } catch (ParseException e) {
            throw new AssertionError("jrtc could not parse " + peer + "'s offer: " + e.getMessage()
                    + "\n--- offer:\n" + offer, e);
        } catch (RuntimeException e) {
            throw new AssertionError("jrtc failed to answer " + peer + "'s offer: " + e
                    + "\n--- offer:\n" + offer, e);
        }
        channel.send(Map.of("type", "answer", "sdp", answer));
        JsonNode verdict = expect(peer, channel, "result", offer, answer, peerLog);
        // Kept in failsafe-reports/*-output.txt: what the peer made of the answer, pass or fail.
        System.out.println(peer + " verdict on jrtc's answer: " + verdict);
        return new AnswerRound(peer, offer, answer, verdict, peerLog);
    }

    private static JsonNode expect(String peer, PeerChannel channel, String type, String offer, String answer,
            Supplier<String> peerLog) throws InterruptedException {
        JsonNode message = channel.receive(PeerTimeouts.MESSAGE);
        if (message == null) {
            fail("no '" + type + "' from " + peer + " within " + PeerTimeouts.MESSAGE.toSeconds() + " s"
                    + sdps(offer, answer) + log(peerLog));
        }
        if (!type.equals(message.path("type").asText())) {
            fail(peer + " sent " + message.path("type").asText() + " instead of '" + type + "': "
                    + message.path("error").asText(message.toString()) + sdps(offer, answer) + log(peerLog));
        }
        return message;
    }

    /** Fails unless the peer's setRemoteDescription(answer) succeeded and left it in 'stable'. */
    void assertAccepted() {
        if (!verdict.path("ok").asBoolean(false)) {
            fail(peer + " rejected jrtc's answer: " + verdict.path("error").asText("(no error text)") + details());
        }
        String state = verdict.path("signalingState").asText();
        if (!"stable".equals(state)) {
            fail(peer + " accepted jrtc's answer but its signalingState is '" + state + "', not 'stable'" + details());
        }
    }

    JsonNode transceivers() {
        return verdict.path("transceivers");
    }

    /** Both SDPs, the peer's verdict and its log, for a failure message. */
    String details() {
        return "\n--- peer verdict: " + verdict + sdps(offer, answer) + log(peerLog);
    }

    private static String sdps(String offer, String answer) {
        return (offer == null ? "" : "\n--- offer (from the peer):\n" + offer)
                + (answer == null ? "" : "\n--- answer (from jrtc):\n" + answer);
    }

    private static String log(Supplier<String> peerLog) {
        return "\n--- end of the peer's log:\n" + peerLog.get();
    }
}
