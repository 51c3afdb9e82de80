package dev.jrtc.common;

import java.util.Objects;

/**
 * Writes big-endian fields into a caller's {@code byte[]} from a given offset. Writing past the
 * end of the space the caller gave is a bug in the caller (it sized the buffer), so it throws an
 * {@link IndexOutOfBoundsException} that says how much room was missing.
 */
public final class ByteWriter {
    private final byte[] buf;
    private final int start;
    private final int end;
    private int pos;

    /** A writer into {@code buf[offset, offset + capacity)}. */
    public ByteWriter(byte[] buf, int offset, int capacity) {
        Objects.checkFromIndexSize(offset, capacity, Objects.requireNonNull(buf, "buf").length);
        this.buf = buf;
        this.start = offset;
        this.end = offset + capacity;
        this.pos = offset;
    }

    /** A writer into a new array of {@code capacity} bytes. */
    public static ByteWriter allocate(int capacity) {
        return new ByteWriter(new byte[capacity], 0, capacity);
    }

    /** The array written into. */
    public byte[] array() {
        return buf;
    }

    /** How many bytes have been written since the start offset. */
    public int position() {
        return pos - start;
    }

    /** How many more bytes fit. */
    public int remaining() {
        return end - pos;
    }

    private void ensure(int n) {
        if (end - pos < n) {
            throw new IndexOutOfBoundsException("writing " + n + " byte(s) at offset " + position()
                    + " needs " + (n - (end - pos)) + " more byte(s) of room");
        }
    }

    /** Writes the low 8 bits of {@code v}. */
    public ByteWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    /** Writes the low 16 bits of {@code v}. */
    public ByteWriter u16(int v) {
        ensure(2);
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
        pos += 2;
        return this;
    }

    /** Writes the low 24 bits of {@code v}. */
    public ByteWriter u24(int v) {
        ensure(3);
        buf[pos] = (byte) (v >>> 16);
        buf[pos + 1] = (byte) (v >>> 8);
        buf[pos + 2] = (byte) v;
        pos += 3;
        return this;
    }

    /** Writes the low 32 bits of {@code v}. */
    public ByteWriter u32(long v) {
        ensure(4);
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
        return this;
    }

    /** Writes all 64 bits of {@code v}. */
    public ByteWriter u64(long v) {
        u32(v >>> 32);
        return u32(v);
    }

    /** Writes {@code src[offset, offset + length)}. */
    public ByteWriter bytes(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        ensure(length);
        System.arraycopy(src, offset, buf, pos, length);
        pos += length;
        return this;
    }

    /** Writes all of {@code src}. */
    public ByteWriter bytes(byte[] src) {
        return bytes(src, 0, src.length);
    }

    /** Writes {@code n} zero bytes (padding). */
    public ByteWriter zeros(int n) {
        ensure(n);
        java.util.Arrays.fill(buf, pos, pos + n, (byte) 0);
        pos += n;
        return this;
    }

    /** Overwrites 16 bits at an earlier position (a length field filled in afterwards). */
    public ByteWriter putU16At(int position, int v) {
        Objects.checkFromIndexSize(position, 2, this.position());
        buf[start + position] = (byte) (v >>> 8);
        buf[start + position + 1] = (byte) v;
        return this;
    }

    /** A copy of what has been written. */
    public byte[] toByteArray() {
        return java.util.Arrays.copyOfRange(buf, start, pos);
    }
}
