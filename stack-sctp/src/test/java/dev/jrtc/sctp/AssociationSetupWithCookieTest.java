package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sctp.packet.DataFormat;
import org.junit.jupiter.api.Test;

class AssociationSetupWithCookieTest {

    @Test
    void simultaneousInitFromBothSidesEstablishes() {
        SimulatedPair p = SimulatedPair.clean(1);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        assertTrue(p.eventsA.stream().anyMatch(e -> e instanceof SctpEvent.Connected));
        assertTrue(p.eventsB.stream().anyMatch(e -> e instanceof SctpEvent.Connected));
        assertEquals(DataFormat.I_DATA, p.a.association().dataFormat(), "both offer I-DATA");
        assertEquals(p.a.association().localVerificationTag(), p.b.association().peerVerificationTag());
        assertEquals(p.b.association().localVerificationTag(), p.a.association().peerVerificationTag());
    }

    @Test
    void oneSidedConnectEstablishesWithAListeningPeer() {
        SimulatedPair p = SimulatedPair.clean(2);
        p.a.connect(p.now);
        p.drain();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        assertTrue(p.now < p.SECOND * 2, "no timer needed on a clean link");
    }

    @Test
    void withoutInterleavingOnOneSideClassicDataIsUsed() {
        SimulatedPair p = new SimulatedPair(SctpConfig.defaults(), SctpConfig.defaults().withInterleaving(false),
                new SimulatedLink(3, LossModel.none(), 5_000_000L, 0, 0, 0),
                new SimulatedLink(4, LossModel.none(), 5_000_000L, 0, 0, 0), 3);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        assertEquals(DataFormat.DATA, p.a.association().dataFormat());
        assertEquals(DataFormat.DATA, p.b.association().dataFormat());
    }
}
