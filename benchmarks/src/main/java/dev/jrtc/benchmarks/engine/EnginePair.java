package dev.jrtc.benchmarks.engine;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.Transmit;
import dev.jrtc.common.VirtualClock;
import dev.jrtc.dtls.DtlsCertificate;
import dev.jrtc.dtls.DtlsKeyType;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineConfig;
import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.PeerConnectionEngine;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.sdp.SessionDescription;
import java.net.InetSocketAddress;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Two sans-IO engines joined in memory, driven in virtual time until both are connected (ICE,
 * DTLS, SRTP keys). The benchmark then owns the datagrams: it takes what the sender emits and
 * feeds it to the receiver itself. Only the DTLS handshake runs on a real thread (the engine's
 * handshake executor); while it does, virtual time moves in 1 ms steps.
 */
final class EnginePair implements AutoCloseable {
    final VirtualClock clock = new VirtualClock();
    final InetSocketAddress senderAddress = new InetSocketAddress("10.0.0.1", 5000);
    final InetSocketAddress receiverAddress = new InetSocketAddress("10.0.0.2", 6000);
    final PeerConnectionEngine sender;
    final PeerConnectionEngine receiver;

    private final ExecutorService handshakes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bench-dtls-handshake");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore wakeups = new Semaphore(0);
    private final ArrayDeque<Transmit> toSender = new ArrayDeque<>();
    private final ArrayDeque<Transmit> toReceiver = new ArrayDeque<>();
    private final List<String> senderCandidates = new ArrayList<>();
    private final List<String> receiverCandidates = new ArrayList<>();

    EnginePair(long seed) {
        sender = engine(senderAddress, seed);
        receiver = engine(receiverAddress, seed + 1);
    }

    private PeerConnectionEngine engine(InetSocketAddress address, long seed) {
        SecureRandom dtlsRandom;
        try {
            dtlsRandom = SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        dtlsRandom.setSeed(seed);
        DtlsCertificate cert = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, dtlsRandom, clock.epochMillis());
        return new PeerConnectionEngine(new EngineConfig(RandomSource.seeded(seed), dtlsRandom, clock, cert,
                IceConfig.builder().build(), List.of(address), handshakes, wakeups::release));
    }

    /** Offer from the sender, answer from the receiver, then ICE and DTLS until both are connected. */
    void connect() throws Exception {
        long now = clock.nanoTime();
        SessionDescription offer = sender.createOffer(now);
        sender.setLocalDescription(now, SdpType.OFFER, offer);
        receiver.setRemoteDescription(now, SdpType.OFFER, SessionDescription.parse(offer.toSdpString()));
        SessionDescription answer = receiver.createAnswer(now);
        receiver.setLocalDescription(now, SdpType.ANSWER, answer);
        sender.setRemoteDescription(now, SdpType.ANSWER, SessionDescription.parse(answer.toSdpString()));
        long realDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (sender.connectionState() != ConnectionState.CONNECTED || receiver.connectionState() != ConnectionState.CONNECTED) {
            if (System.nanoTime() > realDeadline) {
                throw new IllegalStateException("engines not connected: " + sender.connectionState() + "/"
                        + receiver.connectionState());
            }
            exchangeSignalling();
            now = clock.nanoTime();
            drainInto(sender, toReceiver, senderCandidates, e -> { });
            drainInto(receiver, toSender, receiverCandidates, e -> { });
            deliver(toReceiver, receiver, now);
            deliver(toSender, sender, now);
            sender.handleTimeout(now);
            receiver.handleTimeout(now);
            if (wakeups.tryAcquire(1, TimeUnit.MILLISECONDS)) {
                wakeups.drainPermits();
            }
            clock.advanceNanos(1_000_000L);
        }
        drainInto(sender, toReceiver, senderCandidates, e -> { });
        drainInto(receiver, toSender, receiverCandidates, e -> { });
        toReceiver.clear();
        toSender.clear();
    }

    private void exchangeSignalling() {
        long now = clock.nanoTime();
        for (String c : senderCandidates) {
            receiver.addRemoteCandidate(now, c);
        }
        senderCandidates.clear();
        for (String c : receiverCandidates) {
            sender.addRemoteCandidate(now, c);
        }
        receiverCandidates.clear();
    }

    private static void deliver(ArrayDeque<Transmit> queue, PeerConnectionEngine to, long now) {
        Transmit t;
        while ((t = queue.poll()) != null) {
            to.handleReceive(now, t.source(), t.destination(), t.data(), t.offset(), t.length());
        }
    }

    private static void drainInto(PeerConnectionEngine engine, ArrayDeque<Transmit> out, List<String> candidates,
            Consumer<Output.Event> events) {
        Output o;
        while (!((o = engine.poll()) instanceof Deadline)) {
            if (o instanceof Transmit t) {
                out.add(t);
            } else if (o instanceof EngineEvent.LocalCandidate c) {
                candidates.add(c.candidate());
            } else if (o instanceof Output.Event e) {
                events.accept(e);
            }
        }
    }

    /** Everything the sender has to send now, in order (its events are dropped). */
    List<Transmit> takeSenderDatagrams() {
        ArrayDeque<Transmit> out = new ArrayDeque<>();
        drainInto(sender, out, new ArrayList<>(), e -> { });
        return new ArrayList<>(out);
    }

    /** Polls the receiver until it has nothing more, handing each event to {@code events}; datagrams it emits are dropped. */
    void drainReceiver(Consumer<Output.Event> events) {
        Output o;
        while (!((o = receiver.poll()) instanceof Deadline)) {
            if (o instanceof Output.Event e) {
                events.accept(e);
            }
        }
    }

    @Override
    public void close() {
        long now = clock.nanoTime();
        sender.close(now);
        receiver.close(now);
        handshakes.shutdownNow();
    }
}
