package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.Clips;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * After a loopback call with VP8 video and a data channel, {@code getStats()} reports the W3C
 * objects with real values: the selected pair with its RTT and bytes, the transport's DTLS and SRTP
 * parameters, both certificates by the fingerprints in the SDP, the codec, matching outbound and
 * inbound RTP counters, the remote-inbound RTT from RTCP, and the data channel's message counts.
 */
class GetStatsAfterLoopbackCallTest {
    private static final Pattern FINGERPRINT = Pattern.compile("a=fingerprint:sha-256 ([0-9A-F:]+)");

    @Test
    void statsCarryTheW3cObjectsWithRealValues() throws Exception {
        List<byte[]> clip = Clips.vp8Frames();
        RTCPeerConnection offerer = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection answerer = new RTCPeerConnection(RTCConfiguration.loopback());
        try {
            AtomicInteger framesReceived = new AtomicInteger();
            answerer.ontrack(e -> e.track().onframe(f -> framesReceived.incrementAndGet()));
            CompletableFuture<RTCDataChannel> incoming = new CompletableFuture<>();
            CountDownLatch messages = new CountDownLatch(3);
            answerer.ondatachannel(ch -> {
                ch.onmessage(m -> messages.countDown());
                incoming.complete(ch);
            });
            RTCRtpTransceiver video = offerer.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            RTCDataChannel channel = offerer.createDataChannel("stats");
            CompletableFuture<Void> open = new CompletableFuture<>();
            channel.onopen(() -> open.complete(null));
            Signalling.connect(offerer, answerer);
            open.get(10, TimeUnit.SECONDS);
            incoming.get(10, TimeUnit.SECONDS);
            channel.send("one");
            channel.send("two!");
            channel.send(new byte[] {1, 2, 3, 4, 5});
            assertTrue(messages.await(10, TimeUnit.SECONDS));

            // Long enough for a sender report and the receiver report that echoes it (1 s intervals).
            int sent = 0;
            long frameBytes = 0;
            long ts = 0;
            long end = System.nanoTime() + 2_600_000_000L;
            while (System.nanoTime() < end) {
                assertTrue(video.sendFrame(clip.get(sent % clip.size()), ts).get(5, TimeUnit.SECONDS));
                frameBytes += clip.get(sent % clip.size()).length;
                sent++;
                ts += 3000;
                Thread.sleep(33);
            }
            final int total = sent;
            waitFor(() -> framesReceived.get() >= total);
            // The receiver's report right away, while its last second still holds frames (framesPerSecond),
            // before waiting up to an RTCP interval for the sender's.
            RTCStatsReport in = answerer.getStats().get(5, TimeUnit.SECONDS);
            RTCStatsReport out = waitForReport(offerer, r -> !r.ofType("remote-inbound-rtp").isEmpty());

            checkTransport(out, offerer);
            checkTransport(in, answerer);

            RTCStats outbound = only(out, "outbound-rtp");
            RTCStats inbound = only(in, "inbound-rtp");
            assertEquals("video", outbound.get("kind"));
            assertEquals(video.mid().orElseThrow(), outbound.get("mid"));
            assertEquals((long) total, outbound.get("framesSent"));
            assertEquals((long) total, inbound.get("framesReceived"));
            assertEquals(outbound.get("ssrc"), inbound.get("ssrc"));
            assertEquals(outbound.get("packetsSent"), inbound.get("packetsReceived"));
            assertEquals(outbound.get("bytesSent"), inbound.get("bytesReceived"));
            // Payload bytes: every frame's bytes plus a VP8 payload descriptor per packet.
            assertTrue(inbound.getLong("bytesReceived", 0) > frameBytes, inbound.toJson());
            // Nothing is lost on loopback; a repaired packet that also arrives late counts as a duplicate (RFC 3550: negative loss).
            long lost = inbound.getLong("packetsLost", 99);
            assertTrue(lost <= 0 && lost + inbound.getLong("retransmittedPacketsReceived", 0) >= 0, "packetsLost " + lost);
            assertTrue(inbound.getDouble("jitter", -1) >= 0);
            assertTrue(inbound.getDouble("framesPerSecond", -1) > 10, "fps " + inbound.get("framesPerSecond"));

            RTCStats codec = out.get((String) outbound.get("codecId")).orElseThrow();
            assertEquals("codec", codec.type());
            assertEquals("video/VP8", codec.get("mimeType"));
            assertEquals(90000L, codec.get("clockRate"));
            assertEquals(codec.get("mimeType"), in.get((String) inbound.get("codecId")).orElseThrow().get("mimeType"));

            RTCStats remoteInbound = only(out, "remote-inbound-rtp");
            assertEquals(outbound.get("remoteId"), remoteInbound.id());
            assertEquals(outbound.id(), remoteInbound.get("localId"));
            double rtt = remoteInbound.getDouble("roundTripTime", -1);
            assertTrue(rtt >= 0 && rtt < 0.5, "roundTripTime " + rtt);

            RTCStats sentChannel = only(out, "data-channel");
            RTCStats gotChannel = only(in, "data-channel");
            assertEquals("stats", sentChannel.get("label"));
            assertEquals("open", sentChannel.get("state"));
            assertEquals(3L, sentChannel.get("messagesSent"));
            assertEquals(12L, sentChannel.get("bytesSent"));
            assertEquals(3L, gotChannel.get("messagesReceived"));
            assertEquals(12L, gotChannel.get("bytesReceived"));
            assertEquals(sentChannel.get("dataChannelIdentifier"), gotChannel.get("dataChannelIdentifier"));

            String json = out.toJson();
            assertTrue(json.startsWith("{\"") && json.endsWith("}"));
            assertTrue(json.contains("\"type\":\"remote-inbound-rtp\""), json);
            assertTrue(json.contains("\"label\":\"stats\""), json);
            assertFalse(json.contains("NaN"));
        } finally {
            offerer.close();
            answerer.close();
        }
    }

    /** Transport, selected pair, candidates and both certificates agree with each other and with the SDP. */
    private static void checkTransport(RTCStatsReport report, RTCPeerConnection pc) {
        RTCStats transport = only(report, "transport");
        assertEquals("connected", transport.get("dtlsState"));
        assertEquals(pc.srtpProfile().orElseThrow().name(), transport.get("srtpCipher"));
        assertEquals("FEFD", transport.get("tlsVersion"));
        assertTrue(transport.getLong("bytesSent", 0) > 0 && transport.getLong("bytesReceived", 0) > 0);

        RTCStats pair = report.get((String) transport.get("selectedCandidatePairId")).orElseThrow();
        assertEquals("candidate-pair", pair.type());
        assertEquals("succeeded", pair.get("state"));
        assertEquals(Boolean.TRUE, pair.get("nominated"));
        assertEquals(transport.get("bytesSent"), pair.get("bytesSent"));
        assertEquals(transport.get("bytesReceived"), pair.get("bytesReceived"));
        double rtt = pair.getDouble("currentRoundTripTime", -1);
        assertTrue(rtt >= 0 && rtt < 0.5, "currentRoundTripTime " + rtt);

        RTCStats local = report.get((String) pair.get("localCandidateId")).orElseThrow();
        RTCStats remote = report.get((String) pair.get("remoteCandidateId")).orElseThrow();
        assertEquals("local-candidate", local.type());
        assertEquals("remote-candidate", remote.type());
        assertEquals("127.0.0.1", local.get("address"));
        assertEquals("udp", local.get("protocol"));
        assertEquals("host", local.get("candidateType"));
        assertEquals("127.0.0.1", remote.get("address"));

        RTCStats localCert = report.get((String) transport.get("localCertificateId")).orElseThrow();
        RTCStats remoteCert = report.get((String) transport.get("remoteCertificateId")).orElseThrow();
        assertEquals(fingerprint(pc.localDescription().orElseThrow().sdp()), localCert.get("fingerprint"));
        assertEquals(fingerprint(pc.remoteDescription().orElseThrow().sdp()), remoteCert.get("fingerprint"));
        assertEquals("sha-256", localCert.get("fingerprintAlgorithm"));
    }

    private static String fingerprint(String sdp) {
        Matcher m = FINGERPRINT.matcher(sdp);
        assertTrue(m.find(), sdp);
        return m.group(1);
    }

    private static RTCStats only(RTCStatsReport report, String type) {
        List<RTCStats> all = report.ofType(type);
        assertEquals(1, all.size(), type + " in " + report.toJson());
        assertNotNull(all.get(0));
        return all.get(0);
    }

    private static RTCStatsReport waitForReport(RTCPeerConnection pc, java.util.function.Predicate<RTCStatsReport> done)
            throws Exception {
        RTCStatsReport r = pc.getStats().get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 60 && !done.test(r); i++) {
            Thread.sleep(100);
            r = pc.getStats().get(5, TimeUnit.SECONDS);
        }
        assertTrue(done.test(r), r.toJson());
        return r;
    }

    private static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 100 && !done.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertTrue(done.getAsBoolean());
    }
}
