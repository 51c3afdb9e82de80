package dev.jrtc.peerconnection.engine;

/** Loop-only counters of one {@link SecureTransport}. */
final class TransportCounters {
    long rtpSent;
    long rtcpSent;
    long rtpReceived;
    long rtcpReceived;
    long srtpDropped;
    long srtpBeforeKeys;
    long dtlsBeforeNegotiation;
    long sendWithoutPair;
    long unknown;
    long srtpAuthFailed;
    long packetsSent;
    long bytesSent;
    long packetsReceived;
    long bytesReceived;
}
