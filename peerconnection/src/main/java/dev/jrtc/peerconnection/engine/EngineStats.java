package dev.jrtc.peerconnection.engine;

import dev.jrtc.rtp.DropReason;
import dev.jrtc.sctp.SctpStats;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one engine's counters.
 *
 * @param sourceGateDropped non-STUN datagrams dropped because their source was not validated by ICE
 * @param sourceGateAdmitted non-STUN datagrams the gate let through
 * @param iceDropped datagrams ICE dropped (bad STUN)
 * @param dtlsDropped DTLS datagrams the DTLS engine dropped
 * @param srtpDropped SRTP/SRTCP packets that failed authentication, replay or parsing
 * @param earlyDropped media or DTLS that arrived before keys or negotiation
 * @param unroutableRtp RTP no transceiver claims: the router's drops, surplus SSRCs and unparsable packets
 * @param rtpSent SRTP packets sent
 * @param rtpReceived SRTP packets received and decrypted
 * @param rtcpSent SRTCP packets sent
 * @param rtcpReceived SRTCP packets received and decrypted
 * @param media per-transceiver counters
 * @param rtpRouterDrops the RTP router's drops by reason (unknown stream, SSRC table full)
 * @param rtpKnownSsrcs the SSRCs the RTP router remembers now (its table is bounded)
 * @param sctp the data channels' SCTP association: packets, SACKs, retransmissions, drops
 *     ({@link SctpStats#NONE} until a data section is negotiated)
 */
public record EngineStats(long sourceGateDropped, long sourceGateAdmitted, long iceDropped, long dtlsDropped,
        long srtpDropped, long earlyDropped, long unroutableRtp, long rtpSent, long rtpReceived, long rtcpSent,
        long rtcpReceived, List<MediaStats> media, Map<DropReason, Long> rtpRouterDrops, int rtpKnownSsrcs,
        SctpStats sctp) {

    /** Copies the list and map. */
    public EngineStats {
        media = List.copyOf(media);
        rtpRouterDrops = Map.copyOf(rtpRouterDrops);
    }
}
