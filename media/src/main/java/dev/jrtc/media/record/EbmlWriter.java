package dev.jrtc.media.record;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Builds EBML elements (RFC 8794) in memory: an element is its ID, its data size as a
 * variable-size integer, then its data. Element IDs are given with their marker bits, as the
 * specifications list them (e.g. {@code 0x1A45DFA3}). Master elements are built from a nested
 * writer, so their size is known when the header is written.
 */
final class EbmlWriter {
    /** An 8-octet data size with every VINT_DATA bit set: the reserved "unknown size" (RFC 8794 section 6.2). */
    static final byte[] UNKNOWN_SIZE = {0x01, -1, -1, -1, -1, -1, -1, -1};
    private static final int MAX_WIDTH = 8;

    private byte[] buf = new byte[64];
    private int length;

    /**
     * The shortest VINT for a data size. A value whose VINT_DATA would be all ones at some width is
     * written one octet wider, since that pattern means "unknown size" (RFC 8794 section 4.4).
     */
    static byte[] sizeVint(long size) {
        for (int width = 1; width <= MAX_WIDTH; width++) {
            if (size < (1L << (7 * width)) - 1) {
                return sizeVint(size, width);
            }
        }
        throw new IllegalArgumentException("EBML data size too large: " + size);
    }

    /** A data size as a VINT of exactly {@code width} octets: the marker bit, then the value big-endian. */
    static byte[] sizeVint(long size, int width) {
        if (width < 1 || width > MAX_WIDTH || size < 0 || size >= (1L << (7 * width)) - 1) {
            throw new IllegalArgumentException("size " + size + " does not fit a " + width + "-octet VINT");
        }
        byte[] out = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (byte) size;
            size >>>= 8;
        }
        out[0] |= (byte) (0x80 >>> (width - 1));
        return out;
    }

    /** @return octets of an element ID, which carries its own VINT marker in its first octet */
    static int idWidth(int id) {
        if ((id & 0xFFFFFF80) == 0x80) {
            return 1;
        }
        if ((id & 0xFFFFC000) == 0x4000) {
            return 2;
        }
        if ((id & 0xFFE00000) == 0x200000) {
            return 3;
        }
        if ((id & 0xF0000000) == 0x10000000) {
            return 4;
        }
        throw new IllegalArgumentException("not an EBML element ID: 0x" + Integer.toHexString(id));
    }

    /** Appends an element ID. */
    EbmlWriter id(int id) {
        int width = idWidth(id);
        for (int i = width - 1; i >= 0; i--) {
            put((byte) (id >>> (8 * i)));
        }
        return this;
    }

    /** Appends an element header: its ID and the shortest VINT for {@code dataSize}. */
    EbmlWriter header(int id, long dataSize) {
        return id(id).bytes(sizeVint(dataSize));
    }

    /** An unsigned integer element in the fewest octets (at least one). */
    EbmlWriter uint(int id, long value) {
        int width = Math.max(1, 8 - Long.numberOfLeadingZeros(value) / 8);
        return uint(id, value, width);
    }

    /** An unsigned integer element in exactly {@code width} octets, for values patched later. */
    EbmlWriter uint(int id, long value, int width) {
        if (width < 8 && value >>> (8 * width) != 0) {
            throw new IllegalArgumentException(value + " does not fit " + width + " octets");
        }
        header(id, width);
        for (int i = width - 1; i >= 0; i--) {
            put((byte) (value >>> (8 * i)));
        }
        return this;
    }

    /** A float element as an 8-octet IEEE 754 double. */
    EbmlWriter float64(int id, double value) {
        header(id, 8);
        long bits = Double.doubleToLongBits(value);
        for (int i = 7; i >= 0; i--) {
            put((byte) (bits >>> (8 * i)));
        }
        return this;
    }

    /** A string element (ASCII or UTF-8). */
    EbmlWriter string(int id, String value) {
        return binary(id, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A binary element. */
    EbmlWriter binary(int id, byte[] value) {
        return header(id, value.length).bytes(value);
    }

    /** A master element whose children {@code body} writes. */
    EbmlWriter master(int id, Consumer<EbmlWriter> body) {
        EbmlWriter child = new EbmlWriter();
        body.accept(child);
        return header(id, child.length).bytes(child.buf, 0, child.length);
    }

    /**
     * A Void element (ID 0xEC) of exactly {@code totalLength} octets including its header, to fill
     * reserved space; its data is zeros. One octet cannot hold a Void element.
     */
    EbmlWriter fill(int totalLength) {
        if (totalLength == 0) {
            return this;
        }
        if (totalLength < 2) {
            throw new IllegalArgumentException("a Void element needs at least 2 octets");
        }
        // One-octet size up to 126 data octets; beyond that an 8-octet size (never "unknown" here).
        int width = totalLength - 2 <= 126 ? 1 : MAX_WIDTH;
        id(MatroskaIds.VOID).bytes(sizeVint(totalLength - 1 - width, width));
        return bytes(new byte[totalLength - 1 - width]);
    }

    /** Appends raw octets. */
    EbmlWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    EbmlWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, length, len);
        length += len;
        return this;
    }

    int length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    private void put(byte b) {
        ensure(1);
        buf[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
        }
    }
}
