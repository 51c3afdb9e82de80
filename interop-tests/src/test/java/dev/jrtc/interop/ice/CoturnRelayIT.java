package dev.jrtc.interop.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.turn.RelayProtocol;
import dev.jrtc.ice.turn.TurnDataConnection;
import dev.jrtc.ice.turn.TurnTransport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our TURN client against a real coturn on loopback, over UDP, TCP and TLS: allocate, permission,
 * Send indication, ChannelBind and ChannelData both ways, release; and the 401 on a wrong password.
 */
class CoturnRelayIT {
    private static Coturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start();
    }

    @AfterAll
    static void stopCoturn() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
    }

    private static InetSocketAddress serverFor(TurnTransport t) {
        return t == TurnTransport.TLS ? coturn.tlsAddress() : coturn.address();
    }

    @ParameterizedTest
    @EnumSource(TurnTransport.class)
    void relaysBothWaysWithIndicationsAndChannels(TurnTransport transport) throws Exception {
        try (TurnClientSocketDriver d = new TurnClientSocketDriver(transport, serverFor(transport), Coturn.USER, Coturn.PASSWORD);
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            peer.setSoTimeout(3000);
            d.client.start(System.nanoTime());
            assertTrue(d.runUntil(() -> d.relayed != null || !d.log.isEmpty(), 5000), "no answer: " + coturn.log());
            assertEquals(List.of("allocated"), d.log, coturn.log());
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();

            // Send indication (after CreatePermission) to the peer.
            byte[] hello = "hello via send".getBytes(StandardCharsets.UTF_8);
            d.client.sendToPeer(System.nanoTime(), peerAddress, hello, 0, hello.length);
            d.runUntil(() -> d.client.hasPermission(peerAddress.getAddress()), 3000);
            DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
            peer.receive(got);
            assertArrayEquals(hello, java.util.Arrays.copyOf(got.getData(), got.getLength()));
            assertEquals(d.relayed.getPort(), got.getPort(), "the peer sees the relayed address");

            // The peer answers: a Data indication comes back.
            byte[] back = "back via data".getBytes(StandardCharsets.UTF_8);
            peer.send(new DatagramPacket(back, back.length, d.relayed));
            assertTrue(d.runUntil(() -> !d.fromPeers.isEmpty(), 3000));
            assertArrayEquals(back, d.fromPeers.get(0));

            // ChannelBind, then ChannelData both ways.
            d.client.bindChannel(System.nanoTime(), peerAddress);
            d.runUntil(() -> false, 500);
            byte[] viaChannel = "hello via channel".getBytes(StandardCharsets.UTF_8);
            d.client.sendToPeer(System.nanoTime(), peerAddress, viaChannel, 0, viaChannel.length);
            peer.receive(got);
            assertArrayEquals(viaChannel, java.util.Arrays.copyOf(got.getData(), got.getLength()));
            peer.send(new DatagramPacket(back, back.length, d.relayed));
            assertTrue(d.runUntil(() -> d.fromPeers.size() == 2, 3000));
            assertEquals(1, d.client.boundPeers().size());
        }
    }

    /**
     * coturn restarts under an allocation: the next request meets 438 Stale Nonce (retried with the
     * new nonce) and then an error saying the allocation is gone; the client allocates again, reports
     * the new relayed address, and relays through it.
     */
    @Test
    void clientReallocatesAfterCoturnRestarts() throws Exception {
        try (Coturn own = Coturn.start();
                TurnClientSocketDriver d = new TurnClientSocketDriver(TurnTransport.UDP, own.address(), Coturn.USER, Coturn.PASSWORD);
                DatagramSocket peer = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                DatagramSocket second = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0))) {
            peer.setSoTimeout(3000);
            second.setSoTimeout(3000);
            d.client.start(System.nanoTime());
            assertTrue(d.runUntil(() -> d.relayed != null, 5000), own.log());
            byte[] hello = "before restart".getBytes(StandardCharsets.UTF_8);
            InetSocketAddress peerAddress = (InetSocketAddress) peer.getLocalSocketAddress();
            d.client.sendToPeer(System.nanoTime(), peerAddress, hello, 0, hello.length);
            d.runUntil(() -> d.client.hasPermission(peerAddress.getAddress()), 3000);
            DatagramPacket got = new DatagramPacket(new byte[2048], 2048);
            peer.receive(got);

            own.restart();
            // A permission for a new peer IP is the next request coturn sees from us.
            InetSocketAddress secondAddress = (InetSocketAddress) second.getLocalSocketAddress();
            byte[] lost = "into the void".getBytes(StandardCharsets.UTF_8);
            d.client.sendToPeer(System.nanoTime(), secondAddress, lost, 0, lost.length);
            assertTrue(d.runUntil(() -> d.log.size() >= 2, 5000), d.log + own.log());
            assertEquals(List.of("allocated", "reallocated"), d.log, own.log());
            assertEquals(dev.jrtc.ice.turn.TurnClient.State.ALLOCATED, d.client.state());

            byte[] after = "after restart".getBytes(StandardCharsets.UTF_8);
            d.client.sendToPeer(System.nanoTime(), secondAddress, after, 0, after.length);
            d.runUntil(() -> d.client.hasPermission(secondAddress.getAddress()), 3000);
            second.receive(got);
            assertArrayEquals(after, java.util.Arrays.copyOf(got.getData(), got.getLength()));
            assertEquals(d.relayed.getPort(), got.getPort(), "the data came from the new relayed address");
        }
    }

    /**
     * RFC 6062 against coturn: a TCP allocation over the TCP (or TLS) control connection; Connect to a
     * TCP peer on loopback, then a second connection bound with ConnectionBind carries bytes both
     * ways; and the peer connecting to the relayed address arrives as a ConnectionAttempt.
     */
    @ParameterizedTest
    @EnumSource(value = TurnTransport.class, names = {"TCP", "TLS"})
    void tcpRelayConnectsToATcpPeerAndAcceptsOne(TurnTransport transport) throws Exception {
        try (TurnClientSocketDriver d = new TurnClientSocketDriver(transport, RelayProtocol.TCP, serverFor(transport),
                Coturn.USER, Coturn.PASSWORD);
                ServerSocket peerListener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            d.client.start(System.nanoTime());
            assertTrue(d.runUntil(() -> d.relayed != null || !d.log.isEmpty(), 5000), coturn.log());
            assertEquals(List.of("allocated"), d.log, coturn.log());

            // Client-initiated: Connect (after CreatePermission), then ConnectionBind on a data connection.
            InetSocketAddress peerAddress = (InetSocketAddress) peerListener.getLocalSocketAddress();
            d.client.connect(System.nanoTime(), peerAddress);
            assertTrue(d.runUntil(() -> !d.peerConnections.isEmpty() || d.log.size() > 1, 5000), d.log + coturn.log());
            assertEquals(peerAddress, d.peerConnections.get(0)[1]);
            peerListener.setSoTimeout(3000);
            try (Socket peer = peerListener.accept();
                    TurnDataConnectionSocket data = new TurnDataConnectionSocket(d.client,
                            (Long) d.peerConnections.get(0)[0], serverFor(transport))) {
                assertTrue(data.pumpUntil(() -> data.connection.state() == TurnDataConnection.State.BOUND, 3000),
                        data.failure + coturn.log());
                assertEquals(d.relayed.getAddress(), peer.getInetAddress(), "the peer sees the relay");
                byte[] hello = "hello over a TCP relay".getBytes(StandardCharsets.UTF_8);
                data.connection.send(hello, 0, hello.length);
                peer.setSoTimeout(3000);
                assertArrayEquals(hello, peer.getInputStream().readNBytes(hello.length));
                byte[] back = new byte[100_000]; // more than one segment and one read
                new java.util.Random(7).nextBytes(back);
                peer.getOutputStream().write(back);
                assertTrue(data.pumpUntil(() -> data.fromPeer.size() >= back.length, 5000), data.fromPeer.size() + " bytes");
                assertArrayEquals(back, data.fromPeer.toByteArray());
            }

            // Peer-initiated: the peer connects to the relayed address; coturn tells us with ConnectionAttempt.
            try (Socket incoming = new Socket()) {
                incoming.connect(d.relayed, 3000);
                assertTrue(d.runUntil(() -> d.peerConnections.size() == 2, 5000), coturn.log());
                assertEquals(incoming.getLocalPort(), ((InetSocketAddress) d.peerConnections.get(1)[1]).getPort());
                try (TurnDataConnectionSocket data = new TurnDataConnectionSocket(d.client,
                        (Long) d.peerConnections.get(1)[0], serverFor(transport))) {
                    assertTrue(data.pumpUntil(() -> data.connection.state() == TurnDataConnection.State.BOUND, 3000),
                            data.failure + coturn.log());
                    byte[] hi = "hi from the peer".getBytes(StandardCharsets.UTF_8);
                    incoming.getOutputStream().write(hi);
                    assertTrue(data.pumpUntil(() -> data.fromPeer.size() >= hi.length, 3000));
                    assertArrayEquals(hi, data.fromPeer.toByteArray());
                    byte[] answer = "answer".getBytes(StandardCharsets.UTF_8);
                    data.connection.send(answer, 0, answer.length);
                    incoming.setSoTimeout(3000);
                    assertArrayEquals(answer, incoming.getInputStream().readNBytes(answer.length));
                }
            }
        }
    }

    @Test
    void wrongPasswordIs401() throws Exception {
        try (TurnClientSocketDriver d = new TurnClientSocketDriver(TurnTransport.UDP, coturn.address(), Coturn.USER, "wrong")) {
            d.client.start(System.nanoTime());
            assertTrue(d.runUntil(() -> !d.log.isEmpty(), 5000));
            assertEquals(List.of("failed AUTH_FAILED 401"), d.log);
        }
    }
}
