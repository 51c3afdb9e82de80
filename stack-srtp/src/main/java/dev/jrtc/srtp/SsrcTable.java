package dev.jrtc.srtp;

/**
 * A bounded map from SSRC to {@link SrtpStreamContext} with open addressing on {@code int} keys,
 * so a lookup neither boxes nor allocates.
 */
final class SsrcTable {
    private final int[] keys;
    private final SrtpStreamContext[] values;
    private final int mask;
    private final int limit;
    private int size;

    SsrcTable(int limit) {
        int capacity = Integer.highestOneBit(Math.max(2, limit) * 2 - 1) << 1; // load factor <= 1/2
        this.keys = new int[capacity];
        this.values = new SrtpStreamContext[capacity];
        this.mask = capacity - 1;
        this.limit = limit;
    }

    private static int slot(int ssrc) {
        int h = ssrc * 0x9E3779B9; // SSRCs are random, but an attacker may pick them: mix anyway
        return h ^ (h >>> 16);
    }

    SrtpStreamContext get(int ssrc) {
        for (int i = slot(ssrc) & mask; ; i = (i + 1) & mask) {
            SrtpStreamContext v = values[i];
            if (v == null) {
                return null;
            }
            if (keys[i] == ssrc) {
                return v;
            }
        }
    }

    boolean isFull() {
        return size >= limit;
    }

    int size() {
        return size;
    }

    /** Adds a context for a new SSRC; the caller has checked {@link #isFull()} and {@link #get}. */
    void put(SrtpStreamContext context) {
        if (isFull()) {
            throw new IllegalStateException("stream table is full");
        }
        for (int i = slot(context.ssrc) & mask; ; i = (i + 1) & mask) {
            if (values[i] == null) {
                keys[i] = context.ssrc;
                values[i] = context;
                size++;
                return;
            }
        }
    }
}
