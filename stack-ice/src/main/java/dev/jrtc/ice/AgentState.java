package dev.jrtc.ice;

import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The facts every part of an {@link IceAgent} shares: configuration, the current and previous ICE
 * generation, the role, the selected pair, the clock and the output queue. It holds no policy; the
 * parts that decide things ({@link CheckScheduler}, {@link InboundChecks}, {@link NominationPolicy},
 * {@link ConnectionStateMachine}...) read and write it. Keeping the shared state in one place is what
 * lets those parts stay small without passing a dozen arguments around.
 */
final class AgentState {
    final IceConfig config;
    final RandomSource random;
    final long tieBreaker;
    /** What {@code poll()} hands out, in order. */
    final ArrayDeque<Output> out = new ArrayDeque<>();
    final Liveness liveness;
    IceRole role;
    IceSession session;
    /** The session before an ICE restart, kept while its selected pair still carries data. */
    IceSession previous;
    CandidatePair selected;
    long now;
    boolean closed;
    private int nextConnectionId = 1;

    /**
     * Draws the tie-breaker, then the first credentials, in that order: seeded tests depend on the
     * order in which randomness is consumed.
     */
    AgentState(IceConfig config, RandomSource random) {
        this.config = config;
        this.random = random;
        this.role = config.lite() ? IceRole.CONTROLLED : config.role();
        this.tieBreaker = random.nextLong();
        this.session = new IceSession(IceCredentials.random(random), config.maxPairs());
        this.liveness = new Liveness(config, random);
    }

    /** Time never goes backwards inside the agent (DESIGN.md section 1). */
    void tick(long nowNanos) {
        now = Math.max(now, nowNanos);
    }

    /** The live generations: the current one, and the previous one while it still carries data. */
    List<IceSession> sessions() {
        return previous == null ? List.of(session) : List.of(session, previous);
    }

    /** The generation a pair belongs to. */
    IceSession ownerOf(CandidatePair pair) {
        if (session.checkList.pairs().contains(pair)) {
            return session;
        }
        return previous;
    }

    /** IDs for stream connections: TURN over TCP/TLS and accepted ICE-TCP share one space. */
    int newConnectionId() {
        return nextConnectionId++;
    }

    /** Whether policy lets us use (and signal) a local candidate: with relay-only, only relays. */
    boolean usable(LocalCandidate local) {
        return !config.relayOnly() || local.type() == CandidateType.RELAYED;
    }

    /** Flips the role after a conflict (RFC 8445 section 7.3.1.1); pair priorities depend on it. */
    void switchRole() {
        role = role.opposite();
        for (IceSession s : sessions()) {
            s.checkList.recomputePriorities(role);
        }
        out.add(new IceEvent.RoleChanged(role));
    }
}
