package dev.jrtc.benchmarks.srtp;

import org.jitsi.utils.ByteArrayBuffer;

/** A fixed-capacity jitsi {@link ByteArrayBuffer} over one reused array, so jitsi works in place too. */
final class ArrayBuffer implements ByteArrayBuffer {
    private final byte[] buf;
    private int offset;
    private int length;

    ArrayBuffer(byte[] buf) {
        this.buf = buf;
    }

    void reset(int len) {
        offset = 0;
        length = len;
    }

    @Override public byte[] getBuffer() { return buf; }
    @Override public int getOffset() { return offset; }
    @Override public int getLength() { return length; }
    @Override public void setLength(int len) { length = len; }
    @Override public void setOffset(int off) { offset = off; }
    @Override public boolean isInvalid() { return false; }

    @Override
    public void readRegionToBuff(int off, int len, byte[] out) {
        System.arraycopy(buf, offset + off, out, 0, len);
    }

    @Override
    public void grow(int howMuch) {
        if (offset + length + howMuch > buf.length) {
            throw new IllegalStateException("benchmark buffer too small");
        }
    }

    @Override
    public void append(byte[] data, int len) {
        grow(len);
        System.arraycopy(data, 0, buf, offset + length, len);
        length += len;
    }

    @Override
    public void shrink(int len) {
        length = Math.max(0, length - len);
    }
}
