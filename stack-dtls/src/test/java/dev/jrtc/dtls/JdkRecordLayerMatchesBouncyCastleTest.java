package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jrtc's AES-GCM record layer ({@link GcmRecordLayer}) against Bouncy Castle's own: one engine
 * protects application data with it, the other leaves every record to BC. Records each writes
 * must be accepted by the other, and for the same sequence number the bytes must be identical.
 */
@Timeout(60)
class JdkRecordLayerMatchesBouncyCastleTest {

    private static final DtlsCipherSuite[] GCM = {DtlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        DtlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384};

    @ParameterizedTest
    @EnumSource(value = DtlsCipherSuite.class, names = {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"})
    void recordsCrossBetweenTheTwoLayersBothWaysAndAreByteIdentical(DtlsCipherSuite suite) throws Exception {
        for (DtlsRole jdkSide : DtlsRole.values()) {
            try (EnginePump pump = pump(suite, jdkSide)) {
                assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
                EnginePump.Side jdk = jdkSide == DtlsRole.CLIENT ? pump.client : pump.server;
                EnginePump.Side bc = jdkSide == DtlsRole.CLIENT ? pump.server : pump.client;
                assertNotNull(jdk.engine.recordLayer(), "the JDK layer took over");
                assertNull(bc.engine.recordLayer(), "the other side stays on BC");

                Random random = new Random(suite.ordinal() * 31L + jdkSide.ordinal());
                for (int i = 0; i < 20; i++) {
                    byte[] toBc = payload(random, i == 0 ? 1 : 1 + random.nextInt(jdk.engine.maxApplicationDataLength()));
                    byte[] toJdk = payload(random, i == 1 ? bc.engine.maxApplicationDataLength() : 1 + random.nextInt(bc.engine.maxApplicationDataLength()));
                    int bcSentBefore = bc.sent.size();
                    assertTrue(jdk.engine.sendApplicationData(EnginePump.now(), toBc, 0, toBc.length));
                    assertTrue(bc.engine.sendApplicationData(EnginePump.now(), toJdk, 0, toJdk.length));
                    int want = i + 1;
                    assertTrue(pump.runUntil(() -> bc.events(DtlsEvent.ApplicationData.class).size() == want
                            && jdk.events(DtlsEvent.ApplicationData.class).size() == want, Duration.ofSeconds(5)));
                    assertArrayEquals(toBc, bc.events(DtlsEvent.ApplicationData.class).get(i).data());
                    assertArrayEquals(toJdk, jdk.events(DtlsEvent.ApplicationData.class).get(i).data());

                    // BC's record, re-made by our layer with the same keys and sequence number.
                    byte[] bcRecord = bc.sent.get(bcSentBefore);
                    long seq = GcmRecordLayer.u48(bcRecord, 5);
                    GcmRecordLayer asBc = new GcmRecordLayer(jdk.engine.recordLayer().keys(), bc.engine.role(), 1, seq,
                            -1, new DtlsCounters());
                    assertArrayEquals(bcRecord, asBc.protect(23, toJdk, 0, toJdk.length), "record " + i);
                }
                DtlsStats stats = jdk.engine.stats();
                assertTrue(stats.drops().isEmpty(), stats.toString());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void closeNotifyCrossesBothWays(DtlsRole closer) throws Exception {
        try (EnginePump pump = pump(GCM[0], DtlsRole.CLIENT)) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            EnginePump.Side closing = closer == DtlsRole.CLIENT ? pump.client : pump.server;
            EnginePump.Side other = closing.peer;
            closing.engine.close(EnginePump.now());
            assertTrue(pump.runUntil(() -> closing.closed() && other.closed(), Duration.ofSeconds(5)));
            assertEquals(new DtlsCloseReason.LocalClose(), closing.only(DtlsEvent.Closed.class).reason());
            assertEquals(new DtlsCloseReason.PeerClosed(), other.only(DtlsEvent.Closed.class).reason());
        }
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void replayedAndTamperedRecordsAreDroppedAndCounted(DtlsRole jdkSide) throws Exception {
        try (EnginePump pump = pump(GCM[0], jdkSide)) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            EnginePump.Side jdk = jdkSide == DtlsRole.CLIENT ? pump.client : pump.server;
            EnginePump.Side bc = jdk.peer;
            byte[] data = "sctp".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            int before = bc.sent.size();
            assertTrue(bc.engine.sendApplicationData(EnginePump.now(), data, 0, data.length));
            assertTrue(pump.runUntil(() -> jdk.events(DtlsEvent.ApplicationData.class).size() == 1, Duration.ofSeconds(5)));
            byte[] record = bc.sent.get(before);

            jdk.engine.handleReceive(EnginePump.now(), bc.address, jdk.address, record, 0, record.length);
            byte[] tampered = record.clone();
            tampered[tampered.length - 1] ^= 1;
            tampered[10] += 1; // a fresh sequence number, so the tag check is what rejects it
            jdk.engine.handleReceive(EnginePump.now(), bc.address, jdk.address, tampered, 0, tampered.length);
            byte[] otherEpoch = record.clone();
            otherEpoch[4] = 2;
            jdk.engine.handleReceive(EnginePump.now(), bc.address, jdk.address, otherEpoch, 0, otherEpoch.length);
            pump.drain(jdk);

            assertEquals(1, jdk.events(DtlsEvent.ApplicationData.class).size(), "nothing more was delivered");
            assertEquals(DtlsState.CONNECTED, jdk.engine.state());
            DtlsStats stats = jdk.engine.stats();
            assertEquals(1L, stats.dropped(DtlsDropReason.REPLAYED_RECORD));
            assertEquals(1L, stats.dropped(DtlsDropReason.RECORD_AUTHENTICATION_FAILED));
            assertEquals(1L, stats.dropped(DtlsDropReason.WRONG_EPOCH));

            // The connection still works after the bad records.
            assertTrue(bc.engine.sendApplicationData(EnginePump.now(), data, 0, data.length));
            assertTrue(pump.runUntil(() -> jdk.events(DtlsEvent.ApplicationData.class).size() == 2, Duration.ofSeconds(5)));
        }
    }

    @org.junit.jupiter.api.Test
    void chaCha20StaysOnBouncyCastlesRecordLayer() throws Exception {
        try (EnginePump pump = pump(DtlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, DtlsRole.CLIENT)) {
            assertTrue(pump.start().handshake(Duration.ofSeconds(20)));
            assertNull(pump.client.engine.recordLayer());
            byte[] data = {1, 2, 3};
            assertTrue(pump.client.engine.sendApplicationData(EnginePump.now(), data, 0, data.length));
            assertTrue(pump.runUntil(() -> pump.server.events(DtlsEvent.ApplicationData.class).size() == 1,
                    Duration.ofSeconds(5)));
            assertArrayEquals(data, pump.server.only(DtlsEvent.ApplicationData.class).data());
        }
    }

    private static EnginePump pump(DtlsCipherSuite suite, DtlsRole jdkSide) {
        List<DtlsCipherSuite> only = List.of(suite);
        return new EnginePump(TestCertificates.defaultClient().withCipherSuites(only),
                TestCertificates.defaultServer().withCipherSuites(only),
                jdkSide == DtlsRole.CLIENT ? RecordLayer.JDK_AES_GCM : RecordLayer.BOUNCY_CASTLE,
                jdkSide == DtlsRole.SERVER ? RecordLayer.JDK_AES_GCM : RecordLayer.BOUNCY_CASTLE);
    }

    private static byte[] payload(Random random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }
}
