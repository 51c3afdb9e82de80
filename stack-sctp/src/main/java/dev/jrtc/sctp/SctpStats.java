package dev.jrtc.sctp;

import dev.jrtc.sctp.assoc.SctpCounters;

/**
 * A snapshot of one association's counters, for telling why a transfer is slow or what was dropped.
 *
 * @param packetsSent SCTP packets sent
 * @param packetsReceived SCTP packets received
 * @param sacksSent SACK chunks sent
 * @param chunksSent DATA chunks sent for the first time
 * @param chunksRetransmitted DATA chunks sent again (fast retransmit or T3-rtx)
 * @param fastRetransmits fast retransmissions (RFC 9260 §7.2.4)
 * @param spuriousRetransmits retransmissions later shown unnecessary: the original had arrived
 * @param t3Expiries retransmission timer expiries: the peer went quiet for a whole RTO
 * @param chunksReceived DATA chunks received
 * @param duplicateTsns DATA chunks received again
 * @param chunksDroppedNoBuffer DATA chunks dropped because the receive window was full
 * @param messagesDelivered messages handed to the channels
 * @param messagesAbandoned messages given up under a partial-reliability policy
 * @param droppedInput packets or chunks dropped as malformed, with a bad checksum or tag, unexpected,
 *     outside the TSN window, or otherwise against the protocol
 */
public record SctpStats(long packetsSent, long packetsReceived, long sacksSent, long chunksSent, long chunksRetransmitted,
        long fastRetransmits, long spuriousRetransmits, long t3Expiries, long chunksReceived, long duplicateTsns,
        long chunksDroppedNoBuffer, long messagesDelivered, long messagesAbandoned, long droppedInput) {

    /** No association (no data section negotiated). */
    public static final SctpStats NONE = new SctpStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Copies the live counters. */
    static SctpStats of(SctpCounters c) {
        return new SctpStats(c.packetsSent, c.packetsReceived, c.sacksSent, c.chunksSent, c.chunksRetransmitted,
                c.fastRetransmits, c.spuriousRetransmits, c.t3Expiries, c.chunksReceived, c.duplicateTsns,
                c.chunksDroppedNoBuffer, c.messagesDelivered, c.messagesAbandoned,
                c.badChecksums + c.malformedPackets + c.wrongVerificationTag + c.unexpectedChunks + c.protocolViolations
                        + c.tsnsOutOfWindow);
    }
}
