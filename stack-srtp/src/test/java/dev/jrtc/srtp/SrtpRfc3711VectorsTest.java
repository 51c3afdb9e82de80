package dev.jrtc.srtp;

import static dev.jrtc.srtp.TestPackets.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Known answers from RFC 3711 appendix B and RFC 6188 §7.2, byte for byte. */
class SrtpRfc3711VectorsTest {

    /** B.2: the AES-CM keystream for session key 2B7E..., IV F0F1...FCFD0000, at six counter values. */
    @Test
    void aesCounterModeKeystreamMatchesAppendixB2() {
        AesCtrKeystream aes = new AesCtrKeystream(hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        int blocks = 0xFF02;
        byte[] stream = new byte[blocks * 16]; // XOR into zeros gives the keystream itself
        aes.xor(0xF0F1F2F3F4F5F6F7L, 0xF8F9FAFBFCFD0000L, stream, 0, stream.length);

        assertArrayEquals(hex("E03EAD0935C95E80E166B16DD92B4EB4"), block(stream, 0x0000));
        assertArrayEquals(hex("D23513162B02D0F72A43A2FE4A5F97AB"), block(stream, 0x0001));
        assertArrayEquals(hex("41E95B3BB0A2E8DD477901E4FCA894C0"), block(stream, 0x0002));
        assertArrayEquals(hex("EC8CDF7398607CB0F2D21675EA9EA1E4"), block(stream, 0xFEFF));
        assertArrayEquals(hex("362B7C3C6773516318A077D7FC5073AE"), block(stream, 0xFF00));
        assertArrayEquals(hex("6A2CC3787889374FBEB4C81B17BA6C44"), block(stream, 0xFF01));
    }

    /** The keystream must not depend on where the XOR starts or on odd lengths (the tail path). */
    @Test
    void keystreamIsTheSameForUnalignedAndOddLengths() {
        AesCtrKeystream aes = new AesCtrKeystream(hex("2B7E151628AED2A6ABF7158809CF4F3C"));
        byte[] whole = new byte[5000];
        aes.xor(1, 2L << 16, whole, 0, whole.length);
        for (int len : new int[] {0, 1, 15, 17, 2047, 2048, 2049, 4097}) {
            byte[] part = new byte[len + 3];
            aes.xor(1, 2L << 16, part, 3, len);
            assertArrayEquals(Arrays.copyOf(whole, len), Arrays.copyOfRange(part, 3, 3 + len), "length " + len);
        }
    }

    /** B.3: the SRTP session keys from master key E1F9... and master salt 0EC6.... */
    @Test
    void keyDerivationMatchesAppendixB3() {
        byte[] key = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] salt = hex("0EC675AD498AFEEBB6960B3AABE6");

        assertArrayEquals(hex("C61E7A93744F39EE10734AFE3FF7A087"),
                SrtpKeyDerivation.derive(key, salt, SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, 16));
        assertArrayEquals(hex("30CBBC08863D8C85D49DB34A9AE1"),
                SrtpKeyDerivation.derive(key, salt, SrtpKeyDerivation.LABEL_RTP_SALT, 14));
        // B.3 prints 94 octets of the auth key stream, which spans six counter blocks
        assertArrayEquals(hex("CEBE321F6FF7716B6FD4AB49AF256A15 6D38BAA48F0A0ACF3C34E2359E6CDBCE"
                        + "E049646C43D9327AD175578EF7227098 6371C10C9A369AC2F94A8C5FBCDDDC25"
                        + "6D6E919A48B610EF17C2041E47403576 6B68642C59BBFC2F34DB60DBDFB2"),
                SrtpKeyDerivation.derive(key, salt, SrtpKeyDerivation.LABEL_RTP_AUTH, 94));
    }

    /** RFC 6188 §7.2: the AES-256 PRF, which AEAD_AES_256_GCM uses for its session keys. */
    @Test
    void aes256KeyDerivationMatchesRfc6188() {
        byte[] key = hex("f0f04914b513f2763a1b1fa130f10e29 98f6f6e43e4309d1e622a0e332b9f1b6");
        byte[] salt = hex("3b04803de51ee7c96423ab5b78d2");

        assertArrayEquals(hex("5ba1064e30ec51613cad926c5a28ef73 1ec7fb397f70a960653caf06554cd8c4"),
                SrtpKeyDerivation.derive(key, salt, SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, 32));
        assertArrayEquals(hex("fa31791685ca444a9e07c6c64e93"),
                SrtpKeyDerivation.derive(key, salt, SrtpKeyDerivation.LABEL_RTP_SALT, 14));
        assertArrayEquals(hex("fd9c32d39ed5fbb5a9dc96b30818454d1313dc05"),
                SrtpKeyDerivation.derive(key, salt, SrtpKeyDerivation.LABEL_RTP_AUTH, 20));
    }

    /**
     * A whole AES_CM_128_HMAC_SHA1_80 packet with the B.3 master key: the reference packet that
     * libsrtp's own validation driver checks (SSRC CAFEBABE, SEQ 0x1234, 16 bytes of 0xAB).
     */
    @Test
    void protectedPacketMatchesLibsrtpReferencePacket() {
        SrtpProfile p = SrtpProfile.AES_CM_128_HMAC_SHA1_80;
        byte[] key = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
        byte[] salt = hex("0EC675AD498AFEEBB6960B3AABE6");
        byte[] plain = hex("800f1234decafbadcafebabe abababababababababababababababab");
        byte[] expected = hex("800f1234decafbadcafebabe 4e55dc4ce79978d88ca4d215949d2402 b78d6acc99ea179b8dbb");

        byte[] buf = Arrays.copyOf(plain, plain.length + 10);
        int n = new SrtpSender(p, key, salt, SrtpConfig.DEFAULT).protectRtp(buf, 0, plain.length);
        assertEquals(expected.length, n);
        assertArrayEquals(expected, buf);

        int m = new SrtpReceiver(p, key, salt, SrtpConfig.DEFAULT).unprotectRtp(buf, 0, n);
        assertEquals(plain.length, m);
        assertArrayEquals(plain, Arrays.copyOf(buf, m));
    }

    private static byte[] block(byte[] stream, int counter) {
        return Arrays.copyOfRange(stream, counter * 16, counter * 16 + 16);
    }
}
