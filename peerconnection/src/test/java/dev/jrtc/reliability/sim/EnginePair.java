package dev.jrtc.reliability.sim;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.Transmit;
import dev.jrtc.common.VirtualClock;
import dev.jrtc.dtls.DtlsCertificate;
import dev.jrtc.dtls.DtlsKeyType;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineConfig;
import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.PeerConnectionEngine;
import dev.jrtc.peerconnection.engine.SdpType;
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
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Two sans-IO engines in virtual time, each direction through its own {@link NetworkEmulator}.
 * Each step jumps to the earliest of the two engines' deadlines and the next arrival, delivers,
 * fires timers and drains both engines. Candidates trickle as soon as the other side has a remote
 * description. Bouncy Castle's handshake runs on a real thread, so while one is under way time
 * moves in 1 ms steps and the loop waits briefly for its wake-up.
 */
public final class EnginePair implements AutoCloseable {

    /** One engine, its address and everything it reported. */
    public final class Side {
        public final String name;
        public final InetSocketAddress address;
        public final PeerConnectionEngine engine;
        public final List<Output.Event> events = new ArrayList<>();
        /** The virtual time at which each of {@link #events} came out. */
        public final List<Long> eventTimes = new ArrayList<>();
        /** Every datagram this side handed to the network, with the virtual time it did so. */
        public final List<Sent> sent = new ArrayList<>();
        private final List<String> pendingCandidates = new ArrayList<>();
        private long deadline = Long.MAX_VALUE;
        private Side other;
        private NetworkEmulator outbound = NetworkEmulator.perfect();
        private NetworkEmulator clear = NetworkEmulator.perfect();
        private Predicate<Transmit> impaired = t -> true;

        private Side(String name, InetSocketAddress address, long seed, DtlsCertificate cert, IceConfig ice) {
            this.name = name;
            this.address = address;
            SecureRandom dtlsRandom = seededSecureRandom(seed);
            DtlsCertificate c = cert != null ? cert
                    : DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, dtlsRandom, clock.epochMillis());
            this.engine = new PeerConnectionEngine(new EngineConfig(RandomSource.seeded(seed), dtlsRandom, clock, c,
                    ice, List.of(address), handshakes, wakeups::release));
        }

        /** The events of one type, in order. */
        public <T> List<T> events(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** The path this side's datagrams take. */
        public void outbound(NetworkEmulator path) {
            outbound(path, t -> true, NetworkEmulator.perfect());
        }

        /**
         * Datagrams matching {@code impaired} take {@code path}; the rest take {@code clear} (to
         * impair one protocol, such as DTLS, and not the others).
         */
        public void outbound(NetworkEmulator path, Predicate<Transmit> impaired, NetworkEmulator clear) {
            this.outbound = path;
            this.impaired = impaired;
            this.clear = clear;
        }

        /** When the first event of {@code type} matching {@code test} came out, if it did. */
        public <T> java.util.OptionalLong firstEventTime(Class<T> type, java.util.function.Predicate<T> test) {
            for (int i = 0; i < events.size(); i++) {
                if (type.isInstance(events.get(i)) && test.test(type.cast(events.get(i)))) {
                    return java.util.OptionalLong.of(eventTimes.get(i));
                }
            }
            return java.util.OptionalLong.empty();
        }

        /** The path this side's datagrams take. */
        public NetworkEmulator outbound() {
            return outbound;
        }

        /** The peer. */
        public Side other() {
            return other;
        }

        /** Connected at the peer-connection level. */
        public boolean connected() {
            return engine.connectionState() == ConnectionState.CONNECTED;
        }
    }

    /**
     * Something else on the simulated network, such as a STUN or TURN server. Its replies cross the
     * {@link #middlebox} like any datagram and arrive without delay.
     */
    public interface Host {
        /** Whether datagrams to {@code address} are for this host. */
        boolean owns(InetSocketAddress address);

        /** One datagram arrives at virtual time {@code nowNanos}; {@code send} puts replies on the network. */
        void receive(long nowNanos, Transmit datagram, Consumer<Transmit> send);
    }

    /** A datagram a side sent, and when. */
    public record Sent(long atNanos, Transmit transmit) {
    }

    private record InFlight(long at, long order, Transmit transmit) {
    }

    public final VirtualClock clock = new VirtualClock();
    public final Side a;
    public final Side b;
    private final ExecutorService handshakes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "reliability-dtls-handshake");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore wakeups = new Semaphore(0);
    private final PriorityQueue<InFlight> network = new PriorityQueue<>(
            (x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.order, y.order));
    private long order;
    private long undeliverable;
    private Predicate<Transmit> intercept = t -> false;
    private Consumer<Transmit> tap = t -> { };
    private UnaryOperator<Transmit> middlebox = UnaryOperator.identity();
    private final List<Host> hosts = new ArrayList<>();

    /** Two sides at 10.0.0.1:5000 and 10.0.0.2:6000 with fresh certificates. */
    public EnginePair(long seed) {
        this(seed, (DtlsCertificate) null, null);
    }

    /** As {@link #EnginePair(long)} with given certificates (null for a fresh one). */
    public EnginePair(long seed, DtlsCertificate certA, DtlsCertificate certB) {
        this(seed, certA, certB, IceConfig.builder().build(), IceConfig.builder().build());
    }

    /** As {@link #EnginePair(long)} with each side's ICE configuration (STUN and TURN servers, timers). */
    public EnginePair(long seed, IceConfig iceA, IceConfig iceB) {
        this(seed, null, null, iceA, iceB);
    }

    private EnginePair(long seed, DtlsCertificate certA, DtlsCertificate certB, IceConfig iceA, IceConfig iceB) {
        a = new Side("a", new InetSocketAddress("10.0.0.1", 5000), seed, certA, iceA);
        b = new Side("b", new InetSocketAddress("10.0.0.2", 6000), seed + 1, certB, iceB);
        a.other = b;
        b.other = a;
    }

    /** Two sides whose datagrams all take {@code oneWay} to arrive, and nothing else happens to them. */
    public static EnginePair withLatency(long seed, Duration oneWay) {
        EnginePair pair = new EnginePair(seed);
        pair.a.outbound(NetworkEmulator.builder(seed).latency(oneWay).build());
        pair.b.outbound(NetworkEmulator.builder(seed + 1).latency(oneWay).build());
        return pair;
    }

    /** A deterministic SecureRandom so DTLS material repeats between runs. */
    public static SecureRandom seededSecureRandom(long seed) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(seed);
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Offer from a, answer from b, through their SDP text. */
    public void negotiate() throws Exception {
        negotiate(UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** As {@link #negotiate()}, with the offer and answer text edited on the way. */
    public void negotiate(UnaryOperator<String> offerEdit, UnaryOperator<String> answerEdit) throws Exception {
        long now = clock.nanoTime();
        SessionDescription offer = a.engine.createOffer(now);
        a.engine.setLocalDescription(now, SdpType.OFFER, offer);
        b.engine.setRemoteDescription(now, SdpType.OFFER, SessionDescription.parse(offerEdit.apply(offer.toSdpString())));
        SessionDescription answer = b.engine.createAnswer(now);
        b.engine.setLocalDescription(now, SdpType.ANSWER, answer);
        a.engine.setRemoteDescription(now, SdpType.ANSWER,
                SessionDescription.parse(answerEdit.apply(answer.toSdpString())));
        drain();
    }

    /** Negotiates and runs until both sides are connected. */
    public void connect(Duration maxVirtual) throws Exception {
        negotiate();
        runUntil(() -> a.connected() && b.connected(), maxVirtual);
    }

    /** Datagrams for which {@code swallow} holds vanish before the emulator sees them (an on-path attacker). */
    public void intercept(Predicate<Transmit> swallow) {
        this.intercept = swallow;
    }

    /**
     * A middlebox on the path (such as a NAT) sees every datagram as it is sent and returns it
     * rewritten, or null to drop it.
     */
    public void middlebox(UnaryOperator<Transmit> box) {
        this.middlebox = box;
    }

    /** Puts {@code host} on the network: datagrams to the addresses it owns go to it. */
    public void attach(Host host) {
        hosts.add(host);
    }

    /** Sees every datagram just before the receiving engine gets it. */
    public void tap(Consumer<Transmit> tap) {
        this.tap = tap;
    }

    /** Hands {@code data} to {@code to} now, as if it came from {@code from}. */
    public void inject(Side to, InetSocketAddress from, byte[] data) {
        to.engine.handleReceive(clock.nanoTime(), from, to.address, data, 0, data.length);
        drain(to);
    }

    /** Drives both sides until {@code done}; fails after {@code maxVirtual} or 20 s of real time. */
    public void runUntil(BooleanSupplier done, Duration maxVirtual) throws InterruptedException {
        runUntil(done, maxVirtual, Duration.ofSeconds(20));
    }

    /** As {@link #runUntil(BooleanSupplier, Duration)} with a real-time budget (bulk transfers are CPU-bound). */
    public void runUntil(BooleanSupplier done, Duration maxVirtual, Duration maxReal) throws InterruptedException {
        long startVirtual = clock.nanoTime();
        long startReal = System.nanoTime();
        long endVirtual = startVirtual + maxVirtual.toNanos();
        long endReal = startReal + maxReal.toNanos();
        drain();
        while (!done.getAsBoolean()) {
            if (clock.nanoTime() > endVirtual || System.nanoTime() > endReal) {
                throw new AssertionError(String.format("not done after %.3f s of virtual time (limit %s) and %.3f s of"
                        + " real time (limit %s); a: %s, b: %s", (clock.nanoTime() - startVirtual) / 1e9, maxVirtual,
                        (System.nanoTime() - startReal) / 1e9, maxReal, describe(a), describe(b)));
            }
            step();
        }
    }

    /** Lets {@code d} of virtual time pass. */
    public void runFor(Duration d) throws InterruptedException {
        long end = clock.nanoTime() + d.toNanos();
        runUntil(() -> clock.nanoTime() >= end, d.plusSeconds(1));
    }

    private static String describe(Side s) {
        return s.engine.connectionState() + "/" + s.engine.iceConnectionState()
                + s.engine.failureExplanation().map(r -> " (" + r + ")").orElse("");
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
        clock.advanceTo(Math.max(now, next));
        now = clock.nanoTime();
        while (!network.isEmpty() && network.peek().at <= now) {
            Transmit t = network.poll().transmit;
            Side to = t.destination().equals(a.address) ? a : t.destination().equals(b.address) ? b : null;
            if (to == null) {
                deliverToHost(now, t);
                continue;
            }
            tap.accept(t);
            to.engine.handleReceive(now, t.source(), t.destination(), t.data(), t.offset(), t.length());
            drain(to);
        }
        for (Side s : List.of(a, b)) {
            if (s.deadline <= now) {
                s.engine.handleTimeout(now);
            }
        }
        drain();
    }

    private void deliverToHost(long now, Transmit t) {
        for (Host h : hosts) {
            if (h.owns(t.destination())) {
                h.receive(now, t, reply -> {
                    Transmit out = middlebox.apply(reply);
                    if (out != null) {
                        network.add(new InFlight(now, order++, out));
                    }
                });
                return;
            }
        }
        undeliverable++;
    }

    private static boolean handshaking(Side s) {
        IceConnectionState ice = s.engine.iceConnectionState();
        return s.engine.srtpProfile().isEmpty() && s.engine.connectionState() == ConnectionState.CONNECTING
                && (ice == IceConnectionState.CONNECTED || ice == IceConnectionState.COMPLETED);
    }

    /** Collects both sides' output. */
    public void drain() {
        drain(a);
        drain(b);
    }

    private void drain(Side s) {
        Output o;
        long now = clock.nanoTime();
        while (!((o = poll(s)) instanceof Deadline)) {
            if (o instanceof Transmit t) {
                s.sent.add(new Sent(now, t));
                if (intercept.test(t)) {
                    continue;
                }
                t = middlebox.apply(t);
                if (t == null) {
                    continue;
                }
                NetworkEmulator path = s.impaired.test(t) ? s.outbound : s.clear;
                for (long at : path.offer(now, t.length())) {
                    network.add(new InFlight(at, order++, t));
                }
            } else if (o instanceof Output.Event e) {
                s.events.add(e);
                s.eventTimes.add(now);
                if (e instanceof EngineEvent.LocalCandidate c) {
                    s.pendingCandidates.add(c.candidate());
                }
            }
        }
        s.deadline = ((Deadline) o).atNanos();
        if (s.other.engine.remoteDescription().isPresent() && !s.pendingCandidates.isEmpty()) {
            for (String c : s.pendingCandidates) {
                s.other.engine.addRemoteCandidate(now, c);
            }
            s.pendingCandidates.clear();
            drain(s.other);
        }
    }

    // A core must never throw at its driver (bad input is dropped and counted): say so plainly when one does.
    private static Output poll(Side s) {
        try {
            return s.engine.poll();
        } catch (RuntimeException e) {
            throw new AssertionError("engine " + s.name + " threw out of poll(); a core must drop and count, never throw: "
                    + e, e);
        }
    }

    /** Datagrams addressed to neither side nor an attached host. */
    public long undeliverable() {
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
