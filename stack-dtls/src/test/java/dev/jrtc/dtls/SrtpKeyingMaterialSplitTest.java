package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SrtpKeyingMaterialSplitTest {
    @Test
    void aes128CmMaterialIsCutIntoKeysAndSaltsPerRfc5764() {
        byte[] m = new byte[60];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) i;
        }
        SrtpKeyingMaterial k = new SrtpKeyingMaterial(SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80, m);
        assertArrayEquals(range(0, 16), k.clientWriteKey().key());
        assertArrayEquals(range(16, 32), k.serverWriteKey().key());
        assertArrayEquals(range(32, 46), k.clientWriteKey().salt());
        assertArrayEquals(range(46, 60), k.serverWriteKey().salt());
    }

    @Test
    void profileIdsAndLengthsMatchTheRfcs() {
        assertEquals(0x0001, SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80.id());
        assertEquals(0x0002, SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32.id());
        assertEquals(0x0007, SrtpProtectionProfile.SRTP_AEAD_AES_128_GCM.id());
        assertEquals(0x0008, SrtpProtectionProfile.SRTP_AEAD_AES_256_GCM.id());
        assertEquals(60, SrtpProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_32.keyingMaterialLength());
        assertEquals(56, SrtpProtectionProfile.SRTP_AEAD_AES_128_GCM.keyingMaterialLength());
        assertEquals(88, SrtpProtectionProfile.SRTP_AEAD_AES_256_GCM.keyingMaterialLength());
        assertEquals(SrtpProtectionProfile.SRTP_AEAD_AES_256_GCM, SrtpProtectionProfile.fromId(8).orElseThrow());
    }

    @Test
    void wrongLengthIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new SrtpKeyingMaterial(SrtpProtectionProfile.SRTP_AEAD_AES_128_GCM, new byte[60]));
    }

    private static byte[] range(int from, int to) {
        byte[] b = new byte[to - from];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }
}
