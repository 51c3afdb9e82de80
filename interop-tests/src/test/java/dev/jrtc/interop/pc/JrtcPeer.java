package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jrtc.ice.IceConfig;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.peerconnection.api.RTCRtpTransceiverInit;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineStats;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.srtp.SrtpProfile;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The jrtc side of an interop test: one {@link RTCPeerConnection} with non-trickle offer/answer
 * helpers, the time it reached {@code connected}, what it received ({@link ReceivedMedia}), and
 * the checks every interop case makes: connected, an SRTP profile, nothing dropped by the source
 * gate, no SRTP authentication failures, and nothing lost for arriving before the keys.
 */
public final class JrtcPeer implements AutoCloseable {
    private static final Duration STEP = Duration.ofSeconds(10);
    /** The namespace's veth address (run-interop.sh): Firefox, aiortc and libnice gather there, not on lo. */
    static final String VETH_HOST = "10.99.0.1";

    private final RTCPeerConnection pc;
    private final ReceivedMedia media;
    private final CompletableFuture<Long> connectedAt = new CompletableFuture<>();
    private volatile long startedAt = System.nanoTime();
    private volatile long answerAppliedAt;

    public JrtcPeer(RTCConfiguration configuration) {
        this.pc = new RTCPeerConnection(configuration);
        this.media = new ReceivedMedia(pc);
        pc.onconnectionstatechange(s -> {
            if (s == ConnectionState.CONNECTED) {
                connectedAt.complete(System.nanoTime());
            } else if (s == ConnectionState.FAILED) {
                connectedAt.completeExceptionally(new AssertionError("jrtc failed: " + pc.failureReason().orElse("?")));
            }
        });
    }

    /** jrtc on the veth address and on loopback, loopback peers allowed: reachable from every peer in the namespace. */
    public static RTCConfiguration onVethAndLoopback() {
        return new RTCConfiguration(
                List.of(new InetSocketAddress(VETH_HOST, 0), new InetSocketAddress("127.0.0.1", 0)),
                IceConfig.builder().allowLoopbackRemote(true).build(), null);
    }

    public RTCPeerConnection pc() {
        return pc;
    }

    ReceivedMedia media() {
        return media;
    }

    /** Adds a sendonly video transceiver (before an offer, or before applying the peer's offer). */
    RTCRtpTransceiver addVideoSender() {
        return pc.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
    }

    /** Applies the peer's offer and returns jrtc's answer with every candidate (no trickle). */
    public String answer(String offerSdp) throws Exception {
        startedAt = System.nanoTime();
        pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, offerSdp)).get(STEP.toSeconds(), TimeUnit.SECONDS);
        RTCSessionDescription answer = pc.createAnswer().get(STEP.toSeconds(), TimeUnit.SECONDS);
        pc.setLocalDescription(answer).get(STEP.toSeconds(), TimeUnit.SECONDS);
        pc.gatheringComplete().get(STEP.toSeconds(), TimeUnit.SECONDS);
        return pc.localDescription().orElseThrow().sdp();
    }

    /** Makes jrtc's offer with every candidate (no trickle). */
    String offer() throws Exception {
        startedAt = System.nanoTime();
        RTCSessionDescription offer = pc.createOffer().get(STEP.toSeconds(), TimeUnit.SECONDS);
        pc.setLocalDescription(offer).get(STEP.toSeconds(), TimeUnit.SECONDS);
        pc.gatheringComplete().get(STEP.toSeconds(), TimeUnit.SECONDS);
        return pc.localDescription().orElseThrow().sdp();
    }

    /** Applies the peer's answer to jrtc's offer. */
    void acceptAnswer(String answerSdp) throws Exception {
        answerAppliedAt = System.nanoTime();
        pc.setRemoteDescription(new RTCSessionDescription(SdpType.ANSWER, answerSdp)).get(STEP.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Waits for {@code connected}; on failure or timeout fails with jrtc's state and counters and
     * {@code peerLog} (the other side's log and the descriptions).
     */
    public void awaitConnected(Duration within, Supplier<String> peerLog) throws InterruptedException {
        try {
            connectedAt.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            fail("jrtc did not connect: " + e + "\n" + diagnostics() + "\n" + peerLog.get(), e);
        }
    }

    /**
     * Milliseconds to {@code connected} from applying the peer's offer (when jrtc answered) or the
     * peer's answer (when jrtc offered); the peer's own gathering and start-up are not in it.
     */
    long millisFromRemoteDescriptionToConnected() {
        long from = answerAppliedAt != 0 ? answerAppliedAt : startedAt;
        return (connectedAt.join() - from) / 1_000_000;
    }

    /** Nanoseconds from the first offer/answer call ({@link #offer} or {@link #answer}) to {@code connected}. */
    public long nanosToConnected() {
        return connectedAt.join() - startedAt;
    }

    /** Waits for {@code n} frames of video, failing with diagnostics. */
    void awaitVideoFrames(long n, Duration within, Supplier<String> peerLog) throws InterruptedException {
        if (!media.video().await(n, within)) {
            fail("jrtc got too little video within " + within.toSeconds() + " s\n" + diagnostics() + "\n" + peerLog.get());
        }
    }

    /** Waits for {@code n} audio packets, failing with diagnostics. */
    void awaitAudioPackets(long n, Duration within, Supplier<String> peerLog) throws InterruptedException {
        if (!media.audio().await(n, within)) {
            fail("jrtc got too little audio within " + within.toSeconds() + " s\n" + diagnostics() + "\n" + peerLog.get());
        }
    }

    /**
     * The checks of every interop case: connected, an SRTP profile negotiated, zero datagrams
     * dropped by the source gate, zero SRTP packets failing authentication, zero datagrams lost
     * for arriving before the keys or the negotiation. Returns the profile.
     */
    public SrtpProfile assertConnectedSecurelyWithNothingDropped() throws Exception {
        assertTrue(connectedAt.isDone() && !connectedAt.isCompletedExceptionally(), "never connected: " + diagnostics());
        assertTrue(pc.srtpProfile().isPresent(), "no SRTP profile negotiated: " + diagnostics());
        EngineStats stats = counters();
        assertEquals(0, stats.sourceGateDropped(), "datagrams dropped by the source gate: " + stats);
        assertEquals(0, stats.srtpDropped(), "SRTP packets that failed authentication: " + stats);
        assertEquals(0, stats.earlyDropped(), "media or DTLS lost before keys or negotiation: " + stats);
        return pc.srtpProfile().get();
    }

    /** jrtc's own counters (gate, DTLS and SRTP drops, NACK/RTX/PLI). */
    EngineStats counters() throws Exception {
        return pc.engineStats().get(STEP.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The W3C stats' view of the selected pair: the {@code candidateType} of its local and remote
     * candidates ("host", "srflx", "prflx", "relay"), as {@code [local, remote]}.
     */
    List<String> selectedPairCandidateTypes() throws Exception {
        RTCStatsReport report = pc.getStats().get(STEP.toSeconds(), TimeUnit.SECONDS);
        RTCStats transport = report.ofType("transport").stream().findFirst()
                .orElseThrow(() -> new AssertionError("no transport stats: " + report));
        String pairId = String.valueOf(transport.get("selectedCandidatePairId"));
        RTCStats pair = report.get(pairId).orElseThrow(() -> new AssertionError("no selected pair: " + report));
        return List.of(candidateType(report, pair.get("localCandidateId")), candidateType(report, pair.get("remoteCandidateId")));
    }

    private static String candidateType(RTCStatsReport report, Object candidateId) {
        return report.get(String.valueOf(candidateId)).map(c -> String.valueOf(c.get("candidateType")))
                .orElseThrow(() -> new AssertionError("no candidate " + candidateId + ": " + report));
    }

    /** State, counters and what arrived, for failure messages. */
    public String diagnostics() {
        String stats;
        try {
            stats = String.valueOf(counters());
        } catch (Exception e) {
            stats = "(no stats: " + e + ")";
        }
        return "jrtc: ice=" + pc.iceConnectionState() + ", state=" + pc.connectionState() + ", srtp="
                + pc.srtpProfile().orElse(null) + ", failure=" + pc.failureReason().orElse("none") + "\n  received "
                + media + "\n  stats " + stats + "\n--- local description:\n"
                + pc.localDescription().map(RTCSessionDescription::sdp).orElse("(none)") + "\n--- remote description:\n"
                + pc.remoteDescription().map(RTCSessionDescription::sdp).orElse("(none)");
    }

    @Override
    public void close() {
        pc.close();
    }
}
