package dev.jrtc.common;

import java.util.Objects;

/**
 * Reads big-endian fields from a borrowed slice of a {@code byte[]}, checking every read against
 * the slice's end. A read past the end throws {@link ParseException}, never an
 * {@link IndexOutOfBoundsException}, so a truncated packet is bad input, not a crash.
 *
 * <p>The reader never copies the array; the caller must not change the bytes while reading.
 */
public final class ByteReader {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    /** A reader over {@code buf[offset, offset + length)}. */
    public ByteReader(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, Objects.requireNonNull(buf, "buf").length);
        this.buf = buf;
        this.start = offset;
        this.end = offset + length;
        this.pos = offset;
    }

    /** A reader over all of {@code buf}. */
    public ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    /** The array this reader reads; offsets such as {@link #arrayPosition()} index into it. */
    public byte[] array() {
        return buf;
    }

    /** The absolute index in {@link #array()} of the next byte to read. */
    public int arrayPosition() {
        return pos;
    }

    /** How many bytes have been read or skipped since the start of the slice. */
    public int position() {
        return pos - start;
    }

    /** How many bytes are left. */
    public int remaining() {
        return end - pos;
    }

    /** Whether any bytes are left. */
    public boolean hasRemaining() {
        return pos < end;
    }

    private void require(int n, String what) throws ParseException {
        if (n < 0 || end - pos < n) {
            throw new ParseException("truncated: " + what + " needs " + n + " byte(s) at offset "
                    + position() + " but " + remaining() + " remain");
        }
    }

    /** An unsigned 8-bit value. */
    public int u8() throws ParseException {
        require(1, "u8");
        return buf[pos++] & 0xFF;
    }

    /** An unsigned 16-bit value. */
    public int u16() throws ParseException {
        require(2, "u16");
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    /** An unsigned 24-bit value. */
    public int u24() throws ParseException {
        require(3, "u24");
        int v = ((buf[pos] & 0xFF) << 16) | ((buf[pos + 1] & 0xFF) << 8) | (buf[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    /** An unsigned 32-bit value, widened to {@code long}. */
    public long u32() throws ParseException {
        return s32() & 0xFFFF_FFFFL;
    }

    /** A 32-bit value as a Java {@code int} (the bits unchanged). */
    public int s32() throws ParseException {
        require(4, "u32");
        int v = ((buf[pos] & 0xFF) << 24) | ((buf[pos + 1] & 0xFF) << 16)
                | ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    /** A 64-bit value (the bits unchanged). */
    public long s64() throws ParseException {
        long hi = u32();
        long lo = u32();
        return (hi << 32) | lo;
    }

    /** Copies the next {@code n} bytes into a new array. */
    public byte[] bytes(int n) throws ParseException {
        require(n, "a field");
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Skips {@code n} bytes. */
    public void skip(int n) throws ParseException {
        require(n, "skip");
        pos += n;
    }

    /**
     * A reader over the next {@code n} bytes, sharing the array, and advances past them. Use it for
     * a length-prefixed field whose contents must not run into what follows.
     */
    public ByteReader slice(int n) throws ParseException {
        require(n, "a sub-field");
        ByteReader sub = new ByteReader(buf, pos, n);
        pos += n;
        return sub;
    }

    /** Throws unless every byte has been read: for formats that forbid trailing bytes. */
    public void requireEnd(String what) throws ParseException {
        if (hasRemaining()) {
            throw new ParseException(what + ": " + remaining() + " unexpected trailing byte(s) at offset " + position());
        }
    }
}
