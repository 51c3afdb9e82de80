package dev.jrtc.interop.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.pc.PageMessages;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCDataChannel;
import dev.jrtc.peerconnection.api.RTCDataChannelInit;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.SdpType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Java half of sctp-browser-suite.html: a jrtc RTCPeerConnection served by
 * {@link DataChannelService}, negotiated with the page in either role, then the page's results
 * collected by name until it says {@code done}.
 */
final class BrowserSuiteRun implements AutoCloseable {
    /** Which side of offer/answer jrtc takes. */
    enum JrtcRole {
        OFFERER, ANSWERER
    }

    /** Whether the page runs every check or only the echo test. */
    enum Suite {
        FULL, ECHO
    }

    private static final Duration STEP = Duration.ofSeconds(60);

    final RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback());
    final DataChannelService service = DataChannelService.on(pc);
    final Map<String, JsonNode> results = new LinkedHashMap<>();
    /** jrtc's own in-band channel (full suite): the page echoes it. */
    RTCDataChannel fromJrtc;
    /** The pre-negotiated channel, id 7 on both sides (full suite). */
    RTCDataChannel pre;
    JsonNode open;
    String localSdp;
    String remoteSdp;

    private final LocalTestServer server;
    private final String browser;
    private final Supplier<String> logTail;

    private BrowserSuiteRun(LocalTestServer server, String browser, Supplier<String> logTail) {
        this.server = server;
        this.browser = browser;
        this.logTail = logTail;
    }

    /** The page's query string. */
    static String query(JrtcRole role, Suite suite, int messages, int maxSize, long transferBytes) {
        return "jrtc=" + role.name().toLowerCase() + "&suite=" + suite.name().toLowerCase() + "&messages=" + messages
                + "&maxSize=" + maxSize + "&transferBytes=" + transferBytes;
    }

    /** Negotiates with the page (already loading) and waits until its channels are open. */
    static BrowserSuiteRun connect(LocalTestServer server, JrtcRole role, Suite suite, String browser,
            Supplier<String> logTail) throws Exception {
        BrowserSuiteRun run = new BrowserSuiteRun(server, browser, logTail);
        try {
            run.negotiate(role, suite);
            return run;
        } catch (Exception | AssertionError e) {
            run.close();
            throw e;
        }
    }

    private void negotiate(JrtcRole role, Suite suite) throws Exception {
        if (suite == Suite.FULL) {
            pre = pc.createDataChannel("pre", RTCDataChannelInit.negotiated(7));
            service.serve(pre);
            fromJrtc = pc.createDataChannel("from-jrtc");
        }
        if (role == JrtcRole.ANSWERER) {
            remoteSdp = expect("offer").path("sdp").asText();
            pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, remoteSdp)).get(10, TimeUnit.SECONDS);
            pc.setLocalDescription(pc.createAnswer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
            pc.gatheringComplete().get(10, TimeUnit.SECONDS);
            localSdp = pc.localDescription().orElseThrow().sdp();
            server.send(Map.of("type", "answer", "sdp", localSdp));
        } else {
            pc.setLocalDescription(pc.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
            pc.gatheringComplete().get(10, TimeUnit.SECONDS);
            localSdp = pc.localDescription().orElseThrow().sdp();
            server.send(Map.of("type", "offer", "sdp", localSdp));
            remoteSdp = expect("answer").path("sdp").asText();
            pc.setRemoteDescription(new RTCSessionDescription(SdpType.ANSWER, remoteSdp)).get(10, TimeUnit.SECONDS);
        }
        assertTrue(localSdp.contains("webrtc-datachannel"), localSdp);
        open = expect("open");
    }

    /** The page's next message of this type; a page error or a timeout fails with both SDPs. */
    JsonNode expect(String type) throws InterruptedException {
        try {
            return PageMessages.expect(server, type, STEP, browser, logTail);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + context(), e);
        }
    }

    private String context() {
        String stats;
        try {
            stats = String.valueOf(pc.getStats().get(5, TimeUnit.SECONDS));
        } catch (Exception statsFailed) {
            stats = statsFailed.toString();
        }
        return "\njrtc: state=" + pc.connectionState() + ", echoed=" + service.echoed() + ", stats=" + stats
                + "\n--- jrtc's sdp:\n" + localSdp + "\n--- " + browser + "'s sdp:\n" + remoteSdp;
    }

    /** Collects results until the page's {@code done}. */
    void awaitDone() throws InterruptedException {
        for (;;) {
            JsonNode m = expectAny();
            String t = m.path("type").asText();
            if (t.equals("done")) {
                return;
            }
            if (t.equals("result")) {
                System.out.println(browser + " result: " + m);
                String name = m.path("name").asText();
                results.put(m.has("round") ? name + "#" + m.path("round").asInt() : name, m);
            }
        }
    }

    private JsonNode expectAny() throws InterruptedException {
        JsonNode m = server.receive(STEP);
        if (m == null) {
            throw new AssertionError("nothing from the page within " + STEP.toSeconds() + " s; results so far "
                    + results.keySet() + "\n--- " + browser + " log:\n" + logTail.get() + context());
        }
        if (m.path("type").asText().equals("error")) {
            throw new AssertionError("the page failed: " + m.path("error").asText() + "\n--- " + browser + " log:\n"
                    + logTail.get() + context());
        }
        return m;
    }

    /** The named result, which must have come. */
    JsonNode result(String name) {
        JsonNode r = results.get(name);
        assertTrue(r != null, "no '" + name + "' result from " + browser + "; got " + results.keySet());
        return r;
    }

    /** Checks an echo result: all came back, whole and in order. */
    static void assertEchoed(JsonNode r, int messages) {
        assertEquals(messages, r.path("received").asInt(), r.toString());
        assertEquals(0, r.path("mismatches").asInt(), "first mismatch " + r.path("firstMismatch"));
    }

    @Override
    public void close() {
        pc.close();
    }
}
