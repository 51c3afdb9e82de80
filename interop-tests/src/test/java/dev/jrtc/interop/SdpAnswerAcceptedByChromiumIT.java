package dev.jrtc.interop;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Headless Chromium offers; jrtc answers; Chromium's setRemoteDescription must accept the answer
 * and end up with the directions, codecs and SCTP transport that the answer describes.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SdpAnswerAcceptedByChromiumIT {

    @Test
    void acceptsAnswerToAudioVideoAndDataChannelOffer() throws Exception {
        AnswerRound round = roundWith("audio-video-datachannel", HeadlessChromium.Media.FAKE_DEVICES);
        round.assertAccepted();
        NegotiationChecks.assertMediaAsAnswered(round, Set.of("audio", "video"));
        NegotiationChecks.assertCodecsFromAnswer(round, "sendCodecs", "receiveCodecs");
        NegotiationChecks.assertDataChannelAsAnswered(round);
    }

    @Test
    void acceptsAnswerToDataChannelOnlyOffer() throws Exception {
        AnswerRound round = roundWith("datachannel-only", HeadlessChromium.Media.FAKE_DEVICES);
        round.assertAccepted();
        NegotiationChecks.assertMediaAsAnswered(round, Set.of());
        NegotiationChecks.assertDataChannelAsAnswered(round);
    }

    @Test
    void acceptsAnswerToDataChannelOfferWithMdnsCandidates() throws Exception {
        // Without a media permission Chromium hides its host address behind a .local name.
        AnswerRound round = roundWith("datachannel-only", HeadlessChromium.Media.NONE);
        assertTrue(round.offer().contains(".local "), "Chromium's offer has no mDNS candidate" + round.details());
        round.assertAccepted();
        NegotiationChecks.assertDataChannelAsAnswered(round);
    }

    private static AnswerRound roundWith(String scenario, HeadlessChromium.Media media) throws InterruptedException {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(
                        server.pageUri("answer-check.html", "scenario=" + scenario), media)) {
            return AnswerRound.run("Chromium", server, chromium::logTail);
        }
    }
}
