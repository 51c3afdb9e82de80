package dev.jrtc.dtls;

import java.util.Map;

/**
 * A snapshot of one engine's counters.
 *
 * @param datagramsReceived every datagram handed to {@code handleReceive}
 * @param datagramsSent every datagram the engine produced
 * @param drops received datagrams dropped before the state machine, by reason
 */
public record DtlsStats(long datagramsReceived, long datagramsSent, Map<DtlsDropReason, Long> drops) {
    /** Copies the map. */
    public DtlsStats {
        drops = Map.copyOf(drops);
    }

    /** Drops for one reason. */
    public long dropped(DtlsDropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }
}
