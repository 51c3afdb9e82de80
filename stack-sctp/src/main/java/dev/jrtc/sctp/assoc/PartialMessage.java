package dev.jrtc.sctp.assoc;

import java.util.ArrayList;

/**
 * The fragments of one message received so far, kept in order of their sequence (TSN for DATA,
 * FSN for I-DATA). Fragments usually arrive in order, so insertion is an append.
 */
final class PartialMessage {
    private final ArrayList<Fragment> fragments = new ArrayList<>(4);
    private int bytes;

    /** Adds a fragment; false if one with the same sequence is already here. */
    boolean add(Fragment f) {
        int n = fragments.size();
        if (n == 0 || Tsn.lt(fragments.get(n - 1).sequence, f.sequence)) {
            fragments.add(f);
        } else {
            int i = n - 1;
            while (i >= 0 && Tsn.lt(f.sequence, fragments.get(i).sequence)) {
                i--;
            }
            if (i >= 0 && fragments.get(i).sequence == f.sequence) {
                return false;
            }
            fragments.add(i + 1, f);
        }
        bytes += f.data.length;
        return true;
    }

    /** Whether it runs without holes from a B fragment to an E fragment. */
    boolean complete() {
        int n = fragments.size();
        if (n == 0) {
            return false;
        }
        Fragment first = fragments.get(0);
        Fragment last = fragments.get(n - 1);
        return first.beginning() && last.ending() && Tsn.diff(last.sequence, first.sequence) == n - 1;
    }

    /** Whether any fragment has a TSN at or before {@code tsn}. */
    boolean hasTsnAtOrBefore(long tsn) {
        for (Fragment f : fragments) {
            if (Tsn.le(f.tsn, tsn)) {
                return true;
            }
        }
        return false;
    }

    int bytes() {
        return bytes;
    }

    long ppid() {
        return fragments.get(0).ppid;
    }

    /** The message's bytes, in one array. */
    byte[] assemble() {
        if (fragments.size() == 1) {
            return fragments.get(0).data;
        }
        byte[] out = new byte[bytes];
        int at = 0;
        for (Fragment f : fragments) {
            System.arraycopy(f.data, 0, out, at, f.data.length);
            at += f.data.length;
        }
        return out;
    }
}
