package dev.jrtc.sctp.assoc;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.sctp.AssociationState;
import dev.jrtc.sctp.SctpConfig;
import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.ErrorCause;
import dev.jrtc.sctp.packet.Extensions;
import dev.jrtc.sctp.packet.InitParams;
import java.util.List;

/**
 * The four-way handshake of RFC 9260 §5: INIT, INIT ACK, COOKIE ECHO, COOKIE ACK, with the state
 * cookie (sealed with a per-association secret and checked for its tag and lifetime), crossing INITs
 * (§5.2.1), an INIT on an established association (§5.2.2) and the peer restart it announces
 * (§5.2.4 case A), duplicate COOKIE ECHOs (§5.2.4 case D) and T1-init / T1-cookie with doubling
 * intervals.
 * It owns both sides' tags, initial TSNs, stream counts and extensions; the {@link Association}
 * owns the state and the output queues and is told through {@link Host}.
 */
final class Handshake {
    /** What the handshake needs from its association. */
    interface Host {
        AssociationState state();

        void enter(AssociationState state);

        void sendStandalone(long tag, Chunk chunk);

        /** Puts a chunk at the front of the next bundled packet (COOKIE ECHO and COOKIE ACK go first). */
        void queueFirst(Chunk chunk);

        void dropQueuedCookieEcho();

        void establish();

        /**
         * The peer restarted (§5.2.4 case A): the tags and TSNs are already the new ones; the
         * association starts its data state afresh.
         */
        void restart();

        void timedOut(String what);
    }

    private final Host host;
    private final SctpConfig config;
    private final SctpCounters counters;
    private final RandomSource random;
    private final byte[] cookieSecret = new byte[32];
    private long localTag;
    private long localInitialTsn;
    private final Extensions localExtensions;

    private long peerTag;
    private long peerInitialTsn;
    private long peerRwnd;
    private int peerOutboundStreams;
    private int peerInboundStreams;
    private Extensions peerExtensions = Extensions.NONE;

    private final Timer t1 = new Timer();
    private int t1Count;
    private int staleCookieRestarts;
    private Chunk handshakeChunk; // INIT or COOKIE ECHO, kept for T1 retransmission

    Handshake(Host host, SctpConfig config, RandomSource random, SctpCounters counters) {
        this.host = host;
        this.config = config;
        this.counters = counters;
        this.random = random;
        random.nextBytes(cookieSecret);
        this.localTag = newTag();
        this.localInitialTsn = random.nextInt() & 0xFFFF_FFFFL;
        this.localExtensions = new Extensions(config.partialReliability(), true, config.interleaving());
    }

    long localTag() {
        return localTag;
    }

    long localInitialTsn() {
        return localInitialTsn;
    }

    Extensions localExtensions() {
        return localExtensions;
    }

    /** The peer's verification tag, or 0 before it is known. */
    long peerTag() {
        return peerTag;
    }

    long peerInitialTsn() {
        return peerInitialTsn;
    }

    long peerRwnd() {
        return peerRwnd;
    }

    int peerOutboundStreams() {
        return peerOutboundStreams;
    }

    int peerInboundStreams() {
        return peerInboundStreams;
    }

    Extensions peerExtensions() {
        return peerExtensions;
    }

    /** §5.1 A: sends INIT and enters COOKIE-WAIT. */
    void connect(long now) {
        handshakeChunk = new Chunk.Init(new InitParams(localTag, config.receiveWindow(), config.streams(),
                config.streams(), localInitialTsn, localExtensions, null));
        host.enter(AssociationState.COOKIE_WAIT);
        t1Count = 0;
        host.sendStandalone(0, handshakeChunk);
        t1.start(now + t1Interval());
    }

    void onInit(InitParams p, long now) {
        switch (host.state()) {
            // §5.1 B, and §5.2.1 for an INIT crossing ours: answer with our own tag and TSN, keep no state.
            case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> sendInitAck(p, localTag, localInitialTsn, 0, 0, now);
            // §5.2.2: the peer may have restarted. Offer a new tag and TSN, and put the current tags in
            // the cookie as tie-tags, so that its COOKIE ECHO can prove it knew this association.
            case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED ->
                    sendInitAck(p, newTag(), random.nextInt() & 0xFFFF_FFFFL, localTag, peerTag, now);
            default -> counters.unexpectedChunks++; // SHUTDOWN-ACK-SENT: the shutdown goes on (§9.2)
        }
    }

    private void sendInitAck(InitParams p, long tag, long initialTsn, long localTie, long peerTie, long now) {
        StateCookie cookie = new StateCookie(tag, p.initiateTag(), initialTsn, p.initialTsn(),
                p.advertisedReceiverWindow(), p.outboundStreams(), p.inboundStreams(), p.extensions(), now,
                localTie, peerTie);
        InitParams ack = new InitParams(tag, config.receiveWindow(), config.streams(), config.streams(), initialTsn,
                localExtensions, cookie.seal(cookieSecret));
        host.sendStandalone(p.initiateTag(), new Chunk.InitAck(ack));
    }

    private long newTag() {
        long tag;
        do {
            tag = random.nextInt() & 0xFFFF_FFFFL; // §5.3.1: never zero
        } while (tag == 0);
        return tag;
    }

    void onInitAck(InitParams p, long now) {
        if (host.state() != AssociationState.COOKIE_WAIT) {
            counters.unexpectedChunks++; // §5.2.3: an INIT ACK in any other state is discarded
            return;
        }
        adoptPeer(p.initiateTag(), p.initialTsn(), p.advertisedReceiverWindow(), p.outboundStreams(),
                p.inboundStreams(), p.extensions());
        handshakeChunk = new Chunk.CookieEcho(p.stateCookie());
        host.enter(AssociationState.COOKIE_ECHOED);
        t1Count = 0;
        host.queueFirst(handshakeChunk); // COOKIE ECHO must be the first chunk (§5.1 C)
        t1.start(now + t1Interval());
    }

    /**
     * @param packetTag the verification tag of the packet that carried the COOKIE ECHO, which must
     *     be the tag the cookie was made for (§5.1.5 step 3)
     */
    void onCookieEcho(byte[] bytes, long packetTag, long now) {
        StateCookie c;
        try {
            c = StateCookie.open(cookieSecret, bytes);
        } catch (ParseException e) {
            counters.badCookies++;
            return;
        }
        if (c.localTag() != packetTag) {
            counters.badCookies++;
            return;
        }
        if (now - c.createdAtNanos() > config.cookieLifetimeNanos()) {
            counters.staleCookies++; // §5.1.5: too old
            host.sendStandalone(c.peerTag(),
                    new Chunk.Error(List.of(new ErrorCause(ErrorCause.STALE_COOKIE, new byte[4]))));
            return;
        }
        switch (host.state()) {
            case CLOSED, COOKIE_WAIT, COOKIE_ECHOED -> {
                if (c.localTag() != localTag || (peerTag != 0 && peerTag != c.peerTag())) {
                    counters.badCookies++; // a cookie for another incarnation of either side
                    return;
                }
                adoptPeer(c.peerTag(), c.peerInitialTsn(), c.peerRwnd(), c.peerOutboundStreams(),
                        c.peerInboundStreams(), c.peerExtensions());
                t1.stop();
                handshakeChunk = null;
                host.dropQueuedCookieEcho();
                host.queueFirst(new Chunk.CookieAck());
                host.establish();
            }
            case ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED -> {
                if (c.localTag() == localTag && c.peerTag() == peerTag) {
                    host.queueFirst(new Chunk.CookieAck()); // §5.2.4 case D: our COOKIE ACK was lost
                } else if (c.localTag() != localTag && c.peerTag() != peerTag
                        && c.localTieTag() == localTag && c.peerTieTag() == peerTag) {
                    restart(c);
                } else {
                    counters.badCookies++; // cases B and C (collisions) cannot follow from our INIT handling
                }
            }
            default -> counters.badCookies++;
        }
    }

    /** §5.2.4 case A: the peer restarted; take the new tags and TSNs and start the data state again. */
    private void restart(StateCookie c) {
        counters.peerRestarts++;
        localTag = c.localTag();
        localInitialTsn = c.localInitialTsn();
        adoptPeer(c.peerTag(), c.peerInitialTsn(), c.peerRwnd(), c.peerOutboundStreams(), c.peerInboundStreams(),
                c.peerExtensions());
        host.queueFirst(new Chunk.CookieAck());
        host.restart();
    }

    void onCookieAck() {
        if (host.state() == AssociationState.COOKIE_ECHOED) {
            t1.stop();
            handshakeChunk = null;
            host.establish();
        }
    }

    /**
     * The peer reported our COOKIE ECHO as stale (§5.2.6): the cookie expired on the way, typically
     * because a lost COOKIE ECHO was retransmitted after the cookie's lifetime. Resending it could
     * never succeed, so the handshake starts again with a fresh INIT (and a fresh cookie), at most
     * Max.Init.Retransmits times.
     */
    void onStaleCookieError(long now) {
        if (host.state() != AssociationState.COOKIE_ECHOED) {
            counters.unexpectedChunks++;
            return;
        }
        t1.stop();
        host.dropQueuedCookieEcho();
        if (++staleCookieRestarts > config.maxInitRetransmissions()) {
            host.timedOut("stale cookie");
            return;
        }
        counters.handshakeRestarts++;
        adoptPeer(0, 0, 0, 0, 0, Extensions.NONE); // back to COOKIE-WAIT as if the INIT ACK never came
        connect(now);
    }

    private void adoptPeer(long tag, long initialTsn, long rwnd, int os, int mis, Extensions ext) {
        peerTag = tag;
        peerInitialTsn = initialTsn;
        peerRwnd = rwnd;
        peerOutboundStreams = os;
        peerInboundStreams = mis;
        peerExtensions = ext;
    }

    long deadline() {
        return t1.deadline();
    }

    void stop() {
        t1.stop();
    }

    /** Fires T1 if due: resends INIT or COOKIE ECHO, or gives up after Max.Init.Retransmits. */
    void onTimeout(long now) {
        if (!t1.fire(now)) {
            return;
        }
        AssociationState state = host.state();
        if (++t1Count > config.maxInitRetransmissions()) {
            host.timedOut(state == AssociationState.COOKIE_WAIT ? "T1-init" : "T1-cookie");
            return;
        }
        if (state == AssociationState.COOKIE_WAIT) {
            host.sendStandalone(0, handshakeChunk);
        } else if (state == AssociationState.COOKIE_ECHOED) {
            host.queueFirst(handshakeChunk);
        } else {
            return;
        }
        t1.start(now + t1Interval());
    }

    private long t1Interval() {
        // §5.1 and §6.3.3: T1 starts at RTO.Initial and doubles per expiry.
        long base = config.rtoInitialNanos();
        return Math.min(config.rtoMaxNanos(), base << Math.min(t1Count, 20));
    }
}
