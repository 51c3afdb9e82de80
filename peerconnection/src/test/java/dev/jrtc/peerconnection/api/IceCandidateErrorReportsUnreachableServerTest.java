package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceServer;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A STUN server that never answers (a bound loopback socket that reads nothing) makes
 * {@code onicecandidateerror} fire with the W3C code 701 and the server's URL, while the
 * connection itself still works from host candidates.
 */
class IceCandidateErrorReportsUnreachableServerTest {

    @Test
    void silentStunServerGives701() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            String url = "stun:127.0.0.1:" + silent.getLocalPort();
            IceConfig ice = IceConfig.builder().allowLoopbackRemote(true).server(IceServer.stun(url))
                    .serverRto(Duration.ofMillis(50)).serverMaxSends(2).build();
            RTCPeerConnection a = new RTCPeerConnection(new RTCConfiguration(
                    List.of(new InetSocketAddress("127.0.0.1", 0)), ice, null));
            RTCPeerConnection b = new RTCPeerConnection(RTCConfiguration.loopback());
            CompletableFuture<RTCPeerConnectionIceErrorEvent> error = new CompletableFuture<>();
            a.onicecandidateerror(error::complete);
            try {
                a.addTransceiver(MediaKind.AUDIO, new RTCRtpTransceiverInit(Direction.SENDRECV));
                Signalling.connect(a, b);
                RTCPeerConnectionIceErrorEvent e = error.get(10, TimeUnit.SECONDS);
                assertEquals(701, e.errorCode());
                assertTrue(e.url().contains("127.0.0.1:" + silent.getLocalPort()), e.url());
                assertTrue(!e.errorText().isEmpty());
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
