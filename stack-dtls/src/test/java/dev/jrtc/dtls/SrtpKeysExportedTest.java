package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jrtc.srtp.SrtpKeys;
import dev.jrtc.srtp.SrtpProfile;
import java.util.Arrays;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.junit.jupiter.api.Test;

/**
 * The key event and what stack-dtls assumes of stack-srtp's {@link SrtpProfile}: the splitting
 * itself is {@link SrtpKeys#fromDtlsExport}'s, tested in stack-srtp.
 */
class SrtpKeysExportedTest {
    private static final SrtpProfile CM80 = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    @Test
    void profileIdsGoOnTheWireAsTheRfcsAndBouncyCastleNumberThem() {
        // SrtpNegotiation hands dtlsProfileId() to BC's UseSRTPData unmapped.
        assertEquals(0x0001, SrtpProfile.AES_CM_128_HMAC_SHA1_80.dtlsProfileId());
        assertEquals(0x0002, SrtpProfile.AES_CM_128_HMAC_SHA1_32.dtlsProfileId());
        assertEquals(0x0007, SrtpProfile.AEAD_AES_128_GCM.dtlsProfileId());
        assertEquals(0x0008, SrtpProfile.AEAD_AES_256_GCM.dtlsProfileId());
        assertEquals(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, SrtpProfile.AES_CM_128_HMAC_SHA1_80.dtlsProfileId());
        assertEquals(SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32, SrtpProfile.AES_CM_128_HMAC_SHA1_32.dtlsProfileId());
        assertEquals(SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_128_GCM.dtlsProfileId());
        assertEquals(SRTPProtectionProfile.SRTP_AEAD_AES_256_GCM, SrtpProfile.AEAD_AES_256_GCM.dtlsProfileId());
        // HandshakeRecorder exports this many bytes.
        assertEquals(60, SrtpProfile.AES_CM_128_HMAC_SHA1_80.keyingMaterialLength());
        assertEquals(60, SrtpProfile.AES_CM_128_HMAC_SHA1_32.keyingMaterialLength());
        assertEquals(56, SrtpProfile.AEAD_AES_128_GCM.keyingMaterialLength());
        assertEquals(88, SrtpProfile.AEAD_AES_256_GCM.keyingMaterialLength());
    }

    @Test
    void eachRoleSendsWithItsOwnHalfAndTheTwoMirror() {
        byte[] m = range(0, 60);
        DtlsEvent.SrtpKeysExported client = new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, CM80, m);
        DtlsEvent.SrtpKeysExported server = new DtlsEvent.SrtpKeysExported(DtlsRole.SERVER, CM80, m);
        assertEquals(CM80, client.profile());
        assertArrayEquals(range(0, 16), client.keys().localMasterKey());
        assertArrayEquals(range(16, 32), client.keys().remoteMasterKey());
        assertArrayEquals(range(32, 46), client.keys().localMasterSalt());
        assertArrayEquals(range(46, 60), client.keys().remoteMasterSalt());
        SrtpKeysAssertions.assertSameAssociation(client, server);
    }

    @Test
    void theMaterialIsCopiedInAndOut() {
        byte[] m = range(0, 60);
        DtlsEvent.SrtpKeysExported event = new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, CM80, m);
        m[0] = 99;
        event.exportedKeyingMaterial()[1] = 99;
        assertArrayEquals(range(0, 60), event.exportedKeyingMaterial());
    }

    @Test
    void wrongLengthOrKeysThatAreNotTheSplitAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, SrtpProfile.AEAD_AES_128_GCM, new byte[60]));
        byte[] m = range(0, 60);
        SrtpKeys serverHalf = SrtpKeys.fromDtlsExport(m, CM80, false);
        assertThrows(IllegalArgumentException.class, () -> new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, serverHalf, m));
        assertThrows(IllegalArgumentException.class,
                () -> new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, SrtpKeys.fromDtlsExport(range(1, 61), CM80, true), m));
    }

    @Test
    void equalForTheSameRoleProfileAndMaterial() {
        byte[] m = range(0, 60);
        DtlsEvent.SrtpKeysExported a = new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, CM80, m);
        assertEquals(a, new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, CM80, m.clone()));
        assertEquals(a.hashCode(), new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, CM80, m.clone()).hashCode());
        assertNotEquals(a, new DtlsEvent.SrtpKeysExported(DtlsRole.SERVER, CM80, m));
        assertNotEquals(a, new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, SrtpProfile.AES_CM_128_HMAC_SHA1_32, m));
        assertNotEquals(a, new DtlsEvent.SrtpKeysExported(DtlsRole.CLIENT, CM80, range(1, 61)));
    }

    @Test
    void toStringNeverShowsKeyBytes() {
        byte[] m = new byte[60];
        Arrays.fill(m, (byte) 0xAB);
        String s = new DtlsEvent.SrtpKeysExported(DtlsRole.SERVER, CM80, m).toString();
        assertEquals("SrtpKeysExported[localRole=SERVER, profile=AES_CM_128_HMAC_SHA1_80, 60 bytes]", s);
        assertFalse(s.toLowerCase().contains("ab"), s);
    }

    private static byte[] range(int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }
}
