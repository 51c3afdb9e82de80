package dev.jrtc.ice.stun;

import dev.jrtc.common.RandomSource;
import java.util.Arrays;
import java.util.HexFormat;

/** The 96-bit STUN transaction ID, a value type (equal when the bytes are equal). */
public final class TransactionId {
    /** Length on the wire. */
    public static final int LENGTH = 12;
    private final byte[] bytes;
    private final int hash;

    private TransactionId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** A copy of {@code buf[offset, offset + 12)}. */
    public static TransactionId of(byte[] buf, int offset) {
        return new TransactionId(Arrays.copyOfRange(buf, offset, offset + LENGTH));
    }

    /** A fresh random ID. */
    public static TransactionId random(RandomSource random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new TransactionId(b);
    }

    /** A copy of the 12 bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the 12 bytes into {@code dst} at {@code offset}. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, LENGTH);
    }

    byte at(int i) {
        return bytes[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransactionId t && Arrays.equals(bytes, t.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes);
    }
}
