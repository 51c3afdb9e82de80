package dev.jrtc.sctp.packet;

import java.util.zip.CRC32C;

/**
 * The SCTP checksum (RFC 9260 §6.8, Appendix A): CRC32c over the whole packet with the checksum
 * field taken as zero. The JDK's {@link CRC32C} is the same reflected Castagnoli CRC; SCTP puts its
 * value in the packet least significant byte first.
 */
public final class Crc32c {
    private static final int CHECKSUM_OFFSET = 8;

    private Crc32c() {
    }

    /** CRC32c of {@code buf[offset, offset + length)}. */
    public static int of(byte[] buf, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buf, offset, length);
        return (int) crc.getValue();
    }

    /** Computes the checksum of a packet whose checksum field is zero and stores it. */
    public static void stamp(byte[] packet, int offset, int length) {
        int c = of(packet, offset, length);
        int at = offset + CHECKSUM_OFFSET;
        packet[at] = (byte) c;
        packet[at + 1] = (byte) (c >>> 8);
        packet[at + 2] = (byte) (c >>> 16);
        packet[at + 3] = (byte) (c >>> 24);
    }

    /**
     * Whether the packet's checksum is right. It computes over the header up to the field, four
     * zero bytes, then the rest, so the borrowed array is not touched.
     */
    public static boolean matches(byte[] packet, int offset, int length) {
        if (length < 12) {
            return false;
        }
        int at = offset + CHECKSUM_OFFSET;
        int stored = (packet[at] & 0xFF) | (packet[at + 1] & 0xFF) << 8 | (packet[at + 2] & 0xFF) << 16
                | (packet[at + 3] & 0xFF) << 24;
        CRC32C crc = new CRC32C();
        crc.update(packet, offset, CHECKSUM_OFFSET);
        crc.update(ZEROS, 0, 4);
        crc.update(packet, at + 4, length - CHECKSUM_OFFSET - 4);
        return (int) crc.getValue() == stored;
    }

    private static final byte[] ZEROS = new byte[4];
}
