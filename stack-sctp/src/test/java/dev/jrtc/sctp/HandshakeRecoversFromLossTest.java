package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Lost INIT and COOKIE ECHO are recovered by T1 (RFC 9260 §5.1); bad cookies are refused; a stale
 * cookie makes the initiator start again with a fresh INIT (§5.2.6).
 */
class HandshakeRecoversFromLossTest {
    private static SimulatedPair pair(LossModel ab, LossModel ba, SctpConfig b) {
        return new SimulatedPair(SctpConfig.defaults(), b,
                new SimulatedLink(1, ab, 20 * SimulatedPair.MS, 0, 0, 0),
                new SimulatedLink(2, ba, 20 * SimulatedPair.MS, 0, 0, 0), 5);
    }

    @Test
    void lostInitIsRetransmittedByT1Init() {
        SimulatedPair p = pair(LossModel.dropNumbered(1), LossModel.none(), SctpConfig.defaults());
        p.a.connect(p.now);
        p.drain();
        long start = p.now;
        assertTrue(p.runUntil(p::established, 10 * SimulatedPair.SECOND));
        assertTrue(p.now - start >= SimulatedPair.SECOND, "took one RTO.Initial: " + (p.now - start));
    }

    @Test
    void lostCookieEchoIsRetransmittedByT1Cookie() {
        // A's second packet is the COOKIE ECHO.
        SimulatedPair p = pair(LossModel.dropNumbered(2), LossModel.none(), SctpConfig.defaults());
        p.a.connect(p.now);
        p.drain();
        long start = p.now;
        assertTrue(p.runUntil(p::established, 10 * SimulatedPair.SECOND));
        assertTrue(p.now - start >= SimulatedPair.SECOND);
    }

    @Test
    void lostCookieAckIsAnsweredAgainForTheRetransmittedCookieEcho() {
        SimulatedPair p = pair(LossModel.none(), LossModel.dropNumbered(2), SctpConfig.defaults());
        p.a.connect(p.now);
        p.drain();
        assertTrue(p.runUntil(p::established, 10 * SimulatedPair.SECOND));
    }

    @Test
    void losingEveryInitGivesUpAfterMaxInitRetransmits() {
        SimulatedPair p = pair(LossModel.random(1.0), LossModel.none(), SctpConfig.defaults());
        p.a.connect(p.now);
        p.drain();
        p.runFor(600 * SimulatedPair.SECOND);
        assertEquals(AssociationState.CLOSED, p.a.state());
        SctpEvent.Closed closed = assertInstanceOf(SctpEvent.Closed.class, p.eventsA.get(p.eventsA.size() - 1));
        assertEquals(CloseReason.Kind.TIMED_OUT, closed.reason().kind());
    }

    @Test
    void aCookieOlderThanItsLifetimeIsRefused() {
        // B's cookies live 10 ms, but the round trip is 40 ms.
        SimulatedPair p = pair(LossModel.none(), LossModel.none(),
                SctpConfig.defaults().withCookieLifetime(10 * SimulatedPair.MS));
        p.a.connect(p.now);
        p.drain();
        p.runFor(3 * SimulatedPair.SECOND);
        assertFalse(p.established());
        assertTrue(p.b.stats().staleCookies > 0);
    }

    @Test
    void aStaleCookieErrorRestartsTheHandshakeWithAFreshInit() {
        // B's cookies live 60 ms; the round trip is 40 ms, so a first COOKIE ECHO is fresh. It is
        // lost, and the one T1-cookie resends a second later is stale: B answers with a Stale
        // Cookie ERROR, and A starts again with INIT instead of resending a cookie that cannot work.
        SimulatedPair p = pair(LossModel.dropNumbered(2), LossModel.none(),
                SctpConfig.defaults().withCookieLifetime(60 * SimulatedPair.MS));
        p.a.connect(p.now);
        p.drain();
        long start = p.now;
        assertTrue(p.runUntil(p::established, 10 * SimulatedPair.SECOND));
        assertEquals(1, p.b.stats().staleCookies);
        assertEquals(1, p.a.stats().handshakeRestarts);
        // One RTO.Initial for T1-cookie, then two round trips for INIT and COOKIE ECHO again.
        assertTrue(p.now - start < SimulatedPair.SECOND + 300 * SimulatedPair.MS, "took " + (p.now - start));
    }

    @Test
    void cookiesThatAreAlwaysStaleEndInATimeoutNotALoop() {
        SimulatedPair p = pair(LossModel.none(), LossModel.none(),
                SctpConfig.defaults().withCookieLifetime(10 * SimulatedPair.MS));
        p.a.connect(p.now);
        p.drain();
        p.runFor(60 * SimulatedPair.SECOND);
        assertEquals(AssociationState.CLOSED, p.a.state());
        SctpEvent.Closed closed = assertInstanceOf(SctpEvent.Closed.class, p.eventsA.get(p.eventsA.size() - 1));
        assertEquals(CloseReason.Kind.TIMED_OUT, closed.reason().kind());
        assertEquals(SctpConfig.defaults().maxInitRetransmissions(), p.a.stats().handshakeRestarts);
    }
}
