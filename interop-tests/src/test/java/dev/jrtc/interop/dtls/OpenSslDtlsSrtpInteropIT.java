package dev.jrtc.interop.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.dtls.DtlsCertificate;
import dev.jrtc.dtls.DtlsCipherSuite;
import dev.jrtc.dtls.DtlsDropReason;
import dev.jrtc.dtls.DtlsStats;
import dev.jrtc.dtls.DtlsConfig;
import dev.jrtc.dtls.DtlsEvent;
import dev.jrtc.dtls.DtlsKeyType;
import dev.jrtc.dtls.DtlsRole;
import dev.jrtc.srtp.SrtpKeys;
import dev.jrtc.srtp.SrtpProfile;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSL 3 as the DTLS-SRTP key oracle (TESTRIG.md): our engine in each role against
 * {@code openssl s_server}/{@code s_client}, on 127.0.0.1 only; the handshake must complete with
 * SRTP_AES128_CM_HMAC_SHA1_80 and both sides must print/export the same 60 bytes. Then lines of
 * application data cross both ways, through jrtc's own AES-GCM record layer.
 */
@Timeout(120)
class OpenSslDtlsSrtpInteropIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    @Test
    void jrtcClientAgainstOpenSslServerExportsTheKeysOpenSslPrints() throws Exception {
        OpenSsl.Identity peer = OpenSsl.newIdentity(dir, "openssl-server");
        DtlsCertificate ours = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, RANDOM, System.currentTimeMillis());
        int port = freeUdpPort();
        try (OpenSslProcess server = new OpenSslProcess(OpenSsl.serverCommand(port, peer), dir.resolve("s_server.log"));
                UdpEngineDriver client = new UdpEngineDriver(
                        DtlsConfig.of(DtlsRole.CLIENT, ours, List.of(peer.fingerprint())), RANDOM)) {
            assertTrue(server.awaitOutput("ACCEPT", 10_000), server.output());
            client.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            boolean connected = client.runUntil(e -> e.stream().anyMatch(x -> x instanceof DtlsEvent.Connected
                    || x instanceof DtlsEvent.Closed), Duration.ofSeconds(20));
            assertTrue(connected && client.events.stream().anyMatch(x -> x instanceof DtlsEvent.Connected),
                    () -> "events " + client.events + "\nopenssl:\n" + server.output());
            assertTrue(server.awaitOutput("Keying material:", 10_000), server.output());

            assertSameKeys(client.only(DtlsEvent.SrtpKeysExported.class), OpenSsl.keyingMaterial(server.output()),
                    DtlsRole.CLIENT);
            assertArrayEquals(OpenSsl.derOf(peer.cert()), client.only(DtlsEvent.PeerCertificate.class).chain().get(0));
            exchangeApplicationData(client, server);
            System.out.println("openssl s_server said:\n" + server.output());
        }
    }

    @Test
    void openSslClientAgainstJrtcServerExportsTheKeysOpenSslPrints() throws Exception {
        OpenSsl.Identity peer = OpenSsl.newIdentity(dir, "openssl-client");
        DtlsCertificate ours = DtlsCertificate.generate(DtlsKeyType.ECDSA_P256, RANDOM, System.currentTimeMillis());
        try (UdpEngineDriver server = new UdpEngineDriver(
                DtlsConfig.of(DtlsRole.SERVER, ours, List.of(peer.fingerprint())), RANDOM)) {
            // The server learns the client's address from its first datagram; start with a placeholder path.
            server.engine.start(System.nanoTime(), server.local(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 9));
            try (OpenSslProcess client = new OpenSslProcess(OpenSsl.clientCommand(server.port(), peer),
                    dir.resolve("s_client.log"))) {
                boolean ended = server.runUntil(e -> e.stream().anyMatch(x -> x instanceof DtlsEvent.Connected
                        || x instanceof DtlsEvent.Closed), Duration.ofSeconds(20));
                assertTrue(ended && server.events.stream().anyMatch(x -> x instanceof DtlsEvent.Connected),
                        () -> "events " + server.events + "\nopenssl:\n" + client.output());
                assertTrue(client.awaitOutput("Keying material:", 10_000), client.output());

                assertSameKeys(server.only(DtlsEvent.SrtpKeysExported.class), OpenSsl.keyingMaterial(client.output()),
                        DtlsRole.SERVER);
                assertTrue(client.output().contains("SRTP Extension negotiated, profile=SRTP_AES128_CM_SHA1_80"),
                        client.output());
                assertTrue(client.output().contains("Extended master secret: yes"), client.output());
                exchangeApplicationData(server, client);
                System.out.println("openssl s_client said:\n" + client.output());
            }
        }
    }

    /**
     * Application data both ways after the handshake: jrtc protects and checks these records with
     * its own AES-GCM record layer, so OpenSSL must accept what it writes and the reverse.
     */
    private static void exchangeApplicationData(UdpEngineDriver jrtc, OpenSslProcess openssl) throws Exception {
        DtlsCipherSuite suite = jrtc.only(DtlsEvent.Connected.class).cipherSuite();
        assertTrue(suite.name().contains("_GCM_"), "an AES-GCM suite, so jrtc's record layer is in use: " + suite);
        for (int i = 0; i < 3; i++) {
            String toOpenSsl = "from-jrtc-" + i + "-" + Long.toHexString(RANDOM.nextLong());
            byte[] bytes = (toOpenSsl + "\n").getBytes(StandardCharsets.US_ASCII);
            assertTrue(jrtc.engine.sendApplicationData(System.nanoTime(), bytes, 0, bytes.length));
            jrtc.runUntil(e -> false, Duration.ofMillis(20)); // sends it
            assertTrue(openssl.awaitOutput(toOpenSsl, 10_000), openssl.output());

            String toJrtc = "from-openssl-" + i + "-" + Long.toHexString(RANDOM.nextLong());
            openssl.type(toJrtc);
            assertTrue(jrtc.runUntil(e -> received(e).contains(toJrtc), Duration.ofSeconds(10)),
                    () -> "jrtc got: " + received(jrtc.events) + "\nopenssl:\n" + openssl.output());
        }
        DtlsStats stats = jrtc.engine.stats();
        for (DtlsDropReason r : List.of(DtlsDropReason.RECORD_AUTHENTICATION_FAILED, DtlsDropReason.REPLAYED_RECORD,
                DtlsDropReason.WRONG_EPOCH)) {
            assertEquals(0, stats.dropped(r), () -> "no record rejected: " + stats);
        }
    }

    private static String received(List<DtlsEvent> events) {
        StringBuilder all = new StringBuilder();
        for (DtlsEvent e : events) {
            if (e instanceof DtlsEvent.ApplicationData a) {
                all.append(new String(a.data(), StandardCharsets.US_ASCII));
            }
        }
        return all.toString();
    }

    private static void assertSameKeys(DtlsEvent.SrtpKeysExported ours, byte[] openssl, DtlsRole ourRole) {
        assertNotNull(openssl, "openssl printed no keying material");
        assertEquals(ourRole, ours.localRole());
        assertEquals(SrtpProfile.AES_CM_128_HMAC_SHA1_80, ours.profile());
        assertArrayEquals(openssl, ours.exportedKeyingMaterial(), "exported keys differ from OpenSSL's");
        // The keys handed to SRTP are OpenSSL's bytes split for our role.
        SrtpKeys expected = SrtpKeys.fromDtlsExport(openssl, SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                ourRole == DtlsRole.CLIENT);
        assertArrayEquals(expected.localMasterKey(), ours.keys().localMasterKey(), "local master key");
        assertArrayEquals(expected.localMasterSalt(), ours.keys().localMasterSalt(), "local master salt");
        assertArrayEquals(expected.remoteMasterKey(), ours.keys().remoteMasterKey(), "remote master key");
        assertArrayEquals(expected.remoteMasterSalt(), ours.keys().remoteMasterSalt(), "remote master salt");
    }

    static int freeUdpPort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
