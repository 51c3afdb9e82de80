package dev.jrtc.dtls;

import java.util.Arrays;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsUtils;

/**
 * The AES-GCM write keys and implicit nonces (salts) of both directions of a DTLS 1.2 connection,
 * taken from the handshake's key block (RFC 5246 section 6.3, with the layout of RFC 5288 section 3:
 * AEAD suites have no MAC keys and a 4-byte {@code write_IV} that is the nonce's salt).
 *
 * @param clientWriteKey the key of records the client sends
 * @param serverWriteKey the key of records the server sends
 * @param clientSalt the client's 4-byte implicit nonce part
 * @param serverSalt the server's 4-byte implicit nonce part
 */
record GcmRecordKeys(byte[] clientWriteKey, byte[] serverWriteKey, byte[] clientSalt, byte[] serverSalt) {
    static final int SALT_LENGTH = 4;

    /**
     * Expands the master secret of a completed handshake with the negotiated PRF, or returns null
     * if the suite is not AES-GCM (ChaCha20-Poly1305 then stays on Bouncy Castle's record layer).
     * Call it inside {@code notifyHandshakeComplete}, while the master secret is still alive.
     */
    static GcmRecordKeys derive(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersConnection();
        int keyLength = aesKeyLength(sp.getCipherSuite());
        if (keyLength == 0) {
            return null;
        }
        // key_block = PRF(master_secret, "key expansion", server_random + client_random)
        byte[] seed = org.bouncycastle.util.Arrays.concatenate(sp.getServerRandom(), sp.getClientRandom());
        int length = 2 * keyLength + 2 * SALT_LENGTH;
        byte[] block = TlsUtils.PRF(sp, sp.getMasterSecret(), "key expansion", seed, length).extract();
        try {
            int at = 0;
            byte[] clientKey = Arrays.copyOfRange(block, at, at += keyLength);
            byte[] serverKey = Arrays.copyOfRange(block, at, at += keyLength);
            byte[] clientSalt = Arrays.copyOfRange(block, at, at += SALT_LENGTH);
            byte[] serverSalt = Arrays.copyOfRange(block, at, at + SALT_LENGTH);
            return new GcmRecordKeys(clientKey, serverKey, clientSalt, serverSalt);
        } finally {
            Arrays.fill(block, (byte) 0);
        }
    }

    /** 16 or 32 for the AES-GCM suites jrtc offers, 0 for any other. */
    static int aesKeyLength(int suite) {
        return switch (suite) {
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 -> 16;
            case CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 -> 32;
            default -> 0;
        };
    }

    /** The key and salt this side writes with. */
    byte[] writeKey(DtlsRole role) {
        return role == DtlsRole.CLIENT ? clientWriteKey : serverWriteKey;
    }

    byte[] writeSalt(DtlsRole role) {
        return role == DtlsRole.CLIENT ? clientSalt : serverSalt;
    }

    /** The key and salt the peer writes with. */
    byte[] readKey(DtlsRole role) {
        return role == DtlsRole.CLIENT ? serverWriteKey : clientWriteKey;
    }

    byte[] readSalt(DtlsRole role) {
        return role == DtlsRole.CLIENT ? serverSalt : clientSalt;
    }
}
