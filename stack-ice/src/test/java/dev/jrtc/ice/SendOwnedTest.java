package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Output;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.sim.TwoPeers;
import java.util.Arrays;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@link IceAgent#send} borrows the caller's bytes and copies them; {@link IceAgent#sendOwned} takes
 * the array as it is, so a caller that owns its bytes (a DTLS record, a packet SRTP protected into a
 * fresh array) pays no copy per packet. Both send on the selected pair and refuse without one.
 */
class SendOwnedTest {
    private static final byte[] SLICE = {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 42};

    private static TwoPeers connected() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null)).start();
        assertTrue(p.runUntilConnected(10), () -> p.a.states() + " " + p.b.states());
        return p;
    }

    /** The caller's array with {@link #SLICE} at offset 3 and other bytes around it. */
    private static byte[] framed() {
        byte[] buf = new byte[SLICE.length + 7];
        Arrays.fill(buf, (byte) 0x55);
        System.arraycopy(SLICE, 0, buf, 3, SLICE.length);
        return buf;
    }

    /** Polls the agent until a transmit that {@code wanted} accepts comes out. */
    private static Transmit pollTransmit(IceAgent agent, Predicate<Transmit> wanted) {
        for (int i = 0; i < 100; i++) {
            Output o = agent.poll();
            if (o instanceof Transmit t && wanted.test(t)) {
                return t;
            }
        }
        throw new AssertionError("no such transmit");
    }

    @Test
    void sendOwnedHandsTheCallersSliceOnWithoutACopy() {
        TwoPeers p = connected();
        byte[] buf = framed();
        p.net.call(p.a.agent, now -> {
            assertTrue(p.a.agent.sendOwned(now, buf, 3, SLICE.length));
            Transmit t = pollTransmit(p.a.agent, x -> x.data() == buf);
            assertSame(buf, t.data());
            assertEquals(3, t.offset());
            assertEquals(SLICE.length, t.length());
            assertEquals(p.a.agent.selectedPair().orElseThrow().remote().socketAddress().orElseThrow(), t.destination());
        });
    }

    @Test
    void sendCopiesSoTheCallerMayReuseItsArray() {
        TwoPeers p = connected();
        byte[] buf = framed();
        p.net.call(p.a.agent, now -> {
            assertTrue(p.a.agent.send(now, buf, 3, SLICE.length));
            Arrays.fill(buf, (byte) 0); // the caller reuses its array at once
            Transmit t = pollTransmit(p.a.agent, x -> x.length() == SLICE.length && x.data() != buf);
            assertNotSame(buf, t.data());
            assertArrayEquals(SLICE, Arrays.copyOfRange(t.data(), t.offset(), t.offset() + t.length()));
        });
    }

    @Test
    void bothRefuseWithoutASelectedPairAndCheckTheSlice() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null)).start();
        byte[] buf = framed();
        p.net.call(p.a.agent, now -> {
            assertFalse(p.a.agent.sendOwned(now, buf, 3, SLICE.length));
            assertFalse(p.a.agent.send(now, buf, 3, SLICE.length));
            assertThrows(IndexOutOfBoundsException.class, () -> p.a.agent.sendOwned(now, buf, 10, SLICE.length));
        });
    }

    @Test
    void ownedBytesArriveIntactAtThePeer() {
        TwoPeers p = connected();
        int before = p.b.received.size();
        byte[] buf = framed();
        p.net.call(p.a.agent, now -> assertTrue(p.a.agent.sendOwned(now, buf, 3, SLICE.length)));
        p.net.runFor(100);
        assertEquals(before + 1, p.b.received.size());
        assertArrayEquals(SLICE, p.b.received.get(p.b.received.size() - 1));
    }
}
