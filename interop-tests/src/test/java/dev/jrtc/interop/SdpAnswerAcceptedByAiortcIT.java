package dev.jrtc.interop;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * aiortc 1.4 offers (including its legacy {@code DTLS/SCTP 5000} data channel section); jrtc
 * answers; aiortc's setRemoteDescription must accept the answer and end up with the directions,
 * codecs and SCTP transport that the answer describes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SdpAnswerAcceptedByAiortcIT {

    @Test
    void acceptsAnswerToAudioVideoAndDataChannelOffer() throws Exception {
        AnswerRound round = roundWith("audio-video-datachannel");
        round.assertAccepted();
        NegotiationChecks.assertMediaAsAnswered(round, Set.of("audio", "video"));
        NegotiationChecks.assertCodecsFromAnswer(round, "codecs");
        NegotiationChecks.assertDataChannelAsAnswered(round);
    }

    @Test
    void acceptsAnswerToDataChannelOnlyOffer() throws Exception {
        AnswerRound round = roundWith("datachannel-only");
        round.assertAccepted();
        NegotiationChecks.assertMediaAsAnswered(round, Set.of());
        NegotiationChecks.assertDataChannelAsAnswered(round);
    }

    private static AnswerRound roundWith(String scenario) throws InterruptedException {
        try (Aiortc aiortc = Aiortc.run("aiortc_answer_check.py")) {
            aiortc.send(Map.of("type", "make-offer", "scenario", scenario));
            return AnswerRound.run("aiortc", aiortc, aiortc::logTail);
        }
    }
}
