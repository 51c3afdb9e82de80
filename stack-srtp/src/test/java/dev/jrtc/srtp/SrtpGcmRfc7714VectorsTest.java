package dev.jrtc.srtp;

import static dev.jrtc.srtp.TestPackets.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 7714 §16 (SRTP) and §17 (SRTCP) AES-GCM vectors, byte for byte. The RFC gives session keys
 * directly, so these drive the transform below the key derivation.
 */
class SrtpGcmRfc7714VectorsTest {
    private static final byte[] KEY_128 = hex("000102030405060708090a0b0c0d0e0f");
    private static final byte[] KEY_256 = hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] SALT = hex("517569642070726f2071756f"); // "Quid pro quo"

    private static final byte[] RTP = hex("8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973"
            + "20646976 69736120 696e2070 61727465 73207472 6573");
    private static final byte[] SRTP_128 = hex("8040f17b 8041f8d3 5501a0b2"
            + "f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5 0d294e6f 42a5f47a 51c7d19b 36de3adf 8833"
            + "899d7f27 beb16a91 52cf765e e4390cce");
    private static final byte[] SRTP_256 = hex("8040f17b 8041f8d3 5501a0b2"
            + "32b1de78 a822fe12 ef9f78fa 332e33aa b1801238 9a58e2f3 b50b2a02 76ffae0f 1ba63799 b87b"
            + "7aa3db36 dfffd6b0 f9bb7878 d7a76c13");

    private static final byte[] RTCP = hex("81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61"
            + "deadbeef deadbeef deadbeef deadbeef deadbeef");
    private static final int RTCP_INDEX = 0x5d4;
    private static final byte[] SRTCP_128 = hex("81c8000d 4d617273"
            + "63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d c676a5f1 730d6fda 4ce09b46 86303ded 0bb9275b"
            + "c84aa458 96cf4d2f c5abf872 45d9eade"
            + "800005d4");
    private static final byte[] SRTCP_256 = hex("81c8000d 4d617273"
            + "d50ae4d1 f5ce5d30 4ba297e4 7d470c28 2c3ece5d bffe0a50 a2eaa5c1 110555be 8415f658 c61de047 6f1b6fad"
            + "1d1eb30c 4446839f 57ff6f6c b26ac3be"
            + "800005d4");

    private static AesGcmTransform transform(byte[] key) {
        return new AesGcmTransform(new SrtpKeyDerivation.SessionKeys(key, new byte[0], SALT));
    }

    @Test
    void srtpAes128GcmEncryptionMatchesSection16() {
        assertRtp(KEY_128, SRTP_128);
    }

    @Test
    void srtpAes256GcmEncryptionMatchesSection16() {
        assertRtp(KEY_256, SRTP_256);
    }

    @Test
    void srtcpAes128GcmEncryptionMatchesSection17() {
        assertRtcp(KEY_128, SRTCP_128);
    }

    @Test
    void srtcpAes256GcmEncryptionMatchesSection17() {
        assertRtcp(KEY_256, SRTCP_256);
    }

    private static void assertRtp(byte[] key, byte[] expected) {
        byte[] buf = Arrays.copyOf(RTP, RTP.length + 16);
        int n = transform(key).protectRtp(buf, 0, RTP.length, 12, 0x5501a0b2, 0xf17bL);
        assertEquals(expected.length, n);
        assertArrayEquals(expected, buf);

        int m = transform(key).unprotectRtp(buf, 0, n, 12, 0x5501a0b2, 0xf17bL);
        assertEquals(RTP.length, m);
        assertArrayEquals(RTP, Arrays.copyOf(buf, m));

        byte[] tampered = expected.clone();
        tampered[20] ^= 1;
        assertEquals(SrtpTransform.AUTH_FAILED, transform(key).unprotectRtp(tampered, 0, n, 12, 0x5501a0b2, 0xf17bL));
    }

    private static void assertRtcp(byte[] key, byte[] expected) {
        byte[] buf = Arrays.copyOf(RTCP, RTCP.length + 20);
        int n = transform(key).protectRtcp(buf, 0, RTCP.length, 0x4d617273, RTCP_INDEX);
        assertEquals(expected.length, n);
        assertArrayEquals(expected, buf);

        int m = transform(key).unprotectRtcp(buf, 0, n, 0x4d617273, RTCP_INDEX, true);
        assertEquals(RTCP.length, m);
        assertArrayEquals(RTCP, Arrays.copyOf(buf, m));
    }

    /** The same vectors through the public receiver path, which finds SSRC, index and E flag itself. */
    @Test
    void receiverParsesTheSrtcpVectorLayout() {
        // The receiver derives session keys, so check only that the layout parses up to the tag check
        // (AUTH_FAILED, not TOO_SHORT or MALFORMED) under an unrelated master key.
        SrtpReceiver r = new SrtpReceiver(SrtpProfile.AEAD_AES_128_GCM, KEY_128, SALT, SrtpConfig.DEFAULT);
        assertEquals(SrtpDropReason.AUTH_FAILED.code(), r.unprotectRtcp(SRTCP_128.clone(), 0, SRTCP_128.length));
        assertEquals(SrtpDropReason.AUTH_FAILED.code(), r.unprotectRtp(SRTP_128.clone(), 0, SRTP_128.length));
    }
}
