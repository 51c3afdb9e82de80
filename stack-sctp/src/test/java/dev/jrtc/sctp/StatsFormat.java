package dev.jrtc.sctp;

import dev.jrtc.sctp.assoc.SctpCounters;
import java.lang.reflect.Field;

/** Non-zero counters, for test output. */
final class StatsFormat {
    private StatsFormat() {
    }

    static String of(SctpCounters c) {
        StringBuilder sb = new StringBuilder("[");
        for (Field f : SctpCounters.class.getFields()) {
            try {
                long v = f.getLong(c);
                if (v != 0) {
                    sb.append(sb.length() > 1 ? ", " : "").append(f.getName()).append('=').append(v);
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return sb.append(']').toString();
    }
}
