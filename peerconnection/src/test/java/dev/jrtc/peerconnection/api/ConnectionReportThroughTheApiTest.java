package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.ConnectionReport;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The report through the API on loopback: while connecting there is none; when the answer's
 * fingerprint was altered in signalling the offerer fails and {@code connectionReport()} names the
 * DTLS fingerprint mismatch, as text, as data and as JSON, and still does after {@code close()}.
 */
class ConnectionReportThroughTheApiTest {

    @Test
    void fingerprintMismatchIsExplained() throws Exception {
        RTCPeerConnection offerer = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection answerer = new RTCPeerConnection(RTCConfiguration.loopback());
        CompletableFuture<Void> failed = new CompletableFuture<>();
        offerer.onconnectionstatechange(s -> {
            if (s == ConnectionState.FAILED) {
                failed.complete(null);
            }
        });
        try {
            offerer.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            offerer.onicecandidate(c -> {
                if (c != null && answerer.remoteDescription().isPresent()) {
                    answerer.addIceCandidate(c);
                }
            });
            RTCSessionDescription offer = offerer.createOffer().get(5, TimeUnit.SECONDS);
            offerer.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
            offerer.gatheringComplete().get(5, TimeUnit.SECONDS);
            answerer.setRemoteDescription(offerer.localDescription().orElseThrow()).get(5, TimeUnit.SECONDS);
            answerer.setLocalDescription().get(5, TimeUnit.SECONDS);
            answerer.gatheringComplete().get(5, TimeUnit.SECONDS);
            assertTrue(offerer.connectionReport().isEmpty());
            String answer = answerer.localDescription().orElseThrow().sdp();
            String altered = answer.replaceFirst("(a=fingerprint:sha-256 )([0-9A-F])",
                    "$1" + (answer.matches("(?s).*a=fingerprint:sha-256 A.*") ? "B" : "A"));
            offerer.setRemoteDescription(new RTCSessionDescription(SdpType.ANSWER, altered)).get(5, TimeUnit.SECONDS);

            failed.get(15, TimeUnit.SECONDS);
            ConnectionReport report = offerer.connectionReport().orElseThrow();
            assertEquals(ConnectionState.FAILED, report.state());
            assertEquals(ConnectionReport.DtlsReason.FINGERPRINT_MISMATCH,
                    report.causes(ConnectionReport.Dtls.class).get(0).reason());
            assertTrue(report.explanation().contains("fingerprint mismatch"), report.explanation());
            assertTrue(report.toJson().contains("\"cause\":\"dtls\""), report.toJson());
            offerer.close();
            assertEquals(report, offerer.connectionReport().orElseThrow());
        } finally {
            offerer.close();
            answerer.close();
        }
    }
}
