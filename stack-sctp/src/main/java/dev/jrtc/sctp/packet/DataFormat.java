package dev.jrtc.sctp.packet;

/**
 * Which user-data chunk an association uses: classic DATA (RFC 9260 §3.3.1, 16-bit stream sequence
 * numbers, no interleaving) or I-DATA (RFC 8260, 32-bit message ids and fragment sequence numbers,
 * so fragments of different messages may interleave).
 */
public enum DataFormat {
    DATA(16),
    I_DATA(20);

    private final int headerLength;

    DataFormat(int headerLength) {
        this.headerLength = headerLength;
    }

    /** The chunk header length before the payload, in bytes. */
    public int headerLength() {
        return headerLength;
    }
}
