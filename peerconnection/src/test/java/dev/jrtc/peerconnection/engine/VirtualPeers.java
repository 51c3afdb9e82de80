package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.Transmit;
import dev.jrtc.common.VirtualClock;
import dev.jrtc.dtls.DtlsCertificate;
import dev.jrtc.dtls.DtlsKeyType;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Two engines in virtual time joined by an in-memory network with a fixed one-way latency
 * (str0m's two-peer {@code progress()} harness is the model). Candidates trickle between them as
 * soon as the other side has a remote description. The DTLS handshake runs on a real executor
 * thread; while one is under way virtual time moves in 1 ms steps and the loop waits (boundedly)
 * for the handshake thread's wake-up.
 */
final class VirtualPeers implements AutoCloseable {
    /** One engine, its address and what it reported. */
    final class Peer {
        final String name;
        final InetSocketAddress address;
        final PeerConnectionEngine engine;
        final List<Output.Event> events = new ArrayList<>();
        final List<String> pendingCandidates = new ArrayList<>();
        long deadline = Long.MAX_VALUE;
        Peer other;

        Peer(String name, InetSocketAddress address, long seed) {
            this.name = name;
            this.address = address;
            SecureRandom dtlsRandom = seededSecureRandom(seed);
            DtlsCertificate cert = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, dtlsRandom, clock.epochMillis());
            this.engine = new PeerConnectionEngine(new EngineConfig(RandomSource.seeded(seed), dtlsRandom, clock, cert,
                    IceConfig.builder().build(), List.of(address), handshakes, wakeups::release));
        }

        <T> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private record InFlight(long at, long order, Transmit transmit) {
    }

    final VirtualClock clock = new VirtualClock();
    final Peer a;
    final Peer b;
    private final long latencyNanos;
    private final ExecutorService handshakes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-dtls-handshake");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore wakeups = new Semaphore(0);
    private final PriorityQueue<InFlight> network = new PriorityQueue<>(
            (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.order, y.order));
    private long order;
    private long undeliverable;
    private java.util.function.Consumer<Transmit> tap = t -> { };
    private Predicate<Transmit> lost = t -> false;

    VirtualPeers(long seed, Duration latency) {
        this.latencyNanos = latency.toNanos();
        this.a = new Peer("a", new InetSocketAddress("10.0.0.1", 5000), seed);
        this.b = new Peer("b", new InetSocketAddress("10.0.0.2", 6000), seed + 1);
        a.other = b;
        b.other = a;
    }

    static SecureRandom seededSecureRandom(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Offer from a, answer from b, both through their SDP text. */
    void negotiate() throws Exception {
        negotiate(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** As {@link #negotiate()}, with the offer and answer text edited on the way (a broken or hostile signalling path). */
    void negotiate(UnaryOperator<String> offerEdit, UnaryOperator<String> answerEdit) throws Exception {
        long now = clock.nanoTime();
        SessionDescription offer = a.engine.createOffer(now);
        a.engine.setLocalDescription(now, SdpType.OFFER, offer);
        b.engine.setRemoteDescription(now, SdpType.OFFER, SessionDescription.parse(offerEdit.apply(offer.toSdpString())));
        SessionDescription answer = b.engine.createAnswer(now);
        b.engine.setLocalDescription(now, SdpType.ANSWER, answer);
        a.engine.setRemoteDescription(now, SdpType.ANSWER, SessionDescription.parse(answerEdit.apply(answer.toSdpString())));
        drain();
    }

    /** Datagrams for which {@code lost} holds vanish in the network (counted in {@link #undeliverable()}). */
    void lose(Predicate<Transmit> lost) {
        this.lost = lost;
    }

    /** Injects a datagram as if it arrived at {@code to.address} from {@code from}. */
    void inject(Peer to, InetSocketAddress from, byte[] data) {
        to.engine.handleReceive(clock.nanoTime(), from, to.address, data, 0, data.length);
        drain(to);
    }

    /** Drives both peers until {@code done} holds; fails after {@code maxVirtual} or 20 s of real time. */
    void runUntil(BooleanSupplier done, Duration maxVirtual) throws InterruptedException {
        runUntil(done, maxVirtual, Duration.ofSeconds(20));
    }

    /** As {@link #runUntil(BooleanSupplier, Duration)} with a real-time budget for bulk transfers (CPU-bound crypto). */
    void runUntil(BooleanSupplier done, Duration maxVirtual, Duration maxReal) throws InterruptedException {
        long endVirtual = clock.nanoTime() + maxVirtual.toNanos();
        long endReal = System.nanoTime() + maxReal.toNanos();
        drain();
        while (!done.getAsBoolean()) {
            if (clock.nanoTime() > endVirtual || System.nanoTime() > endReal) {
                throw new AssertionError("not done after " + maxVirtual + " of virtual time; a: "
                        + a.engine.connectionState() + "/" + a.engine.iceConnectionState() + ", b: "
                        + b.engine.connectionState() + "/" + b.engine.iceConnectionState());
            }
            step();
        }
    }

    /** Lets virtual time pass, delivering and timing out as it goes. */
    void runFor(Duration d) throws InterruptedException {
        long end = clock.nanoTime() + d.toNanos();
        runUntil(() -> clock.nanoTime() >= end, d.plusSeconds(1));
    }

    private void step() throws InterruptedException {
        long now = clock.nanoTime();
        long next = Math.min(Math.min(a.deadline, b.deadline), network.isEmpty() ? Long.MAX_VALUE : network.peek().at);
        if (handshaking(a) || handshaking(b)) {
            next = Math.min(next, now + 1_000_000L);
            if (wakeups.tryAcquire(2, TimeUnit.MILLISECONDS)) {
                wakeups.drainPermits();
            }
        }
        if (next == Long.MAX_VALUE) {
            next = now + 10_000_000L;
        }
        clock.advanceTo(next);
        now = clock.nanoTime();
        while (!network.isEmpty() && network.peek().at <= now) {
            Transmit t = network.poll().transmit;
            if (lost.test(t)) {
                undeliverable++;
                continue;
            }
            Peer to = t.destination().equals(a.address) ? a : t.destination().equals(b.address) ? b : null;
            if (to == null) {
                undeliverable++;
                continue;
            }
            tap.accept(t);
            to.engine.handleReceive(now, t.source(), t.destination(), t.data(), t.offset(), t.length());
            drain(to);
        }
        for (Peer p : List.of(a, b)) {
            if (p.deadline <= now) {
                p.engine.handleTimeout(now);
            }
        }
        drain();
    }

    private static boolean handshaking(Peer p) {
        IceConnectionState ice = p.engine.iceConnectionState();
        return p.engine.srtpProfile().isEmpty() && p.engine.connectionState() == ConnectionState.CONNECTING
                && (ice == IceConnectionState.CONNECTED || ice == IceConnectionState.COMPLETED);
    }

    void drain() {
        drain(a);
        drain(b);
    }

    private void drain(Peer p) {
        Output o;
        while (!((o = p.engine.poll()) instanceof Deadline)) {
            if (o instanceof Transmit t) {
                network.add(new InFlight(clock.nanoTime() + latencyNanos, order++, t));
            } else if (o instanceof Output.Event e) {
                p.events.add(e);
                if (e instanceof EngineEvent.LocalCandidate c) {
                    p.pendingCandidates.add(c.candidate());
                }
            }
        }
        p.deadline = ((Deadline) o).atNanos();
        if (p.other.engine.remoteDescription().isPresent() && !p.pendingCandidates.isEmpty()) {
            for (String c : p.pendingCandidates) {
                p.other.engine.addRemoteCandidate(clock.nanoTime(), c);
            }
            p.pendingCandidates.clear();
            drain(p.other);
        }
    }

    /** Sees every datagram the network delivers to a peer, just before that peer gets it. */
    void tap(java.util.function.Consumer<Transmit> tap) {
        this.tap = tap;
    }

    long undeliverable() {
        return undeliverable;
    }

    @Override
    public void close() {
        long now = clock.nanoTime();
        a.engine.close(now);
        b.engine.close(now);
        drain();
        handshakes.shutdownNow();
    }
}
