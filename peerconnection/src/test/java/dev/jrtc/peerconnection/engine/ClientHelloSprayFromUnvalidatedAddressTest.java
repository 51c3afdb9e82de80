package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.dtls.DtlsStats;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.peerconnection.Clips;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 (DTLS): while two engines connect, an off-path attacker sprays the DTLS server with
 * 1,000 real-looking ClientHellos (a ClientHello captured from another session of the same harness,
 * replayed with a fresh record sequence number, client random, and DTLS 1.0/1.2 version) from
 * addresses ICE never validated, some of them sharing the real client's IP or port. None may
 * reach the DTLS engine: the source gate drops and counts each one exactly once, the DTLS engine
 * sees only the real peer's datagrams, and the real handshake completes and carries media.
 */
class ClientHelloSprayFromUnvalidatedAddressTest {
    private static final int SPRAY = 1_000;
    private static final int PER_MILLISECOND = 40;
    private static final int RECORD_HEADER = 13;

    @Test
    void clientHellosFromUnvalidatedAddressesNeverReachDtlsAndTheCallStillConnects() throws Exception {
        byte[] realHello = captureClientHello();
        List<byte[]> clip = Clips.vp8Frames();
        try (EnginePair peers = EnginePair.withLatency(2026, Duration.ofMillis(10))) {
            Transceiver sender = peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.negotiate();
            EnginePair.Side server = dtlsServer(peers);
            EnginePair.Side client = server.other();

            AtomicLong honestDtlsToServer = new AtomicLong();
            AtomicLong honestClientHellos = new AtomicLong();
            peers.tap(t -> {
                if (t.destination().equals(server.address) && isDtls(t.data(), t.offset(), t.length())) {
                    assertEquals(client.address, t.source());
                    honestDtlsToServer.incrementAndGet();
                    if (isClientHello(t.data(), t.offset(), t.length())) {
                        honestClientHellos.incrementAndGet();
                    }
                }
            });

            RandomSource random = RandomSource.seeded(66);
            long gateBefore = server.engine.stats().sourceGateDropped();
            int sent = 0;
            int beforeIceConnected = 0;
            int duringDtlsHandshake = 0;
            while (sent < SPRAY) {
                IceConnectionState ice = server.engine.iceConnectionState();
                boolean iceUp = ice == IceConnectionState.CONNECTED || ice == IceConnectionState.COMPLETED;
                boolean connected = server.engine.connectionState() == ConnectionState.CONNECTED;
                for (int i = 0; i < PER_MILLISECOND && sent < SPRAY; i++, sent++) {
                    peers.inject(server, attackerAddress(sent, client.address), mutate(realHello, sent, random));
                    if (!iceUp) {
                        beforeIceConnected++;
                    } else if (!connected) {
                        duringDtlsHandshake++;
                    }
                }
                if (!connected) {
                    peers.runFor(Duration.ofMillis(1));
                }
            }
            assertEquals(gateBefore + SPRAY, server.engine.stats().sourceGateDropped(),
                    "each sprayed ClientHello is dropped and counted once: " + server.engine.stats());

            peers.runUntil(() -> peers.a.engine.connectionState() == ConnectionState.CONNECTED
                    && peers.b.engine.connectionState() == ConnectionState.CONNECTED, Duration.ofSeconds(20));
            System.out.println("sprayed " + SPRAY + " ClientHellos: " + beforeIceConnected + " before ICE connected, "
                    + duringDtlsHandshake + " during the DTLS handshake; server DTLS saw " + honestDtlsToServer.get()
                    + " honest datagrams (" + honestClientHellos.get() + " ClientHellos)");
            assertEquals(SPRAY, beforeIceConnected + duringDtlsHandshake, "the whole spray must land while connecting");
            assertTrue(beforeIceConnected > 0 && duringDtlsHandshake > 0,
                    "the spray must cover both ICE checks and the DTLS handshake");

            EngineStats stats = server.engine.stats();
            assertEquals(gateBefore + SPRAY, stats.sourceGateDropped(), stats.toString());
            DtlsStats dtls = server.engine.dtlsStats().orElseThrow();
            assertEquals(honestDtlsToServer.get(), dtls.datagramsReceived(),
                    "the DTLS engine saw more than the real client sent: " + dtls);
            assertTrue(honestClientHellos.get() >= 1, "the real client's ClientHello never arrived");
            assertEquals(0, stats.dtlsDropped(), "DTLS drops: " + dtls);
            assertTrue(server.engine.srtpProfile().isPresent());
            assertEquals(server.engine.srtpProfile(), client.engine.srtpProfile());

            // Media still flows a -> b, frame for frame.
            String mid = sender.mid().orElseThrow();
            long ts = 1000;
            for (byte[] frame : clip) {
                assertTrue(peers.a.engine.sendFrame(peers.clock.nanoTime(), mid, frame, ts));
                peers.drain();
                ts += 3000;
                peers.runFor(Duration.ofMillis(33));
            }
            peers.runUntil(() -> peers.b.events(EngineEvent.FrameReceived.class).size() >= clip.size(),
                    Duration.ofSeconds(5));
            List<EncodedFrame> got = peers.b.events(EngineEvent.FrameReceived.class).stream()
                    .map(EngineEvent.FrameReceived::frame).toList();
            assertEquals(clip.size(), got.size());
            for (int i = 0; i < clip.size(); i++) {
                assertArrayEquals(clip.get(i), got.get(i).data(), "frame " + i);
            }
            assertEquals(0, peers.b.engine.stats().srtpDropped());
            assertEquals(gateBefore + SPRAY, server.engine.stats().sourceGateDropped());
            assertEquals(0, client.engine.stats().sourceGateDropped());
        }
    }

    /** The side whose DTLS role is server: the offerer unless the answer says {@code a=setup:passive}. */
    private static EnginePair.Side dtlsServer(EnginePair peers) {
        String answer = peers.b.engine.localDescription().orElseThrow().toSdpString();
        return answer.contains("a=setup:passive") ? peers.b : peers.a;
    }

    /** Runs another pair of engines until the DTLS client sends its first ClientHello, and returns it. */
    private static byte[] captureClientHello() throws Exception {
        AtomicReference<byte[]> hello = new AtomicReference<>();
        try (EnginePair peers = EnginePair.withLatency(1, Duration.ofMillis(5))) {
            peers.a.engine.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            peers.negotiate();
            EnginePair.Side server = dtlsServer(peers);
            peers.tap(t -> {
                if (hello.get() == null && t.destination().equals(server.address)
                        && isClientHello(t.data(), t.offset(), t.length())) {
                    hello.set(Arrays.copyOfRange(t.data(), t.offset(), t.offset() + t.length()));
                }
            });
            peers.runUntil(() -> hello.get() != null, Duration.ofSeconds(20));
        }
        byte[] h = hello.get();
        assertNotNull(h);
        assertEquals(22, h[0]);
        assertEquals((byte) 0xFE, h[1]);
        assertEquals(1, h[RECORD_HEADER]);
        return h;
    }

    /**
     * The captured ClientHello with this copy's record sequence number, a fresh client random, and
     * the record and client versions alternating between DTLS 1.0 (0xfeff) and 1.2 (0xfefd).
     */
    private static byte[] mutate(byte[] hello, int n, RandomSource random) {
        byte[] h = hello.clone();
        byte minor = (byte) (n % 2 == 0 ? 0xFD : 0xFF);
        h[2] = minor;
        for (int i = 0; i < 6; i++) {
            h[5 + i] = (byte) ((long) n >>> (8 * (5 - i)));
        }
        int body = RECORD_HEADER + 12; // DTLS handshake header: type, length, message_seq, fragment
        h[body] = (byte) 0xFE;
        h[body + 1] = minor;
        byte[] clientRandom = new byte[32];
        random.nextBytes(clientRandom);
        System.arraycopy(clientRandom, 0, h, body + 2, 32);
        return h;
    }

    /**
     * Never a validated address: mostly strangers, but every tenth shares the real client's IP on
     * another port and every tenth (offset by five) its port on another IP.
     */
    private static InetSocketAddress attackerAddress(int n, InetSocketAddress client) {
        if (n % 10 == 3) {
            return new InetSocketAddress(client.getAddress(), client.getPort() + 1 + n % 7);
        }
        if (n % 10 == 8) {
            return new InetSocketAddress("10.0.0." + (100 + n % 50), client.getPort());
        }
        return new InetSocketAddress("203.0.113." + (1 + n % 200), 1024 + n);
    }

    private static boolean isDtls(byte[] b, int off, int len) {
        return len > 0 && (b[off] & 0xFF) >= 20 && (b[off] & 0xFF) <= 63;
    }

    private static boolean isClientHello(byte[] b, int off, int len) {
        return len > RECORD_HEADER && b[off] == 22 && b[off + 3] == 0 && b[off + 4] == 0 && b[off + RECORD_HEADER] == 1;
    }
}
