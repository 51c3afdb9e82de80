package dev.jrtc.ice;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The pairs of one ICE generation, in priority order, with the frozen/waiting discipline of RFC
 * 8445 section 6.1.2.6 and the triggered-check queue of section 6.1.4.
 */
final class CheckList {
    private final List<CandidatePair> pairs = new ArrayList<>();
    private final ArrayDeque<CandidatePair> triggered = new ArrayDeque<>();
    private final int maxPairs;

    CheckList(int maxPairs) {
        this.maxPairs = maxPairs;
    }

    List<CandidatePair> pairs() {
        return pairs;
    }

    /**
     * Adds a pair unless an equivalent one (same local base and transport, same remote address)
     * exists; returns the pair that is in the list.
     */
    CandidatePair add(CandidatePair pair, IceRole role) {
        Optional<CandidatePair> same = find(pair.local, pair.remote.address());
        if (same.isPresent()) {
            return same.get();
        }
        pair.computePriority(role);
        boolean foundationActive = pairs.stream().anyMatch(p -> p.foundation().equals(pair.foundation())
                && p.state != PairState.FROZEN);
        pair.state = foundationActive ? PairState.FROZEN : PairState.WAITING;
        pairs.add(pair);
        sort();
        if (pairs.size() > maxPairs) {
            // Drop the lowest-priority pair that has not been checked yet.
            for (int i = pairs.size() - 1; i >= 0; i--) {
                PairState s = pairs.get(i).state;
                if (s == PairState.FROZEN || s == PairState.WAITING) {
                    triggered.remove(pairs.remove(i));
                    break;
                }
            }
        }
        return pair;
    }

    Optional<CandidatePair> find(LocalCandidate local, InetSocketAddress remote) {
        for (CandidatePair p : pairs) {
            if (p.local == local && p.remote.address().equals(remote)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Queues a triggered check (RFC 8445 section 7.3.1.4). */
    void trigger(CandidatePair pair) {
        if (pair.state == PairState.SUCCEEDED || pair.state == PairState.IN_PROGRESS || triggered.contains(pair)) {
            return;
        }
        pair.state = PairState.WAITING;
        triggered.add(pair);
    }

    /** The pair to check next: a triggered one, else the best waiting one, else the best frozen one. */
    Optional<CandidatePair> next() {
        while (!triggered.isEmpty()) {
            CandidatePair p = triggered.poll();
            if (pairs.contains(p) && p.state == PairState.WAITING) {
                return Optional.of(p);
            }
        }
        for (PairState wanted : new PairState[] {PairState.WAITING, PairState.FROZEN}) {
            for (CandidatePair p : pairs) {
                if (p.state == wanted) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** A pair succeeded: pairs of the same foundation are worth checking now. */
    void unfreeze(String foundation) {
        for (CandidatePair p : pairs) {
            if (p.state == PairState.FROZEN && p.foundation().equals(foundation)) {
                p.state = PairState.WAITING;
            }
        }
    }

    /** Whether anything is left to check. */
    boolean hasPending() {
        return !triggered.isEmpty() || pairs.stream().anyMatch(p -> p.state == PairState.FROZEN
                || p.state == PairState.WAITING || p.state == PairState.IN_PROGRESS);
    }

    boolean hasWork() {
        return !triggered.isEmpty() || pairs.stream().anyMatch(p -> p.state == PairState.FROZEN
                || p.state == PairState.WAITING);
    }

    boolean allFailed() {
        return !pairs.isEmpty() && pairs.stream().allMatch(p -> p.state == PairState.FAILED);
    }

    /** The best succeeded pair, if any. */
    Optional<CandidatePair> bestValid() {
        return pairs.stream().filter(p -> p.state == PairState.SUCCEEDED).findFirst();
    }

    /** The best succeeded, nominated pair, if any. */
    Optional<CandidatePair> bestNominated() {
        CandidatePair p = bestNominatedOrNull();
        return p == null ? Optional.empty() : Optional.of(p);
    }

    /**
     * The best nominated pair, or null: the form for the per-packet deadline computation, which
     * with a stream allocated four objects per call.
     */
    CandidatePair bestNominatedOrNull() {
        for (int i = 0; i < pairs.size(); i++) { // indexed: no iterator per call
            CandidatePair p = pairs.get(i);
            if (p.state == PairState.SUCCEEDED && p.nominated) {
                return p;
            }
        }
        return null;
    }

    /** Whether a pair better than {@code pair} may still succeed. */
    boolean betterMaySucceed(CandidatePair pair) {
        for (CandidatePair p : pairs) {
            if (p == pair) {
                return false;
            }
            if (p.state != PairState.FAILED && p.state != PairState.SUCCEEDED) {
                return true;
            }
        }
        return false;
    }

    void recomputePriorities(IceRole role) {
        pairs.forEach(p -> p.computePriority(role));
        sort();
    }

    private void sort() {
        pairs.sort(Comparator.comparingLong((CandidatePair p) -> p.priority).reversed());
    }
}
