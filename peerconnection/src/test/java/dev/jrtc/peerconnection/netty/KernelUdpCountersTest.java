package dev.jrtc.peerconnection.netty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KernelUdpCountersTest {

    @Test
    void countsDatagramsThisProcessSendsOnLoopback() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/snmp")), "Linux only");
        KernelUdpCounters before = KernelUdpCounters.read();
        assertTrue(before.known());
        try (DatagramChannel receiver = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramChannel sender = DatagramChannel.open()) {
            for (int i = 0; i < 20; i++) {
                sender.send(ByteBuffer.wrap(new byte[] {(byte) i}), receiver.getLocalAddress());
            }
            ByteBuffer into = ByteBuffer.allocate(16);
            for (int i = 0; i < 20; i++) {
                into.clear();
                receiver.receive(into); // InDatagrams counts what the application reads
            }
            KernelUdpCounters delta = KernelUdpCounters.read().minus(before);
            // other processes may send too, so at least ours
            assertTrue(delta.out() >= 20, delta.toString());
            assertTrue(delta.in() >= 20, delta.toString());
            assertEquals(0, KernelUdpCounters.ownSocketDrops(), "20 tiny datagrams cannot overflow a socket queue");
        }
    }

    @Test
    void anUnknownReadingMakesTheDeltaUnknown() {
        KernelUdpCounters unknown = new KernelUdpCounters(0, 0, 0, 0, false);
        KernelUdpCounters known = new KernelUdpCounters(5, 6, 1, 2, true);
        assertFalse(known.minus(unknown).known());
        assertEquals("UDP counters unavailable", known.minus(unknown).describe());
        assertEquals(new KernelUdpCounters(4, 4, 1, 1, true), known.minus(new KernelUdpCounters(1, 2, 0, 1, true)));
    }
}
