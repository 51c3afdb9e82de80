package dev.jrtc.dtls;

/**
 * Checks a received datagram before Bouncy Castle sees it. BC's DTLS 1.2 reassembler allocates
 * whatever length a handshake fragment header claims (up to 16 MiB, for each of 16 message
 * sequence numbers) and keeps a list of the gaps between fragments, so crafted fragments could
 * cost memory and CPU on the handshake thread. This guard bounds both: the claimed message length
 * is capped, and a fragment that ends before its message does must be at least
 * {@link #MIN_MIDDLE_FRAGMENT} bytes, which caps the gap list at {@code cap / 64} entries.
 *
 * <p>Stateless and allocation-free; returns why a datagram must be dropped, or {@code null}.
 */
final class DatagramGuard {
    static final int RECORD_HEADER_LENGTH = 13;
    static final int HANDSHAKE_HEADER_LENGTH = 12;
    /** A 2^14 plaintext record plus the most expansion RFC 6347 allows, plus its header. */
    static final int MAX_DATAGRAM = (1 << 14) + 2048 + RECORD_HEADER_LENGTH;
    static final int MIN_MIDDLE_FRAGMENT = 64;

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int APPLICATION_DATA = 23;
    private static final int HANDSHAKE = 22;

    private final int maxHandshakeMessageLength;

    DatagramGuard(int maxHandshakeMessageLength) {
        this.maxHandshakeMessageLength = maxHandshakeMessageLength;
    }

    DtlsDropReason check(byte[] buf, int offset, int length) {
        if (length > MAX_DATAGRAM) {
            return DtlsDropReason.OVERSIZED_DATAGRAM;
        }
        if (length < RECORD_HEADER_LENGTH) {
            return DtlsDropReason.MALFORMED;
        }
        int pos = offset;
        int end = offset + length;
        while (pos < end) {
            if (end - pos < RECORD_HEADER_LENGTH) {
                return DtlsDropReason.MALFORMED;
            }
            int type = buf[pos] & 0xFF;
            int versionMajor = buf[pos + 1] & 0xFF;
            int epoch = u16(buf, pos + 3);
            int recordLength = u16(buf, pos + 11);
            int body = pos + RECORD_HEADER_LENGTH;
            // 20..23: change_cipher_spec, alert, handshake, application_data. DTLS versions are 0xFE__.
            if (type < CHANGE_CIPHER_SPEC || type > APPLICATION_DATA || versionMajor != 0xFE
                    || recordLength > end - body) {
                return DtlsDropReason.MALFORMED;
            }
            if (type == HANDSHAKE && epoch == 0) {
                DtlsDropReason r = checkHandshakeFragments(buf, body, recordLength);
                if (r != null) {
                    return r;
                }
            }
            pos = body + recordLength;
        }
        return null;
    }

    /** Plaintext (epoch 0) handshake fragments; later epochs are encrypted and authenticated by BC. */
    private DtlsDropReason checkHandshakeFragments(byte[] buf, int pos, int length) {
        int end = pos + length;
        if (length == 0) {
            return DtlsDropReason.MALFORMED;
        }
        while (pos < end) {
            if (end - pos < HANDSHAKE_HEADER_LENGTH) {
                return DtlsDropReason.MALFORMED;
            }
            int messageLength = u24(buf, pos + 1);
            int fragmentOffset = u24(buf, pos + 6);
            int fragmentLength = u24(buf, pos + 9);
            if (fragmentLength > end - pos - HANDSHAKE_HEADER_LENGTH || fragmentOffset + fragmentLength > messageLength) {
                return DtlsDropReason.MALFORMED;
            }
            if (messageLength > maxHandshakeMessageLength) {
                return DtlsDropReason.OVERSIZED_HANDSHAKE_MESSAGE;
            }
            if (fragmentLength < MIN_MIDDLE_FRAGMENT && fragmentOffset + fragmentLength != messageLength) {
                return DtlsDropReason.TINY_HANDSHAKE_FRAGMENT;
            }
            pos += HANDSHAKE_HEADER_LENGTH + fragmentLength;
        }
        return null;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int u24(byte[] b, int i) {
        return (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
    }
}
