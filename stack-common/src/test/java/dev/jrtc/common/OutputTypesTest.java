package dev.jrtc.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class OutputTypesTest {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 5000);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.1", 6000);

    @Test
    void aTransmitMustLieWithinItsArray() {
        assertThrows(IndexOutOfBoundsException.class, () -> new Transmit(A, B, new byte[4], 2, 3));
        assertThrows(NullPointerException.class, () -> new Transmit(null, B, new byte[4]));
        assertEquals(4, new Transmit(A, B, new byte[4]).length());
    }

    @Test
    void theEarliestDeadlineWins() {
        Deadline soon = new Deadline(10);
        assertSame(soon, Deadline.earliest(soon, Deadline.NEVER));
        assertSame(soon, Deadline.earliest(Deadline.NEVER, soon));
        assertTrue(Deadline.NEVER.isNever());
    }
}
