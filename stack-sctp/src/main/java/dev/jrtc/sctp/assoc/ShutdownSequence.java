package dev.jrtc.sctp.assoc;

import dev.jrtc.sctp.AssociationState;
import dev.jrtc.sctp.CloseReason;
import dev.jrtc.sctp.SctpConfig;
import dev.jrtc.sctp.packet.Chunk;

/**
 * The graceful shutdown of RFC 9260 §9.2: SHUTDOWN once all data is acknowledged, SHUTDOWN ACK,
 * SHUTDOWN COMPLETE, simultaneous shutdowns, the SHUTDOWN's cumulative TSN ack, and T2-shutdown
 * with doubling intervals. The {@link Association} owns the state and is told through {@link Host}.
 */
final class ShutdownSequence {
    /** What the shutdown sequence needs from its association. */
    interface Host {
        AssociationState state();

        void enter(AssociationState state);

        long peerTag();

        void queue(Chunk chunk);

        void sendStandalone(long tag, Chunk chunk);

        void close(CloseReason reason);

        void timedOut(String what);

        /** The data sender and receiver, or null before ESTABLISHED. */
        DataSender sender();

        DataReceiver receiver();
    }

    private final Host host;
    private final SctpConfig config;
    private final SctpCounters counters;
    private final RtoEstimator rto;
    private final Timer t2 = new Timer();
    private int t2Count;
    private Chunk shutdownChunk; // SHUTDOWN or SHUTDOWN ACK, kept for T2 retransmission

    ShutdownSequence(Host host, SctpConfig config, RtoEstimator rto, SctpCounters counters) {
        this.host = host;
        this.config = config;
        this.rto = rto;
        this.counters = counters;
    }

    /** The user asked for a shutdown in ESTABLISHED: wait for the data, then send SHUTDOWN. */
    void start(long now) {
        host.enter(AssociationState.SHUTDOWN_PENDING);
        checkProgress(now);
    }

    /** DATA arrived in SHUTDOWN-SENT: §9.2 says answer it with SHUTDOWN (and a SACK). */
    void onDataInShutdownSent() {
        host.queue(shutdownChunk);
        host.receiver().requestSack();
    }

    void onShutdown(long cumTsnAck, long now) {
        switch (host.state()) {
            case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_RECEIVED -> {
                host.enter(AssociationState.SHUTDOWN_RECEIVED);
                // §9.2: SHUTDOWN's cumulative TSN ack acknowledges like a SACK without gaps.
                DataSender sender = host.sender();
                if (Tsn.lt(sender.cumulativeAck(), cumTsnAck)) {
                    sender.onSack(new Chunk.Sack(cumTsnAck, sender.peerRwnd() + sender.flightBytes(), new int[0],
                            new long[0]), now);
                }
            }
            case SHUTDOWN_SENT -> {
                // Both sides shut down at once (§9.2): answer with SHUTDOWN ACK.
                shutdownChunk = new Chunk.ShutdownAck();
                host.enter(AssociationState.SHUTDOWN_ACK_SENT);
                host.queue(shutdownChunk);
                t2Count = 0;
                t2.start(now + rto.rto());
            }
            default -> counters.unexpectedChunks++;
        }
    }

    /** Returns true if the association closed (stop processing the packet). */
    boolean onShutdownAck() {
        AssociationState state = host.state();
        if (state == AssociationState.SHUTDOWN_SENT || state == AssociationState.SHUTDOWN_ACK_SENT) {
            host.sendStandalone(host.peerTag(), new Chunk.ShutdownComplete(false));
            host.close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shutdown complete"));
            return true;
        }
        counters.unexpectedChunks++;
        return false;
    }

    /** Returns true if the association closed (stop processing the packet). */
    boolean onShutdownComplete() {
        if (host.state() == AssociationState.SHUTDOWN_ACK_SENT) {
            host.close(new CloseReason(CloseReason.Kind.SHUTDOWN, "shutdown complete"));
            return true;
        }
        counters.unexpectedChunks++;
        return false;
    }

    /** Sends SHUTDOWN or SHUTDOWN ACK once everything queued has been acknowledged. */
    void checkProgress(long now) {
        DataSender sender = host.sender();
        if (sender == null || !sender.allAcknowledged()) {
            return;
        }
        AssociationState state = host.state();
        if (state == AssociationState.SHUTDOWN_PENDING) {
            shutdownChunk = new Chunk.Shutdown(host.receiver().cumulativeTsn());
            host.enter(AssociationState.SHUTDOWN_SENT);
        } else if (state == AssociationState.SHUTDOWN_RECEIVED) {
            shutdownChunk = new Chunk.ShutdownAck();
            host.enter(AssociationState.SHUTDOWN_ACK_SENT);
        } else {
            return;
        }
        host.queue(shutdownChunk);
        t2Count = 0;
        t2.start(now + rto.rto());
    }

    long deadline() {
        return t2.deadline();
    }

    void stop() {
        t2.stop();
    }

    /** Fires T2-shutdown if due: resends SHUTDOWN (with a fresh cumulative TSN) or SHUTDOWN ACK. */
    void onTimeout(long now) {
        if (!t2.fire(now)) {
            return;
        }
        if (++t2Count > config.maxRetransmissions()) {
            host.timedOut("T2-shutdown");
            return;
        }
        if (shutdownChunk != null) {
            if (shutdownChunk instanceof Chunk.Shutdown) {
                shutdownChunk = new Chunk.Shutdown(host.receiver().cumulativeTsn());
            }
            host.queue(shutdownChunk);
            t2.start(now + Math.min(config.rtoMaxNanos(), rto.rto() << Math.min(t2Count, 20)));
        }
    }
}
