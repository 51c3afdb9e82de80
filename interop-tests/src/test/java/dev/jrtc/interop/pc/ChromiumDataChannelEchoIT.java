package dev.jrtc.interop.pc;

import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCDataChannel;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.SdpType;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Headless Chromium offers a data channel only (max-bundle); a jrtc RTCPeerConnection answers and
 * echoes every message on the channel it gets through {@code ondatachannel}. The page sends 100
 * messages, strings and binary up to 60 KiB, and checks every echo byte for byte. ICE, DTLS (jrtc
 * is the client), SCTP (jrtc sends INIT) and DCEP (Chromium opens the channel) must all interoperate.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChromiumDataChannelEchoIT {
    private static final int MESSAGES = 100;
    private static final Duration MESSAGE = Duration.ofSeconds(60);

    @Test
    void jrtcEchoesEveryMessageOfChromiumsDataChannel() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(server.pageUri("chromium-data-channel-echo.html"), HeadlessChromium.Media.FAKE_DEVICES)) {
            String offer = PageMessages.expect(server, "offer", MESSAGE, "chromium", chromium::logTail).path("sdp").asText();
            CompletableFuture<RTCDataChannel> incoming = new CompletableFuture<>();
            AtomicInteger echoed = new AtomicInteger();
            RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback());
            try {
                pc.ondatachannel(ch -> {
                    ch.onmessage(m -> {
                        if (m.binary()) {
                            ch.send(m.data());
                        } else {
                            ch.send(m.text());
                        }
                        echoed.incrementAndGet();
                    });
                    incoming.complete(ch);
                });
                pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, offer)).get(10, TimeUnit.SECONDS);
                RTCSessionDescription answer = pc.createAnswer().get(10, TimeUnit.SECONDS);
                pc.setLocalDescription(answer).get(10, TimeUnit.SECONDS);
                pc.gatheringComplete().get(10, TimeUnit.SECONDS);
                String answerSdp = pc.localDescription().orElseThrow().sdp();
                assertTrue(answerSdp.contains("webrtc-datachannel"), answerSdp);
                server.send(Map.of("type", "answer", "sdp", answerSdp));
                PageMessages.expect(server, "applied", MESSAGE, "chromium", chromium::logTail);
                JsonNode open = PageMessages.expect(server, "open", MESSAGE, "chromium", chromium::logTail);
                RTCDataChannel ch = incoming.get(30, TimeUnit.SECONDS);
                assertEquals("echo", ch.label());
                assertEquals(open.path("id").asInt(), ch.id().intValue());

                JsonNode result;
                try {
                    result = PageMessages.expect(server, "echoed", MESSAGE, "chromium", chromium::logTail);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\njrtc echoed " + echoed.get() + ", state="
                            + pc.connectionState() + ", stats=" + pc.getStats().get(5, TimeUnit.SECONDS)
                            + "\n--- offer:\n" + offer + "\n--- answer:\n" + answerSdp, e);
                }
                System.out.println("Chromium got " + result + "; jrtc echoed " + echoed.get());
                assertEquals(MESSAGES, result.path("count").asInt());
                assertEquals(0, result.path("mismatches").asInt(), "first mismatch at " + result.path("firstMismatch"));
                assertEquals(MESSAGES, echoed.get());
            } finally {
                pc.close();
            }
        }
    }
}
