package dev.jrtc.sctp.assoc;

import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.ReConfigParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Outgoing SSN reset (RFC 6525), which is how a data channel closes (RFC 8831 §6.7). One request
 * is in flight at a time; streams asked for meanwhile wait and go in the next one. A stream is put
 * in a request only once all its queued messages have TSNs, so the request's "last assigned TSN"
 * covers them. An incoming request is performed once everything up to its last assigned TSN has
 * arrived (deferred reset, §5.2.2), answering "in progress" until then.
 */
final class StreamResetHandler {
    /** What the association does when a reset completes. */
    interface Actions {
        void resetIncoming(int[] streams);

        void outgoingResetDone(int[] streams, boolean performed);
    }

    private final Actions actions;
    private final Set<Integer> waiting = new LinkedHashSet<>();
    private final Timer retransmit = new Timer();
    private ReConfigParam.OutgoingReset inFlight;
    private long nextRequestSequence;
    private long expectedPeerSequence;
    private int lastResultToPeer = ReConfigParam.Response.SUCCESS_PERFORMED;
    private ReConfigParam.OutgoingReset deferred;
    private final List<ReConfigParam> responses = new ArrayList<>(1);
    private boolean requestDue;

    /**
     * @param localInitialTsn request sequence numbers start here (RFC 6525 §5.1.1)
     * @param peerInitialTsn the peer's requests start here
     */
    StreamResetHandler(long localInitialTsn, long peerInitialTsn, Actions actions) {
        this.nextRequestSequence = localInitialTsn;
        this.expectedPeerSequence = peerInitialTsn;
        this.actions = actions;
    }

    /** Asks for {@code streamId}'s outgoing side to be reset. */
    void request(int streamId) {
        if (inFlight != null && contains(inFlight.streams(), streamId)) {
            return;
        }
        waiting.add(streamId);
    }

    boolean idle() {
        return inFlight == null && waiting.isEmpty() && deferred == null;
    }

    long deadline() {
        return retransmit.deadline();
    }

    void onTimeout(long now) {
        if (retransmit.fire(now) && inFlight != null) {
            requestDue = true;
        }
    }

    /**
     * The RE-CONFIG chunk to send now, or null: responses owed to the peer, plus a new or
     * retransmitted request.
     *
     * @param drained whether a stream's queue is empty (only such streams go in a request)
     */
    Chunk.ReConfig poll(long now, long lastAssignedTsn, long rto, IntPredicate drained) {
        List<ReConfigParam> params = new ArrayList<>(2);
        params.addAll(responses);
        responses.clear();
        if (inFlight == null && !waiting.isEmpty()) {
            int[] ready = waiting.stream().filter(drained::test).mapToInt(Integer::intValue).toArray();
            if (ready.length > 0) {
                for (int s : ready) {
                    waiting.remove(s);
                }
                inFlight = new ReConfigParam.OutgoingReset(nextRequestSequence, Tsn.add(expectedPeerSequence, -1),
                        lastAssignedTsn, ready);
                requestDue = true;
            }
        }
        if (requestDue && inFlight != null) {
            params.add(inFlight);
            requestDue = false;
            retransmit.start(now + rto);
        }
        return params.isEmpty() ? null : new Chunk.ReConfig(params);
    }

    /** Whether {@link #poll} has something to send (without streams that are not drained). */
    boolean wantsToSend(IntPredicate drained) {
        if (!responses.isEmpty() || (requestDue && inFlight != null)) {
            return true;
        }
        if (inFlight == null) {
            for (int s : waiting) {
                if (drained.test(s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Handles a received RE-CONFIG chunk. */
    void onReConfig(Chunk.ReConfig rc, long cumulativeTsn) {
        for (ReConfigParam p : rc.params()) {
            if (p instanceof ReConfigParam.OutgoingReset r) {
                onPeerRequest(r, cumulativeTsn);
            } else if (p instanceof ReConfigParam.Response r) {
                onResponse(r);
            } else if (p instanceof ReConfigParam.Unsupported u) {
                responses.add(new ReConfigParam.Response(u.requestSequence(), ReConfigParam.Response.DENIED));
            }
        }
    }

    private void onPeerRequest(ReConfigParam.OutgoingReset r, long cumulativeTsn) {
        long seq = r.requestSequence();
        if (seq == Tsn.add(expectedPeerSequence, -1)) {
            // A retransmission of the request already performed: the same answer again.
            responses.add(new ReConfigParam.Response(seq, lastResultToPeer));
            return;
        }
        if (seq != expectedPeerSequence) {
            responses.add(new ReConfigParam.Response(seq, ReConfigParam.Response.ERROR_BAD_SEQUENCE));
            return;
        }
        if (Tsn.le(r.lastAssignedTsn(), cumulativeTsn)) {
            perform(r);
            responses.add(new ReConfigParam.Response(seq, ReConfigParam.Response.SUCCESS_PERFORMED));
        } else {
            deferred = r;
            responses.add(new ReConfigParam.Response(seq, ReConfigParam.Response.IN_PROGRESS));
        }
    }

    /** The cumulative TSN moved: a deferred request may now be performed. */
    void onCumulativeTsn(long cumulativeTsn) {
        if (deferred != null && Tsn.le(deferred.lastAssignedTsn(), cumulativeTsn)) {
            ReConfigParam.OutgoingReset r = deferred;
            perform(r);
            responses.add(new ReConfigParam.Response(r.requestSequence(), ReConfigParam.Response.SUCCESS_PERFORMED));
        }
    }

    private void perform(ReConfigParam.OutgoingReset r) {
        deferred = null;
        expectedPeerSequence = Tsn.add(expectedPeerSequence, 1);
        lastResultToPeer = ReConfigParam.Response.SUCCESS_PERFORMED;
        actions.resetIncoming(r.streams());
    }

    private void onResponse(ReConfigParam.Response r) {
        if (inFlight == null || r.responseSequence() != inFlight.requestSequence()) {
            return;
        }
        if (r.result() == ReConfigParam.Response.IN_PROGRESS) {
            return; // the retransmission timer asks again
        }
        int[] streams = inFlight.streams();
        inFlight = null;
        retransmit.stop();
        nextRequestSequence = Tsn.add(nextRequestSequence, 1);
        boolean performed = r.result() == ReConfigParam.Response.SUCCESS_PERFORMED
                || r.result() == ReConfigParam.Response.SUCCESS_NOTHING_TO_DO;
        actions.outgoingResetDone(streams, performed);
    }

    private static boolean contains(int[] a, int v) {
        return Arrays.stream(a).anyMatch(x -> x == v);
    }
}
