package dev.jrtc.dtls;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * DTLS 1.2 record protection with AES-GCM on the JDK's {@code javax.crypto} (AES-NI and CLMUL
 * intrinsics), used for the records of the connection's epoch once Bouncy Castle has finished the
 * handshake: BC's record layer costs a provider lookup, parameter objects and several copies per
 * record, which made it the largest cost of a fast data channel.
 *
 * <p>Record layout (RFC 6347 section 4.1, RFC 5288 section 3): a 13-byte header (type, version
 * {@code FE FD}, epoch, 48-bit sequence number, length), then the 8-byte explicit nonce, which is
 * the epoch and sequence number as Bouncy Castle and other DTLS stacks write it, then the
 * ciphertext and the 16-byte tag. The GCM nonce is the 4-byte salt from the key block followed by
 * the explicit nonce; the additional data is epoch and sequence number, type, version and the
 * plaintext length (RFC 5246 section 6.2.3.3).
 *
 * <p>One {@link Cipher} per direction, re-initialised per record with that record's nonce. Not
 * thread-safe: the loop thread alone uses it.
 */
final class GcmRecordLayer {
    static final int HEADER = DatagramGuard.RECORD_HEADER_LENGTH;
    static final int EXPLICIT_NONCE = 8;
    static final int TAG = 16;
    /** Bytes a record adds to its plaintext. */
    static final int OVERHEAD = HEADER + EXPLICIT_NONCE + TAG;
    static final long MAX_SEQUENCE = (1L << 48) - 1;
    private static final int VERSION_DTLS12 = 0xFEFD;

    private final GcmRecordKeys keys;
    private final int epoch;
    private final Cipher encrypt;
    private final Cipher decrypt;
    private final SecretKeySpec writeKey;
    private final SecretKeySpec readKey;
    private final byte[] writeNonce = new byte[GcmRecordKeys.SALT_LENGTH + EXPLICIT_NONCE];
    private final byte[] readNonce = new byte[GcmRecordKeys.SALT_LENGTH + EXPLICIT_NONCE];
    private final byte[] aad = new byte[HEADER];
    private final ReplayWindow replay;
    private final DtlsCounters counters;
    private long nextWriteSeq;

    /**
     * @param firstWriteSeq the first sequence number to write in {@code epoch} (one past what BC used)
     * @param highestSeqReadByBc the highest sequence number of {@code epoch} already handed to BC, or -1
     */
    GcmRecordLayer(GcmRecordKeys keys, DtlsRole role, int epoch, long firstWriteSeq, long highestSeqReadByBc,
            DtlsCounters counters) {
        this.keys = keys;
        this.epoch = epoch;
        this.nextWriteSeq = firstWriteSeq;
        this.counters = counters;
        this.replay = ReplayWindow.seenUpTo(highestSeqReadByBc);
        this.writeKey = new SecretKeySpec(keys.writeKey(role), "AES");
        this.readKey = new SecretKeySpec(keys.readKey(role), "AES");
        System.arraycopy(keys.writeSalt(role), 0, writeNonce, 0, GcmRecordKeys.SALT_LENGTH);
        System.arraycopy(keys.readSalt(role), 0, readNonce, 0, GcmRecordKeys.SALT_LENGTH);
        try {
            this.encrypt = Cipher.getInstance("AES/GCM/NoPadding");
            this.decrypt = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES/GCM/NoPadding", e);
        }
    }

    GcmRecordKeys keys() {
        return keys;
    }

    int epoch() {
        return epoch;
    }

    /** The next sequence number {@link #protect} will use. */
    long nextWriteSeq() {
        return nextWriteSeq;
    }

    /**
     * Protects one record of {@code type}. Returns the whole record, ready to send as a datagram,
     * or null if the epoch's sequence numbers are used up (the connection must end; RFC 6347
     * section 4.1 forbids wrapping).
     */
    byte[] protect(int type, byte[] buf, int offset, int length) {
        if (nextWriteSeq > MAX_SEQUENCE) {
            return null;
        }
        long seq = nextWriteSeq++;
        byte[] record = new byte[OVERHEAD + length];
        writeHeader(record, type, seq, EXPLICIT_NONCE + length + TAG);
        // The explicit nonce is the 8 bytes epoch + sequence number, also written after the header.
        System.arraycopy(record, 3, record, HEADER, EXPLICIT_NONCE);
        System.arraycopy(record, 3, writeNonce, GcmRecordKeys.SALT_LENGTH, EXPLICIT_NONCE);
        fillAad(record, 0, length);
        try {
            encrypt.init(Cipher.ENCRYPT_MODE, writeKey, new GCMParameterSpec(TAG * 8, writeNonce));
            encrypt.updateAAD(aad);
            encrypt.doFinal(buf, offset, length, record, HEADER + EXPLICIT_NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e); // a JDK fault, not input
        }
        return record;
    }

    /**
     * Authenticates and decrypts one record of this layer's epoch that starts at {@code offset}
     * and spans {@code length} bytes (header included; the caller has checked the framing). Returns
     * the plaintext, or null after counting why the record was dropped.
     */
    byte[] unprotect(byte[] buf, int offset, int length) {
        if (u16(buf, offset + 3) != epoch) {
            counters.dropped(DtlsDropReason.WRONG_EPOCH);
            return null;
        }
        int fragment = length - HEADER;
        int plaintext = fragment - EXPLICIT_NONCE - TAG;
        if (plaintext < 0 || u16(buf, offset + 1) != VERSION_DTLS12 || u16(buf, offset + 11) != fragment) {
            counters.dropped(DtlsDropReason.MALFORMED);
            return null;
        }
        long seq = u48(buf, offset + 5);
        if (!replay.isNew(seq)) {
            counters.dropped(DtlsDropReason.REPLAYED_RECORD);
            return null;
        }
        System.arraycopy(buf, offset + HEADER, readNonce, GcmRecordKeys.SALT_LENGTH, EXPLICIT_NONCE);
        fillAad(buf, offset, plaintext);
        byte[] out = new byte[plaintext];
        try {
            decrypt.init(Cipher.DECRYPT_MODE, readKey, new GCMParameterSpec(TAG * 8, readNonce));
            decrypt.updateAAD(aad);
            decrypt.doFinal(buf, offset + HEADER + EXPLICIT_NONCE, plaintext + TAG, out, 0);
        } catch (GeneralSecurityException e) { // AEADBadTagException: forged, corrupted or wrong-key record
            counters.dropped(DtlsDropReason.RECORD_AUTHENTICATION_FAILED);
            return null;
        }
        replay.markSeen(seq);
        return out;
    }

    private void writeHeader(byte[] record, int type, long seq, int fragmentLength) {
        record[0] = (byte) type;
        record[1] = (byte) (VERSION_DTLS12 >>> 8);
        record[2] = (byte) VERSION_DTLS12;
        record[3] = (byte) (epoch >>> 8);
        record[4] = (byte) epoch;
        for (int i = 0; i < 6; i++) {
            record[5 + i] = (byte) (seq >>> (40 - 8 * i));
        }
        record[11] = (byte) (fragmentLength >>> 8);
        record[12] = (byte) fragmentLength;
    }

    /** additional_data: epoch and sequence number (8), type, version (2), plaintext length (2). */
    private void fillAad(byte[] header, int offset, int plaintextLength) {
        System.arraycopy(header, offset + 3, aad, 0, 8);
        aad[8] = header[offset];
        aad[9] = header[offset + 1];
        aad[10] = header[offset + 2];
        aad[11] = (byte) (plaintextLength >>> 8);
        aad[12] = (byte) plaintextLength;
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static long u48(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }
}
