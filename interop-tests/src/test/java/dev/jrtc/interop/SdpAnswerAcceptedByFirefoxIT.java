package dev.jrtc.interop;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Headless Firefox ESR offers; jrtc answers; Firefox's setRemoteDescription must accept the
 * answer and end up with the directions, codecs and SCTP transport that the answer describes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SdpAnswerAcceptedByFirefoxIT {

    @Test
    void acceptsAnswerToAudioVideoAndDataChannelOffer() throws Exception {
        AnswerRound round = roundWith("audio-video-datachannel");
        round.assertAccepted();
        NegotiationChecks.assertMediaAsAnswered(round, Set.of("audio", "video"));
        NegotiationChecks.assertCodecsFromAnswer(round, "sendCodecs", "receiveCodecs");
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
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessFirefox firefox = HeadlessFirefox.open(server.pageUri("answer-check.html", "scenario=" + scenario))) {
            return AnswerRound.run("Firefox", server, firefox::logTail);
        }
    }
}
