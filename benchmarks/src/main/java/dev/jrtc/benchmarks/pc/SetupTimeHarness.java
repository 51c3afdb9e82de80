package dev.jrtc.benchmarks.pc;

import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.peerconnection.api.RTCRtpTransceiverInit;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Connection setup time, Java to Java on 127.0.0.1 with a warm JVM: from {@code createOffer} on
 * the offerer to {@code connected} on both sides, split into the ICE part (offer to the offerer's
 * ICE {@code connected}), the DTLS part (ICE connected to the offerer's connection {@code connected})
 * and the first media (VP8 key frames sent every 20 ms from {@code connected} until the answerer's
 * first {@code onframe}). Candidates trickle in-process as soon as the other side has its remote
 * description, as an application with a fast signalling channel would do. The peer connections
 * (sockets, loop, certificate) are made before the clock starts.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.jrtc.benchmarks.pc.SetupTimeHarness [runs] [warmup]}
 * (defaults 100 and 30). Prints p50 and p99 of each phase in milliseconds.
 */
public final class SetupTimeHarness {
    /** A VP8 key-frame header (RFC 6386 9.1: start code, 320x240) and filler. */
    private static final byte[] KEY_FRAME = keyFrame();

    private SetupTimeHarness() {
    }

    /** One run's instants, nanoseconds after createOffer. */
    private record Run(long iceConnected, long connected, long bothConnected, long firstFrame) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        for (int i = 0; i < warmup; i++) {
            once();
        }
        List<Run> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            results.add(once());
        }
        System.out.printf(Locale.ROOT, "%d runs after %d warm-up runs (ms)%n", runs, warmup);
        System.out.printf(Locale.ROOT, "%-40s %8s %8s %8s%n", "phase", "p50", "p99", "max");
        print("ICE: offer -> offerer ICE connected", results.stream().mapToLong(Run::iceConnected).toArray());
        print("DTLS: ICE connected -> connected", results.stream().mapToLong(r -> r.connected - r.iceConnected).toArray());
        print("offer -> offerer connected", results.stream().mapToLong(Run::connected).toArray());
        print("offer -> both connected", results.stream().mapToLong(Run::bothConnected).toArray());
        print("first media: connected -> first frame", results.stream().mapToLong(r -> r.firstFrame - r.connected).toArray());
        print("offer -> first frame", results.stream().mapToLong(Run::firstFrame).toArray());
        System.exit(0);
    }

    private static void print(String phase, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf(Locale.ROOT, "%-40s %8.1f %8.1f %8.1f%n", phase, percentile(s, 50) / 1e6,
                percentile(s, 99) / 1e6, s[s.length - 1] / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static Run once() throws Exception {
        RTCPeerConnection offerer = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection answerer = new RTCPeerConnection(RTCConfiguration.loopback());
        try {
            RTCRtpTransceiver video = offerer.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            CompletableFuture<Long> iceConnected = new CompletableFuture<>();
            CompletableFuture<Long> connected = new CompletableFuture<>();
            CompletableFuture<Long> answererConnected = new CompletableFuture<>();
            CompletableFuture<Long> firstFrame = new CompletableFuture<>();
            offerer.oniceconnectionstatechange(s -> {
                if (s == IceConnectionState.CONNECTED || s == IceConnectionState.COMPLETED) {
                    iceConnected.complete(System.nanoTime());
                }
            });
            offerer.onconnectionstatechange(s -> {
                if (s == ConnectionState.CONNECTED) {
                    connected.complete(System.nanoTime());
                } else if (s == ConnectionState.FAILED) {
                    connected.completeExceptionally(new IllegalStateException(offerer.failureReason().orElse("failed")));
                }
            });
            answerer.onconnectionstatechange(s -> {
                if (s == ConnectionState.CONNECTED) {
                    answererConnected.complete(System.nanoTime());
                }
            });
            answerer.ontrack(e -> e.track().onframe(f -> firstFrame.complete(System.nanoTime())));
            Trickle toAnswerer = new Trickle(answerer);
            Trickle toOfferer = new Trickle(offerer);
            offerer.onicecandidate(toAnswerer::offer);
            answerer.onicecandidate(toOfferer::offer);

            long t0 = System.nanoTime();
            RTCSessionDescription offer = offerer.createOffer().get(5, TimeUnit.SECONDS);
            offerer.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
            answerer.setRemoteDescription(offer).get(5, TimeUnit.SECONDS);
            toAnswerer.ready();
            RTCSessionDescription answer = answerer.createAnswer().get(5, TimeUnit.SECONDS);
            answerer.setLocalDescription(answer).get(5, TimeUnit.SECONDS);
            offerer.setRemoteDescription(answer).get(5, TimeUnit.SECONDS);
            toOfferer.ready();

            long c = connected.get(10, TimeUnit.SECONDS);
            // A 50 fps source starts at connected; the first packets can beat the answerer's own DTLS
            // completion (its keys) and are then dropped, as with any sender.
            for (long ts = 0; !firstFrame.isDone() && ts < 90_000 * 10; ts += 1800) {
                video.sendFrame(KEY_FRAME, ts);
                try {
                    firstFrame.get(20, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    // next frame
                }
            }
            long ac = answererConnected.get(10, TimeUnit.SECONDS);
            long f = firstFrame.get(10, TimeUnit.SECONDS);
            return new Run(iceConnected.get(10, TimeUnit.SECONDS) - t0, c - t0, Math.max(c, ac) - t0, f - t0);
        } finally {
            offerer.close();
            answerer.close();
        }
    }

    private static byte[] keyFrame() {
        byte[] f = new byte[1000];
        // frame tag: key frame, version 0, show_frame, first partition size; then the start code and 320x240
        f[0] = 0x10;
        f[1] = 0x02;
        f[2] = 0x00;
        f[3] = (byte) 0x9d;
        f[4] = 0x01;
        f[5] = 0x2a;
        f[6] = 0x40;
        f[7] = 0x01;
        f[8] = (byte) 0xf0;
        f[9] = 0x00;
        return f;
    }

    /** Candidates held until the receiving side has its remote description. */
    private static final class Trickle {
        private final RTCPeerConnection to;
        private final List<RTCIceCandidate> held = new ArrayList<>();
        private boolean ready;

        Trickle(RTCPeerConnection to) {
            this.to = to;
        }

        synchronized void offer(RTCIceCandidate c) {
            if (c == null) {
                return;
            }
            if (ready) {
                to.addIceCandidate(c);
            } else {
                held.add(c);
            }
        }

        synchronized void ready() {
            ready = true;
            held.forEach(to::addIceCandidate);
            held.clear();
        }
    }
}
