package dev.jrtc.rtp.send;

import dev.jrtc.rtp.RtcpInterval;
import java.util.Objects;

/**
 * What a {@link SendStream} shares with the rest of its transport, beyond its own
 * {@link SendConfig}: the transport-wide sequence counter, and the RTCP timing.
 *
 * @param transportSequencer the transport's counter, or {@code null} when transport-cc was not negotiated
 * @param transportSequenceId the negotiated extension id of the transport-wide sequence number (1..14), or 0
 * @param rtcpInterval       randomized RFC 3550 report timing, or {@code null} for the fixed
 *                           {@link SendConfig#reportIntervalNanos()}
 */
public record SendOptions(TransportSequencer transportSequencer, int transportSequenceId, RtcpInterval rtcpInterval) {
    /** Checks that the sequencer and its id come together. */
    public SendOptions {
        if ((transportSequencer == null) != (transportSequenceId == 0)) {
            throw new IllegalArgumentException("a transport sequencer needs an extension id and the other way round");
        }
        if (transportSequenceId < 0 || transportSequenceId > 14) {
            throw new IllegalArgumentException("transport-wide sequence id must be 1..14 (one-byte form), got "
                    + transportSequenceId);
        }
    }

    /** No transport-wide sequence numbers, fixed report interval. */
    public static SendOptions none() {
        return new SendOptions(null, 0, null);
    }

    /** With every packet stamped from {@code sequencer} into extension {@code id}. */
    public SendOptions withTransportSequence(TransportSequencer sequencer, int id) {
        return new SendOptions(Objects.requireNonNull(sequencer, "sequencer"), id, rtcpInterval);
    }

    /** With sender reports timed by {@code interval}. */
    public SendOptions withRtcpInterval(RtcpInterval interval) {
        return new SendOptions(transportSequencer, transportSequenceId, Objects.requireNonNull(interval, "interval"));
    }
}
