package dev.jrtc.interop;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GStreamer webrtcbin offers (max-bundle, so its later m-sections are {@code bundle-only} with
 * port 0); jrtc answers; webrtcbin's set-remote-description must accept the answer, reach
 * 'stable', associate each transceiver with an m-section jrtc accepted, and have an SCTP
 * transport.
 *
 * <p>Directions are not checked here: webrtcbin 1.22 creates its transceivers with
 * current-direction already 'sendrecv' and ignores later changes ("FIXME: implement transceiver
 * direction changes" in gstwebrtcbin.c), so that property says nothing about the answer.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SdpAnswerAcceptedByGstreamerIT {

    @Test
    void acceptsAnswerToVp8OpusAndDataChannelOffer() throws Exception {
        AnswerRound round = roundWith("vp8-opus-datachannel");
        round.assertAccepted();
        NegotiationChecks.assertMediaAccepted(round, Set.of("audio", "video"));
        NegotiationChecks.assertDataChannelAsAnswered(round);
    }

    @Test
    void acceptsAnswerToDataChannelOnlyOffer() throws Exception {
        AnswerRound round = roundWith("datachannel-only");
        round.assertAccepted();
        NegotiationChecks.assertMediaAccepted(round, Set.of());
        NegotiationChecks.assertDataChannelAsAnswered(round);
    }

    private static AnswerRound roundWith(String scenario) throws InterruptedException {
        try (GstWebrtcbin webrtcbin = GstWebrtcbin.run("gst_answer_check.py")) {
            webrtcbin.send(Map.of("type", "make-offer", "scenario", scenario));
            return AnswerRound.run("GStreamer webrtcbin", webrtcbin, webrtcbin::logTail);
        }
    }
}
