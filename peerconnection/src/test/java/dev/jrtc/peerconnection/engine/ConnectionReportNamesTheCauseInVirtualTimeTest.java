package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each cause a connection report can name, produced in virtual time: a fingerprint that does not
 * match the certificate (both sides), a peer that never answers, a peer that goes away mid-call
 * while forged SRTP arrives, and a video section with no codec in common.
 */
class ConnectionReportNamesTheCauseInVirtualTimeTest {

    @Test
    void fingerprintMismatchIsReportedByTheCheckerAndTheAlertByThePeer() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(11, Duration.ofMillis(5))) {
            peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            assertTrue(peers.a.engine.connectionReport().isEmpty());
            // The answer's fingerprint is altered on the way: a must refuse b's certificate.
            peers.negotiate(s -> s, ConnectionReportNamesTheCauseInVirtualTimeTest::alterFingerprint);
            peers.runUntil(() -> peers.a.engine.connectionState() == ConnectionState.FAILED
                    && peers.b.engine.connectionState() == ConnectionState.FAILED, Duration.ofSeconds(30));

            ConnectionReport a = peers.a.engine.connectionReport().orElseThrow();
            assertEquals(ConnectionState.FAILED, a.state());
            ConnectionReport.Dtls dtls = a.causes(ConnectionReport.Dtls.class).get(0);
            assertEquals(ConnectionReport.DtlsReason.FINGERPRINT_MISMATCH, dtls.reason());
            assertTrue(dtls.detail().contains(peers.b.engine.fingerprint().hex()), dtls.detail());
            assertTrue(a.causes(ConnectionReport.Ice.class).isEmpty(), "ICE worked: " + a);
            assertTrue(a.explanation().contains("fingerprint mismatch"), a.explanation());
            assertTrue(a.toJson().contains("\"reason\":\"FINGERPRINT_MISMATCH\""), a.toJson());

            ConnectionReport b = peers.b.engine.connectionReport().orElseThrow();
            ConnectionReport.Dtls alert = b.causes(ConnectionReport.Dtls.class).get(0);
            assertEquals(ConnectionReport.DtlsReason.ALERT_RECEIVED, alert.reason());
            assertTrue(alert.detail().contains("bad_certificate"), alert.detail());
        }
    }

    @Test
    void unreachablePeerGivesTheIceDiagnosis() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(12, Duration.ofMillis(5))) {
            peers.intercept(t -> true);
            peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.negotiate();
            peers.runUntil(() -> peers.a.engine.connectionState() == ConnectionState.FAILED, Duration.ofSeconds(60));

            ConnectionReport r = peers.a.engine.connectionReport().orElseThrow();
            assertEquals(ConnectionState.FAILED, r.state());
            ConnectionReport.Ice ice = r.causes(ConnectionReport.Ice.class).get(0);
            assertEquals("failed", ice.iceState());
            assertTrue(ice.pairsChecked() >= 1);
            assertEquals(0, ice.pairsSucceeded());
            assertEquals(peers.a.engine.failureExplanation().orElseThrow(), ice.diagnosis());
            assertTrue(r.explanation().startsWith("The connection is failed."), r.explanation());
            assertTrue(r.explanation().contains(ice.diagnosis().strip()), r.explanation());
            assertTrue(r.causes(ConnectionReport.Dtls.class).isEmpty());
            assertTrue(r.toJson().contains("\"cause\":\"ice\""), r.toJson());
        }
    }

    @Test
    void peerGoneMidCallWithForgedSrtpReportsIceDisconnectedAndSrtpAuthFailures() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(13, Duration.ofMillis(5))) {
            peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.negotiate();
            peers.runUntil(() -> peers.a.engine.connectionState() == ConnectionState.CONNECTED
                    && peers.b.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            assertTrue(peers.b.engine.connectionReport().isEmpty());

            for (int i = 0; i < 25; i++) { // from the validated address, so the gate admits them; SRTP refuses them
                byte[] forged = new byte[80];
                forged[0] = (byte) 0x80;
                forged[1] = 96;
                forged[3] = (byte) i;
                forged[11] = 7;
                peers.inject(peers.b, peers.a.address, forged);
            }
            peers.intercept(t -> true);
            peers.runUntil(() -> peers.b.engine.iceConnectionState() == IceConnectionState.DISCONNECTED,
                    Duration.ofSeconds(30));
            ConnectionReport r = peers.b.engine.connectionReport().orElseThrow();
            assertEquals(ConnectionState.DISCONNECTED, r.state());
            assertEquals("disconnected", r.causes(ConnectionReport.Ice.class).get(0).iceState());
            ConnectionReport.Srtp srtp = r.causes(ConnectionReport.Srtp.class).get(0);
            assertEquals(25, srtp.authFailures());
            assertEquals(0, srtp.otherDrops());
            assertTrue(r.explanation().contains("25 packet(s) whose authentication failed"), r.explanation());
        }
    }

    @Test
    void videoSectionWithoutACommonCodecIsNamedOnBothSides() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(14, Duration.ofMillis(5))) {
            Transceiver video = peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.a.engine.createDataChannel(0, new dev.jrtc.sctp.DataChannelInit("keeps the bundle up", "", true,
                    null, null, false, null));
            peers.negotiate(ConnectionReportNamesTheCauseInVirtualTimeTest::offerOnlyVp9, s -> s);
            peers.runUntil(() -> peers.a.engine.connectionState() == ConnectionState.CONNECTED
                    && peers.b.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            String mid = video.mid().orElseThrow();

            ConnectionReport b = peers.b.engine.connectionReport().orElseThrow();
            assertEquals(ConnectionState.CONNECTED, b.state());
            ConnectionReport.Codec codec = b.causes(ConnectionReport.Codec.class).get(0);
            assertEquals(mid, codec.mid());
            assertEquals("video", codec.kind());
            assertEquals(List.of("VP9"), codec.offered());
            assertTrue(codec.supported().contains("VP8"));
            assertTrue(b.toJson().contains("\"offered\":[\"VP9\"]"), b.toJson());

            ConnectionReport a = peers.a.engine.connectionReport().orElseThrow();
            assertEquals(mid, a.causes(ConnectionReport.Codec.class).get(0).mid());
            // The section carries nothing, so sending on it is refused.
            assertThrows(IllegalArgumentException.class,
                    () -> peers.a.engine.sendFrame(peers.clock.nanoTime(), mid, new byte[10], 0));
        }
    }

    /** Flips the first hex digit of every a=fingerprint value. */
    static String alterFingerprint(String sdp) {
        Matcher m = Pattern.compile("(a=fingerprint:sha-256 )([0-9A-F])").matcher(sdp);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            char c = m.group(2).charAt(0);
            m.appendReplacement(sb, m.group(1) + (c == 'A' ? 'B' : 'A'));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Rewrites the video section to offer nothing but VP9 (which jrtc cannot carry). */
    static String offerOnlyVp9(String sdp) {
        StringBuilder out = new StringBuilder();
        boolean inVideo = false;
        for (String line : sdp.split("\r\n")) {
            if (line.startsWith("m=")) {
                inVideo = line.startsWith("m=video");
                if (inVideo) {
                    String[] f = line.split(" ");
                    line = f[0] + " " + f[1] + " " + f[2] + " 98";
                    out.append(line).append("\r\n").append("a=rtpmap:98 VP9/90000\r\n");
                    continue;
                }
            }
            if (inVideo && (line.startsWith("a=rtpmap:") || line.startsWith("a=fmtp:") || line.startsWith("a=rtcp-fb:")
                    || line.startsWith("a=ssrc-group:"))) {
                continue;
            }
            out.append(line).append("\r\n");
        }
        return out.toString();
    }
}
