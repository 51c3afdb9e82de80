package dev.jrtc.srtp;

import static dev.jrtc.srtp.TestPackets.withTail;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What one side protects the other side recovers, across rollovers, at offsets, for every profile. */
class SrtpRoundTripTest {

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tenThousandPacketsAcrossARolloverRoundTrip(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        SrtpReceiver r = TestPackets.receiver(p);
        int ssrc = 0x0badcafe;
        for (int i = 0; i < 10_000; i++) {
            int seq = (65535 - 5000 + i) & 0xffff;
            int payload = (i * 37) % 1201;
            boolean ext = i % 3 == 0;
            int csrcs = i % 4;
            byte[] plain = TestPackets.rtp(seq, ssrc, payload, csrcs, ext, i);
            int len = TestPackets.rtpLength(payload, csrcs, ext);
            byte[] buf = new byte[len + 40];
            System.arraycopy(plain, 0, buf, 5, len); // at an offset, with more tail room than needed
            int n = s.protectRtp(buf, 5, len);
            assertEquals(len + p.rtpOverhead(), n);
            if (payload > 0) {
                assertFalse(Arrays.equals(Arrays.copyOf(plain, len), Arrays.copyOfRange(buf, 5, 5 + len)), "encrypted");
            }
            int m = r.unprotectRtp(buf, 5, n);
            assertEquals(len, m);
            assertArrayEquals(Arrays.copyOf(plain, len), Arrays.copyOfRange(buf, 5, 5 + len));
        }
        assertEquals(1, r.stream(ssrc).rtpIndex.roc());
        assertEquals(10_000, r.stats().rtpPacketsDelivered());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripsAndIsEncrypted(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        SrtpReceiver r = TestPackets.receiver(p);
        for (int i = 0; i < 50; i++) {
            byte[] plain = TestPackets.rtcp(77, i);
            byte[] buf = plain.clone();
            int n = s.protectRtcp(buf, 0, TestPackets.RTCP_LENGTH);
            assertEquals(TestPackets.RTCP_LENGTH + p.rtcpOverhead(), n);
            assertFalse(Arrays.equals(Arrays.copyOfRange(plain, 8, 32), Arrays.copyOfRange(buf, 8, 32)));
            assertEquals(TestPackets.RTCP_LENGTH, r.unprotectRtcp(buf, 0, n));
            assertArrayEquals(Arrays.copyOf(plain, 32), Arrays.copyOf(buf, 32));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32"})
    void unencryptedSrtcpWithTheEFlagClearIsAuthenticatedAndDelivered(SrtpProfile p) {
        // Build an E=0 packet by hand: RTCP, then index without the E bit, then the HMAC tag.
        byte[] key = TestPackets.masterKey(p, 1);
        byte[] salt = TestPackets.masterSalt(p, 2);
        SrtpKeyDerivation.SessionKeys keys = SrtpKeyDerivation.sessionKeys(p, key, salt, true);
        HmacSha1 mac = new HmacSha1(keys.authKey());
        byte[] buf = TestPackets.rtcp(77, 1);
        byte[] plain = Arrays.copyOf(buf, 32);
        SrtpTransform.putInt(buf, 32, 5); // E = 0, index 5
        mac.update(buf, 0, 36);
        byte[] tag = new byte[20];
        mac.doFinal(tag, 0);
        System.arraycopy(tag, 0, buf, 36, 10);
        SrtpReceiver r = new SrtpReceiver(p, key, salt, SrtpConfig.DEFAULT);
        assertEquals(32, r.unprotectRtcp(buf, 0, 46));
        assertArrayEquals(plain, Arrays.copyOf(buf, 32));
    }

    @Test
    void aSessionFromDtlsKeyingMaterialTalksToItsPeer() {
        for (SrtpProfile p : SrtpProfile.values()) {
            byte[] material = new byte[p.keyingMaterialLength()];
            for (int i = 0; i < material.length; i++) {
                material[i] = (byte) (i * 13 + 1);
            }
            SrtpKeys clientKeys = SrtpKeys.fromDtlsExport(material, p, true);
            SrtpKeys serverKeys = SrtpKeys.fromDtlsExport(material, p, false);
            int k = p.masterKeyLength();
            int st = p.masterSaltLength();
            assertArrayEquals(Arrays.copyOfRange(material, 0, k), clientKeys.localMasterKey());
            assertArrayEquals(Arrays.copyOfRange(material, k, 2 * k), clientKeys.remoteMasterKey());
            assertArrayEquals(Arrays.copyOfRange(material, 2 * k, 2 * k + st), clientKeys.localMasterSalt());
            assertArrayEquals(Arrays.copyOfRange(material, 2 * k + st, 2 * k + 2 * st), clientKeys.remoteMasterSalt());
            assertArrayEquals(clientKeys.localMasterKey(), serverKeys.remoteMasterKey());
            assertArrayEquals(clientKeys.remoteMasterSalt(), serverKeys.localMasterSalt());

            SrtpSession client = SrtpSession.create(clientKeys, SrtpConfig.DEFAULT);
            SrtpSession server = SrtpSession.create(serverKeys, SrtpConfig.DEFAULT);
            byte[] toServer = TestPackets.rtp(1, 1, 100, 0, false, 1);
            int n = client.protectRtp(toServer, 0, 112);
            byte[] copy = toServer.clone();
            assertEquals(112, server.unprotectRtp(toServer, 0, n), p + " client to server");
            assertTrue(client.unprotectRtp(copy, 0, n) < 0, p + ": a side must not accept its own packets");

            byte[] toClient = TestPackets.rtcp(2, 2);
            int m = server.protectRtcp(toClient, 0, 32);
            assertEquals(32, client.unprotectRtcp(toClient, 0, m), p + " server to client");
        }
    }
}
