package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DTLS that beats ICE validation is held for sources that checked us, then delivered or expired. */
class EarlyDtlsHoldTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.1", 6000);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 7000);

    private final EarlyDtlsHold hold = new EarlyDtlsHold();
    private final Set<InetSocketAddress> validated = new HashSet<>();
    private final List<byte[]> delivered = new ArrayList<>();
    private int expired;

    private final EarlyDtlsHold.Release release = new EarlyDtlsHold.Release() {
        @Override
        public void deliver(InetSocketAddress remote, InetSocketAddress local, byte[] datagram) {
            assertEquals(PEER, remote);
            assertEquals(LOCAL, local);
            delivered.add(datagram);
        }

        @Override
        public void expired() {
            expired++;
        }
    };

    private boolean offer(long now, InetSocketAddress from, int marker) {
        byte[] buf = {0, 22, (byte) marker, 0};
        return hold.hold(now, from, LOCAL, buf, 1, 2, PEER::equals);
    }

    @Test
    void heldUntilTheSourceIsValidatedThenDeliveredInOrder() {
        assertTrue(offer(0, PEER, 1));
        assertTrue(offer(10, PEER, 2));
        hold.release(20, validated::contains, release);
        assertTrue(delivered.isEmpty(), "nothing may pass before ICE validates the source");
        validated.add(PEER);
        hold.release(30, validated::contains, release);
        assertEquals(2, delivered.size());
        assertArrayEquals(new byte[] {22, 1}, delivered.get(0));
        assertArrayEquals(new byte[] {22, 2}, delivered.get(1));
        assertEquals(0, hold.size());
        assertEquals(0, expired);
    }

    @Test
    void aSourceThatNeverCheckedUsIsNotHeld() {
        assertFalse(offer(0, STRANGER, 1));
        assertEquals(0, hold.size());
    }

    @Test
    void heldDatagramsExpireAndAreCountedAndTheHoldIsBounded() {
        for (int i = 0; i < EarlyDtlsHold.CAPACITY; i++) {
            assertTrue(offer(i, PEER, i));
        }
        assertFalse(offer(100, PEER, 99), "a full hold refuses, so the gate drops and counts");
        hold.release(EarlyDtlsHold.MAX_WAIT_NANOS, validated::contains, release); // only the first has waited that long
        assertEquals(EarlyDtlsHold.CAPACITY - 1, hold.size());
        assertEquals(1, expired);
        hold.release(EarlyDtlsHold.MAX_WAIT_NANOS + EarlyDtlsHold.CAPACITY, validated::contains, release);
        assertEquals(0, hold.size());
        assertEquals(EarlyDtlsHold.CAPACITY, expired);
        assertTrue(delivered.isEmpty());
    }
}
