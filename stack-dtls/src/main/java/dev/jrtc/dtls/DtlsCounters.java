package dev.jrtc.dtls;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** Counters written by the loop and the handshake thread, hence atomic. */
final class DtlsCounters {
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLongArray drops = new AtomicLongArray(DtlsDropReason.values().length);

    void received() {
        received.incrementAndGet();
    }

    void sent() {
        sent.incrementAndGet();
    }

    void dropped(DtlsDropReason reason) {
        drops.incrementAndGet(reason.ordinal());
    }

    DtlsStats snapshot() {
        Map<DtlsDropReason, Long> byReason = new EnumMap<>(DtlsDropReason.class);
        for (DtlsDropReason r : DtlsDropReason.values()) {
            long n = drops.get(r.ordinal());
            if (n > 0) {
                byReason.put(r, n);
            }
        }
        return new DtlsStats(received.get(), sent.get(), byReason);
    }
}
