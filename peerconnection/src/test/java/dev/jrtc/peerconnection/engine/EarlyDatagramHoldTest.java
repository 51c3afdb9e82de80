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

/** Early datagrams are held in order, delivered once their source is ready, or expired and counted; the hold is bounded. */
class EarlyDatagramHoldTest {
    private static final int CAPACITY = 4;
    private static final long MAX_WAIT = 2_000_000_000L;
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 7000);

    private final EarlyDatagramHold hold = new EarlyDatagramHold(CAPACITY, MAX_WAIT);
    private final Set<InetSocketAddress> ready = new HashSet<>();
    private final List<byte[]> delivered = new ArrayList<>();
    private int expired;

    private final EarlyDatagramHold.Release release = new EarlyDatagramHold.Release() {
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

    private boolean offer(long now, int marker) {
        byte[] buf = {0, 22, (byte) marker, 0};
        return hold.hold(now, PEER, LOCAL, buf, 1, 2);
    }

    @Test
    void heldUntilTheSourceIsReadyThenDeliveredInOrderAsCopies() {
        byte[] buf = {0, 22, 1, 0};
        assertTrue(hold.hold(0, PEER, LOCAL, buf, 1, 2));
        buf[1] = 99; // the caller's buffer is reused at once
        assertTrue(offer(10, 2));
        hold.release(20, ready::contains, release);
        assertTrue(delivered.isEmpty(), "nothing may pass before the source is ready");
        ready.add(PEER);
        hold.release(30, ready::contains, release);
        assertEquals(2, delivered.size());
        assertArrayEquals(new byte[] {22, 1}, delivered.get(0));
        assertArrayEquals(new byte[] {22, 2}, delivered.get(1));
        assertEquals(0, hold.size());
        assertEquals(0, expired);
    }

    @Test
    void heldDatagramsExpireAndAreCountedAndTheHoldIsBounded() {
        for (int i = 0; i < CAPACITY; i++) {
            assertTrue(offer(i, i));
        }
        assertFalse(offer(100, 99), "a full hold refuses, so the caller drops and counts");
        hold.release(MAX_WAIT, ready::contains, release); // only the first has waited that long
        assertEquals(CAPACITY - 1, hold.size());
        assertEquals(1, expired);
        hold.release(MAX_WAIT + CAPACITY, ready::contains, release);
        assertEquals(0, hold.size());
        assertEquals(CAPACITY, expired);
        assertTrue(delivered.isEmpty());
    }
}
