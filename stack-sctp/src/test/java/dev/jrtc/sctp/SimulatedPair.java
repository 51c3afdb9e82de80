package dev.jrtc.sctp;

import dev.jrtc.common.RandomSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Two associations (A is the DTLS client, B the server) joined by two {@link SimulatedLink}s, run
 * in virtual time: after every input each side is drained, then time jumps to the next arrival or
 * deadline.
 */
final class SimulatedPair {
    final SctpAssociation a;
    SctpAssociation b;
    final SimulatedLink ab;
    final SimulatedLink ba;
    final List<SctpEvent> eventsA = new ArrayList<>();
    final List<SctpEvent> eventsB = new ArrayList<>();
    Consumer<SctpEvent> onEventA = e -> { };
    Consumer<SctpEvent> onEventB = e -> { };
    /** Called after every step, to let a test top up its sending. */
    Runnable afterStep = () -> { };
    boolean keepEvents = true;
    long now = 1_000_000_000L;
    private long deadlineA = Long.MAX_VALUE;
    private long deadlineB = Long.MAX_VALUE;

    SimulatedPair(SctpConfig configA, SctpConfig configB, SimulatedLink ab, SimulatedLink ba, long seed) {
        this.a = new SctpAssociation(configA, DtlsRole.CLIENT, RandomSource.seeded(seed));
        this.b = new SctpAssociation(configB, DtlsRole.SERVER, RandomSource.seeded(seed + 1));
        this.ab = ab;
        this.ba = ba;
    }

    /** A clean link: 10 ms each way, no loss, no rate limit. */
    static SimulatedPair clean(long seed) {
        return new SimulatedPair(SctpConfig.defaults(), SctpConfig.defaults(),
                new SimulatedLink(seed, LossModel.none(), 10_000_000L, 0, 0, 0),
                new SimulatedLink(seed + 7, LossModel.none(), 10_000_000L, 0, 0, 0), seed);
    }

    /**
     * B restarts: a fresh association (new tags, TSNs, no streams) takes its place and sends INIT
     * while A still has the old association established (RFC 9260 §5.2.2).
     */
    void restartB(long seed) {
        b = new SctpAssociation(SctpConfig.defaults(), DtlsRole.SERVER, RandomSource.seeded(seed));
        deadlineB = Long.MAX_VALUE;
        b.connect(now);
        drain();
    }

    void connectBoth() {
        a.connect(now);
        b.connect(now);
        drain();
    }

    void drain() {
        deadlineA = drain(a, ab, eventsA, onEventA);
        deadlineB = drain(b, ba, eventsB, onEventB);
    }

    private long drain(SctpAssociation s, SimulatedLink out, List<SctpEvent> events, Consumer<SctpEvent> hook) {
        for (int guard = 0; guard < 1_000_000; guard++) {
            SctpOutput o = s.poll();
            if (o instanceof SctpOutput.Deadline d) {
                return d.atNanos();
            }
            if (o instanceof SctpOutput.Packet p) {
                out.send(now, p.data());
            } else if (o instanceof SctpEvent e) {
                if (keepEvents) {
                    events.add(e);
                }
                hook.accept(e);
            }
        }
        throw new AssertionError("poll() never returned a deadline");
    }

    /** One step: advance to the next event time and handle everything due then. */
    boolean step(long limit) {
        long next = Math.min(Math.min(ab.nextArrival(), ba.nextArrival()), Math.min(deadlineA, deadlineB));
        if (next == Long.MAX_VALUE || next > limit) {
            return false;
        }
        now = Math.max(now, next);
        byte[] p;
        while ((p = ab.poll(now)) != null) {
            b.handlePacket(now, p, 0, p.length);
            deadlineB = drain(b, ba, eventsB, onEventB);
        }
        while ((p = ba.poll(now)) != null) {
            a.handlePacket(now, p, 0, p.length);
            deadlineA = drain(a, ab, eventsA, onEventA);
        }
        if (deadlineA <= now) {
            a.handleTimeout(now);
            deadlineA = drain(a, ab, eventsA, onEventA);
        }
        if (deadlineB <= now) {
            b.handleTimeout(now);
            deadlineB = drain(b, ba, eventsB, onEventB);
        }
        afterStep.run();
        drain();
        return true;
    }

    /** Steps until {@code done} or {@code maxNanos} of virtual time passed; returns whether done. */
    boolean runUntil(BooleanSupplier done, long maxNanos) {
        long limit = now + maxNanos;
        while (!done.getAsBoolean()) {
            if (!step(limit)) {
                return done.getAsBoolean();
            }
        }
        return true;
    }

    /** Runs for {@code nanos} of virtual time. */
    void runFor(long nanos) {
        long limit = now + nanos;
        while (step(limit)) {
            // keep going
        }
        now = Math.max(now, limit);
    }

    boolean established() {
        return a.state() == AssociationState.ESTABLISHED && b.state() == AssociationState.ESTABLISHED;
    }

    static final long SECOND = 1_000_000_000L;
    static final long MS = 1_000_000L;
}
