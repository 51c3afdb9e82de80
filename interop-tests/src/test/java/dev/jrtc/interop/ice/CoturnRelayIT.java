package dev.jrtc.interop.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.turn.TurnTransport;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

    @Test
    void wrongPasswordIs401() throws Exception {
        try (TurnClientSocketDriver d = new TurnClientSocketDriver(TurnTransport.UDP, coturn.address(), Coturn.USER, "wrong")) {
            d.client.start(System.nanoTime());
            assertTrue(d.runUntil(() -> !d.log.isEmpty(), 5000));
            assertEquals(List.of("failed AUTH_FAILED 401"), d.log);
        }
    }
}
