package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.sim.IcePeer;
import dev.jrtc.ice.sim.NatType;
import dev.jrtc.ice.sim.TwoPeers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time from the first connectivity check to a selected (nominated) pair on both sides, in virtual
 * time, with no delay and with a 50 ms RTT. The numbers are printed for BENCHMARKS.md and bounded
 * so that a regression fails.
 */
class ConnectionTimeTest {
    @ParameterizedTest(name = "{0}/{1} {2} rtt={3}ms")
    @CsvSource({
        ",, REGULAR, 0, 100", ",, REGULAR, 50, 300", ",, AGGRESSIVE, 50, 300",
        "FULL_CONE, PORT_RESTRICTED, REGULAR, 0, 700", "FULL_CONE, PORT_RESTRICTED, REGULAR, 50, 1000",
        "FULL_CONE, PORT_RESTRICTED, AGGRESSIVE, 50, 700"})
    void firstCheckToNominated(NatType natA, NatType natB, NominationMode mode, long rttMillis, long boundMillis) {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(natA, natB).withDelay(rttMillis / 2)
                .configureA(c -> c.nomination(mode))).start();
        assertTrue(p.runUntilConnected(20));
        long firstCheck = Math.min(firstCheckAt(p.a), firstCheckAt(p.b));
        long selected = Math.max(selectedAt(p.a), selectedAt(p.b));
        long millis = (selected - firstCheck) / 1_000_000;
        System.out.printf("connection time %s/%s %s rtt=%dms: %d ms (%s)%n", natA, natB, mode, rttMillis, millis,
                TwoPeers.selectedTypes(p.a));
        assertTrue(millis <= boundMillis, millis + " ms");
    }

    /** When the agent entered "checking": its first check goes out in the same instant. */
    private static long firstCheckAt(IcePeer p) {
        return p.firstTime(IceConnectionState.CHECKING);
    }

    private static long selectedAt(IcePeer p) {
        return p.events.stream().filter(t -> t.event() instanceof IceEvent.SelectedPairChanged)
                .mapToLong(IcePeer.Timed::atNanos).min().orElseThrow();
    }
}
