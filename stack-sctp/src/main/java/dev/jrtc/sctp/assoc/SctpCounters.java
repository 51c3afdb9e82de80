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
    /** Retransmissions (or loss marks) later shown unnecessary: the original was delivered. */
    public long spuriousRetransmits;
    /** Fast-recovery window reductions undone because all their retransmissions were spurious. */
    public long congestionUndos;
    public long t3Expiries;
    public long staleSacks;
    public long messagesAbandoned;
    public long forwardTsnSent;
    public long forwardTsnReceived;
    public long sacksSent;
    public long staleCookies;
    public long badCookies;
    /** Handshakes started again with a fresh INIT after the peer reported a stale cookie. */
    public long handshakeRestarts;
    /** Peer restarts (RFC 9260 §5.2.4 case A) performed. */
    public long peerRestarts;
    public long messagesDelivered;
}
