package dev.jrtc.sctp.assoc;

/** Plain counters an association keeps; {@code dev.jrtc.sctp.SctpStats} is the public view. */
public final class SctpCounters {
    public long packetsReceived;
    public long packetsSent;
    public long badChecksums;
    public long malformedPackets;
    public long wrongVerificationTag;
    public long unexpectedChunks;
    public long protocolViolations;
    public long chunksSent;
    public long chunksRetransmitted;
    public long chunksReceived;
    public long duplicateTsns;
    public long tsnsOutOfWindow;
    public long chunksDroppedNoBuffer;
    public long fastRetransmits;
    public long t3Expiries;
    public long staleSacks;
    public long messagesAbandoned;
    public long forwardTsnSent;
    public long forwardTsnReceived;
    public long sacksSent;
    public long staleCookies;
    public long badCookies;
    public long messagesDelivered;
}
