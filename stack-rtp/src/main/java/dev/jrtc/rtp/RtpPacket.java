package dev.jrtc.rtp;

import dev.jrtc.common.ParseException;

/**
 * A zero-copy view of an RTP packet (RFC 3550, section 5.1) over a borrowed {@code byte[]},
 * including CSRCs, padding and RFC 8285 header extensions in the one-byte and two-byte forms.
 *
 * <p>The view is reusable: {@link #parse} re-points it at another packet without allocating, so a
 * receive loop keeps one instance. Offsets returned by the accessors index into {@link #array()}.
 * The caller must not change the bytes while the view is in use.
 */
public final class RtpPacket {
    /** The fixed header's length. */
    public static final int FIXED_HEADER_LENGTH = 12;
    /** The "defined by profile" value of the one-byte extension form (RFC 8285, section 4.2). */
    public static final int ONE_BYTE_PROFILE = 0xBEDE;
    /** The two-byte form's profile value with the low four "appbits" cleared (RFC 8285, section 4.3). */
    public static final int TWO_BYTE_PROFILE = 0x1000;

    private static final int MAX_EXTENSION_ID = 255;

    private byte[] buf;
    private int offset;
    private int length;
    private boolean marker;
    private int payloadType;
    private int sequenceNumber;
    private long timestamp;
    private long ssrc;
    private int csrcCount;
    private int extensionProfile = -1;
    private int extensionStart;
    private int extensionLength;
    private int payloadOffset;
    private int payloadLength;
    private int paddingLength;

    /** Ids a view tracks before it first sees a two-byte id above 15: every one-byte id. */
    private static final int ONE_BYTE_IDS = 16;
    // Element offsets by id; only the ids listed in presentIds are valid, so a reset touches only those.
    // Sized for one-byte ids and grown once to every id when a larger one appears: a connection holds
    // several views, and most never see a two-byte header.
    private int[] elementOffset = new int[ONE_BYTE_IDS];
    private int[] elementLength = new int[ONE_BYTE_IDS];
    private boolean[] present = new boolean[ONE_BYTE_IDS];
    private int[] presentIds = new int[ONE_BYTE_IDS];
    private int presentCount;

    /** Parses {@code buf[off, off + len)} into a new view. */
    public static RtpPacket of(byte[] buf, int off, int len) throws ParseException {
        RtpPacket p = new RtpPacket();
        p.parse(buf, off, len);
        return p;
    }

    /**
     * Points this view at {@code buf[off, off + len)}. On failure the view is left empty and the
     * packet should be dropped and counted.
     *
     * @throws ParseException if the packet is not version 2 or any length field lies
     */
    public void parse(byte[] buf, int off, int len) throws ParseException {
        clearExtensions();
        this.buf = null;
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            throw new ParseException("RTP: slice out of range");
        }
        if (len < FIXED_HEADER_LENGTH) {
            throw new ParseException("RTP: " + len + " bytes is shorter than the fixed header");
        }
        int b0 = buf[off] & 0xFF;
        if ((b0 >>> 6) != 2) {
            throw new ParseException("RTP: version " + (b0 >>> 6) + " is not 2");
        }
        int b1 = buf[off + 1] & 0xFF;
        int cc = b0 & 0x0F;
        int pos = off + FIXED_HEADER_LENGTH + 4 * cc;
        int end = off + len;
        if (pos > end) {
            throw new ParseException("RTP: " + cc + " CSRCs do not fit in " + len + " bytes");
        }
        int extProfile = -1;
        int extStart = 0;
        int extLen = 0;
        if ((b0 & 0x10) != 0) {
            if (end - pos < 4) {
                throw new ParseException("RTP: extension header truncated");
            }
            extProfile = u16(buf, pos);
            extLen = 4 * u16(buf, pos + 2);
            extStart = pos + 4;
            if (extLen > end - extStart) {
                throw new ParseException("RTP: extension of " + extLen + " bytes is longer than the packet");
            }
            pos = extStart + extLen;
        }
        int padding = 0;
        if ((b0 & 0x20) != 0) {
            if (pos >= end) {
                throw new ParseException("RTP: padding bit set but no payload");
            }
            padding = buf[end - 1] & 0xFF;
            if (padding == 0 || padding > end - pos) {
                throw new ParseException("RTP: padding count " + padding + " does not fit");
            }
        }
        if (extProfile == ONE_BYTE_PROFILE) {
            indexOneByte(buf, extStart, extStart + extLen);
        } else if (extProfile >= 0 && (extProfile & 0xFFF0) == TWO_BYTE_PROFILE) {
            indexTwoByte(buf, extStart, extStart + extLen);
        }
        this.buf = buf;
        this.offset = off;
        this.length = len;
        this.marker = (b1 & 0x80) != 0;
        this.payloadType = b1 & 0x7F;
        this.sequenceNumber = u16(buf, off + 2);
        this.timestamp = u32(buf, off + 4);
        this.ssrc = u32(buf, off + 8);
        this.csrcCount = cc;
        this.extensionProfile = extProfile;
        this.extensionStart = extStart;
        this.extensionLength = extLen;
        this.payloadOffset = pos;
        this.paddingLength = padding;
        this.payloadLength = end - pos - padding;
    }

    private void indexOneByte(byte[] b, int pos, int end) throws ParseException {
        while (pos < end) {
            int h = b[pos] & 0xFF;
            if (h == 0) {
                pos++; // padding between elements
                continue;
            }
            int id = h >>> 4;
            if (id == 15 || id == 0) {
                // 15 is reserved and means "stop"; 0 with a length is no element at all. Either way
                // what follows cannot be trusted, so the remaining elements are ignored.
                return;
            }
            int len = (h & 0x0F) + 1;
            pos++;
            if (len > end - pos) {
                throw new ParseException("RTP: one-byte extension element " + id + " overruns the extension");
            }
            record(id, pos, len);
            pos += len;
        }
    }

    private void indexTwoByte(byte[] b, int pos, int end) throws ParseException {
        while (pos < end) {
            int id = b[pos] & 0xFF;
            if (id == 0) {
                pos++;
                continue;
            }
            if (end - pos < 2) {
                throw new ParseException("RTP: two-byte extension element " + id + " has no length");
            }
            int len = b[pos + 1] & 0xFF;
            pos += 2;
            if (len > end - pos) {
                throw new ParseException("RTP: two-byte extension element " + id + " overruns the extension");
            }
            record(id, pos, len);
            pos += len;
        }
    }

    private void record(int id, int off, int len) {
        if (id >= present.length) {
            elementOffset = java.util.Arrays.copyOf(elementOffset, MAX_EXTENSION_ID + 1);
            elementLength = java.util.Arrays.copyOf(elementLength, MAX_EXTENSION_ID + 1);
            present = java.util.Arrays.copyOf(present, MAX_EXTENSION_ID + 1);
            presentIds = java.util.Arrays.copyOf(presentIds, MAX_EXTENSION_ID + 1);
        }
        if (present[id]) {
            return; // a repeated id: the first one wins
        }
        present[id] = true;
        presentIds[presentCount++] = id;
        elementOffset[id] = off;
        elementLength[id] = len;
    }

    private void clearExtensions() {
        for (int i = 0; i < presentCount; i++) {
            present[presentIds[i]] = false;
        }
        presentCount = 0;
    }

    static int u16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    static long u32(byte[] b, int i) {
        return (((long) (b[i] & 0xFF)) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    private void requireParsed() {
        if (buf == null) {
            throw new IllegalStateException("no packet parsed");
        }
    }

    /** The array the packet lies in. */
    public byte[] array() {
        requireParsed();
        return buf;
    }

    /** Where the packet starts in {@link #array()}. */
    public int offset() {
        return offset;
    }

    /** The packet's total length, header, payload and padding. */
    public int length() {
        return length;
    }

    /** The marker bit. */
    public boolean marker() {
        return marker;
    }

    /** The payload type, 0..127. */
    public int payloadType() {
        return payloadType;
    }

    /** The 16-bit sequence number. */
    public int sequenceNumber() {
        return sequenceNumber;
    }

    /** The 32-bit timestamp, unsigned. */
    public long timestamp() {
        return timestamp;
    }

    /** The SSRC, unsigned. */
    public long ssrc() {
        return ssrc;
    }

    /** How many CSRCs follow the fixed header. */
    public int csrcCount() {
        return csrcCount;
    }

    /** CSRC number {@code i}, unsigned. */
    public long csrc(int i) {
        if (i < 0 || i >= csrcCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return u32(buf, offset + FIXED_HEADER_LENGTH + 4 * i);
    }

    /** Whether the X bit was set. */
    public boolean hasExtension() {
        return extensionProfile >= 0;
    }

    /** The extension's "defined by profile" field, or -1 when there is none. */
    public int extensionProfile() {
        return extensionProfile;
    }

    /** Where the extension's data (after its 4-byte header) starts. */
    public int extensionDataOffset() {
        return extensionStart;
    }

    /** The extension data's length in bytes (a multiple of 4). */
    public int extensionDataLength() {
        return extensionLength;
    }

    /** Whether an RFC 8285 element with this id is present. */
    public boolean hasElement(int id) {
        return id > 0 && id < present.length && present[id];
    }

    /** Where element {@code id}'s data starts in {@link #array()}, or -1 when absent. */
    public int elementOffset(int id) {
        return hasElement(id) ? elementOffset[id] : -1;
    }

    /** Element {@code id}'s data length, or -1 when absent. */
    public int elementLength(int id) {
        return hasElement(id) ? elementLength[id] : -1;
    }

    /** How many distinct elements the extension holds. */
    public int elementCount() {
        return presentCount;
    }

    /** The id of element number {@code i}, in the order they appear. */
    public int elementId(int i) {
        if (i < 0 || i >= presentCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return presentIds[i];
    }

    /** Where the header ends and the payload starts. */
    public int headerLength() {
        return payloadOffset - offset;
    }

    /** Where the payload starts in {@link #array()}. */
    public int payloadOffset() {
        return payloadOffset;
    }

    /** The payload's length, padding excluded. */
    public int payloadLength() {
        return payloadLength;
    }

    /** The number of padding bytes at the end, including the count byte; 0 without padding. */
    public int paddingLength() {
        return paddingLength;
    }

    /** A copy of the payload. */
    public byte[] payload() {
        requireParsed();
        return java.util.Arrays.copyOfRange(buf, payloadOffset, payloadOffset + payloadLength);
    }
}
