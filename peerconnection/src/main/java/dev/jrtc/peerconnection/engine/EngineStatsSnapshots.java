package dev.jrtc.peerconnection.engine;

import dev.jrtc.sctp.SctpAssociation;
import dev.jrtc.sctp.SctpStats;
import java.util.ArrayList;
import java.util.List;

/** Gathers the counters of the transport layers, the RTP demux and SCTP into one {@link EngineStats}. */
final class EngineStatsSnapshots {
    private EngineStatsSnapshots() {
    }

    /**
     * The counters now; before the first description there is no transport, so only the demux counts.
     * {@code association} is null until a data section is negotiated.
     */
    static EngineStats of(SecureTransport transport, RtpDemux demux, SctpAssociation association) {
        List<MediaStats> media = new ArrayList<>();
        for (MediaSession s : demux.sessions()) {
            media.add(s.stats());
        }
        if (transport == null) {
            return new EngineStats(0, 0, 0, 0, 0, 0, demux.unroutable(), 0, 0, 0, 0, media, demux.drops(),
                    demux.knownSsrcs(), SctpStats.NONE);
        }
        TransportCounters c = transport.counters();
        long dtlsDropped = transport.dtls().map(d -> d.stats().drops().values().stream().mapToLong(Long::longValue).sum())
                .orElse(0L);
        return new EngineStats(transport.gate().dropped(), transport.gate().admitted(), transport.ice().droppedPackets(),
                dtlsDropped, c.srtpDropped, c.srtpBeforeKeys + c.dtlsBeforeNegotiation + c.unknown,
                demux.unroutable(), c.rtpSent, c.rtpReceived, c.rtcpSent, c.rtcpReceived, media, demux.drops(),
                demux.knownSsrcs(), association == null ? SctpStats.NONE : association.snapshot());
    }
}
