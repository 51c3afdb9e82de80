package dev.jrtc.srtp;

/**
 * The cryptographic transform of one direction and one of SRTP or SRTCP, keyed with session keys.
 * It knows nothing of sequence numbers, rollover or replay: the caller passes the packet index.
 * Every method works in place on {@code buf}.
 */
sealed interface SrtpTransform permits AesCmHmacTransform, AesGcmTransform {
    /** Failure result of the unprotect methods: the tag did not verify. */
    int AUTH_FAILED = -1;

    /**
     * Encrypts the payload of an RTP packet and appends the tag.
     *
     * @param headerLength bytes of RTP header (fixed header, CSRCs, extension) left in the clear
     * @param index        the 48-bit packet index, ROC || SEQ
     * @return the protected length
     */
    int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /**
     * Verifies the tag, then decrypts. On failure {@code buf} is unchanged.
     *
     * @param len the protected length, tag included
     * @return the plaintext length, or {@link #AUTH_FAILED}
     */
    int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /**
     * Encrypts an RTCP packet after its first 8 bytes and appends E flag, index and tag.
     *
     * @param index the 31-bit SRTCP index
     * @return the protected length
     */
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

    /**
     * Verifies and (if {@code encrypted}) decrypts an SRTCP packet. On failure {@code buf} is unchanged.
     *
     * @param len the protected length, E flag, index and tag included
     * @return the plaintext RTCP length, or {@link #AUTH_FAILED}
     */
    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted);

    /** Writes {@code v} big-endian at {@code buf[off]}. */
    static void putInt(byte[] buf, int off, int v) {
        buf[off] = (byte) (v >>> 24);
        buf[off + 1] = (byte) (v >>> 16);
        buf[off + 2] = (byte) (v >>> 8);
        buf[off + 3] = (byte) v;
    }

    /** Reads a big-endian int at {@code buf[off]}. */
    static int getInt(byte[] buf, int off) {
        return (buf[off] & 0xff) << 24 | (buf[off + 1] & 0xff) << 16 | (buf[off + 2] & 0xff) << 8 | (buf[off + 3] & 0xff);
    }

    /** Reads {@code n <= 8} bytes big-endian as the high bytes of a long. */
    static long getLongPrefix(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (i < n ? b[off + i] & 0xff : 0);
        }
        return v;
    }
}
