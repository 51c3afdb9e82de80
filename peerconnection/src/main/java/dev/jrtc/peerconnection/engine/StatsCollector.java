package dev.jrtc.peerconnection.engine;

import dev.jrtc.dtls.CertificateFingerprint;
import dev.jrtc.dtls.DtlsEvent;
import dev.jrtc.dtls.DtlsState;
import dev.jrtc.ice.Candidate;
import dev.jrtc.ice.PairStatistics;
import dev.jrtc.rtp.receive.ReceiveStatistics;
import dev.jrtc.rtp.rtcp.ReportBlock;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the W3C stats objects of one engine (webrtc-stats): the transport with its DTLS and SRTP
 * parameters, certificates, candidates and pairs, codecs, inbound/outbound/remote-inbound RTP
 * streams and data channels. Ids are stable for the life of the connection, so two reports can be
 * compared object by object.
 */
final class StatsCollector {
    static final String TRANSPORT_ID = "T01";

    private final double timestamp;
    private final long now;
    private final List<RTCStats> out = new ArrayList<>();

    private StatsCollector(double timestampMillis, long nowNanos) {
        this.timestamp = timestampMillis;
        this.now = nowNanos;
    }

    /**
     * @param timestampMillis wall-clock milliseconds for every object's timestamp
     * @param nowNanos the engine's monotonic time (for rates)
     * @param transport the bundle transport, or null before any description
     */
    static RTCStatsReport collect(double timestampMillis, long nowNanos, CertificateFingerprint localFingerprint,
            SecureTransport transport, List<MediaSession> sessions, List<EngineDataChannel> channels) {
        StatsCollector c = new StatsCollector(timestampMillis, nowNanos);
        String localCert = c.certificate(localFingerprint);
        if (transport != null) {
            String remoteCert = transport.peerCertificate().map(p -> c.certificate(p.matched())).orElse(null);
            String selected = c.candidates(transport);
            c.transport(transport, localCert, remoteCert, selected);
        }
        for (MediaSession s : sessions) {
            c.media(s);
        }
        for (EngineDataChannel ch : channels) {
            c.dataChannel(ch);
        }
        return new RTCStatsReport(c.out);
    }

    private void add(String id, String type, Map<String, Object> members) {
        out.add(new RTCStats(id, type, timestamp, members));
    }

    private String certificate(CertificateFingerprint fp) {
        String id = "CF" + fp.hex();
        if (out.stream().anyMatch(s -> s.id().equals(id))) {
            return id;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fingerprint", fp.hex());
        m.put("fingerprintAlgorithm", fp.algorithm().sdpName());
        add(id, "certificate", m);
        return id;
    }

    private void transport(SecureTransport t, String localCert, String remoteCert, String selectedPair) {
        TransportCounters n = t.counters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("packetsSent", n.packetsSent);
        m.put("packetsReceived", n.packetsReceived);
        m.put("bytesSent", n.bytesSent);
        m.put("bytesReceived", n.bytesReceived);
        m.put("iceRole", t.ice().role().name().toLowerCase(Locale.ROOT));
        m.put("iceLocalUsernameFragment", t.ice().localCredentials().ufrag());
        m.put("iceState", t.iceState().name().toLowerCase(Locale.ROOT));
        m.put("dtlsState", dtlsState(t));
        Optional<DtlsEvent.Connected> connected = t.dtlsConnected();
        connected.ifPresent(c -> {
            m.put("dtlsRole", c.localRole().name().toLowerCase(Locale.ROOT));
            m.put("tlsVersion", "FEFD"); // DTLS 1.2, the only version Bouncy Castle 1.84 negotiates
            m.put("dtlsCipher", c.cipherSuite().name());
            m.put("srtpCipher", c.srtpProfile().name());
        });
        if (selectedPair != null) {
            m.put("selectedCandidatePairId", selectedPair);
        }
        m.put("selectedCandidatePairChanges", t.ice().stateChanges());
        m.put("localCertificateId", localCert);
        if (remoteCert != null) {
            m.put("remoteCertificateId", remoteCert);
        }
        add(TRANSPORT_ID, "transport", m);
    }

    private static String dtlsState(SecureTransport t) {
        if (t.dtlsFailure().isPresent()) {
            return "failed";
        }
        DtlsState d = t.dtls().map(dev.jrtc.dtls.DtlsEngine::state).orElse(DtlsState.NEW);
        return switch (d) {
            case NEW -> "new";
            case HANDSHAKING -> "connecting";
            case CONNECTED -> "connected";
            case CLOSED -> "closed";
        };
    }

    /** Candidates and pairs; returns the selected pair's id, or null. */
    private String candidates(SecureTransport t) {
        for (Candidate c : t.ice().localCandidates()) {
            candidate(c, true);
        }
        List<PairStatistics> pairs = new ArrayList<>(t.ice().pairStatistics());
        Optional<PairStatistics> selected = t.ice().selectedPair();
        selected.filter(s -> pairs.stream().noneMatch(p -> samePair(p, s))).ifPresent(pairs::add);
        String selectedId = null;
        for (PairStatistics p : pairs) {
            boolean isSelected = selected.filter(s -> samePair(s, p)).isPresent();
            String id = pair(p, isSelected ? t.counters() : null);
            if (isSelected) {
                selectedId = id;
            }
        }
        return selectedId;
    }

    private static boolean samePair(PairStatistics a, PairStatistics b) {
        return a.local().equals(b.local()) && a.remote().equals(b.remote());
    }

    private String candidate(Candidate c, boolean local) {
        String id = (local ? "IL" : "IR") + c.type().sdpName() + "_" + c.address() + "_" + c.port() + "_"
                + c.transport().name().toLowerCase(Locale.ROOT);
        if (out.stream().anyMatch(s -> s.id().equals(id))) {
            return id;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transportId", TRANSPORT_ID);
        m.put("address", c.address());
        m.put("port", (long) c.port());
        m.put("protocol", c.transport().name().toLowerCase(Locale.ROOT));
        m.put("candidateType", c.type().sdpName());
        m.put("priority", c.priority());
        m.put("foundation", c.foundation());
        if (c.relatedAddress() != null) {
            m.put("relatedAddress", c.relatedAddress());
            m.put("relatedPort", (long) c.relatedPort());
        }
        if (c.tcpType() != null) {
            m.put("tcpType", c.tcpType().name().toLowerCase(Locale.ROOT));
        }
        add(id, local ? "local-candidate" : "remote-candidate", m);
        return id;
    }

    /** One pair; {@code counters} are the transport's when this pair is the selected one (it carries everything). */
    private String pair(PairStatistics p, TransportCounters counters) {
        String local = candidate(p.local(), true);
        String remote = candidate(p.remote(), false);
        String id = "CP" + local + "-" + remote;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transportId", TRANSPORT_ID);
        m.put("localCandidateId", local);
        m.put("remoteCandidateId", remote);
        m.put("state", p.state().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        m.put("nominated", p.nominated());
        m.put("packetsSent", counters == null ? 0L : counters.packetsSent);
        m.put("packetsReceived", counters == null ? 0L : counters.packetsReceived);
        m.put("bytesSent", counters == null ? 0L : counters.bytesSent);
        m.put("bytesReceived", counters == null ? 0L : counters.bytesReceived);
        m.put("totalRoundTripTime", p.totalRttNanos() / 1e9);
        if (p.lastRttNanos() >= 0) {
            m.put("currentRoundTripTime", p.lastRttNanos() / 1e9);
        }
        m.put("requestsSent", p.requestsSent());
        m.put("requestsReceived", p.requestsReceived());
        m.put("responsesSent", p.responsesSent());
        m.put("responsesReceived", p.responsesReceived());
        add(id, "candidate-pair", m);
        return id;
    }

    private String codec(RtpCodec codec, MediaKind kind) {
        String id = "CT01_" + codec.payloadType();
        if (out.stream().anyMatch(s -> s.id().equals(id))) {
            return id;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("transportId", TRANSPORT_ID);
        m.put("payloadType", (long) codec.payloadType());
        m.put("mimeType", kind.token() + "/" + codec.name());
        m.put("clockRate", (long) codec.clockRate());
        if (kind == MediaKind.AUDIO) {
            m.put("channels", (long) Math.max(1, codec.channels()));
        }
        codec.toFmtp().ifPresent(f -> m.put("sdpFmtpLine", f.parameters()));
        add(id, "codec", m);
        return id;
    }

    private void media(MediaSession s) {
        String codecId = codec(s.codec(), s.kind());
        RtpCounters n = s.counters();
        String kind = s.kind().token();
        String kindTag = s.kind() == MediaKind.AUDIO ? "A" : "V";
        if (s.receiveStream() != null) {
            ReceiveStatistics r = s.receiveStream().statistics();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ssrc", s.remoteSsrc());
            m.put("kind", kind);
            m.put("transportId", TRANSPORT_ID);
            m.put("codecId", codecId);
            m.put("mid", s.mid());
            m.put("packetsReceived", r.received());
            m.put("packetsLost", r.cumulativeLost());
            m.put("jitter", r.jitter() / (double) s.codec().clockRate());
            m.put("bytesReceived", n.bytesReceived);
            m.put("headerBytesReceived", n.headerBytesReceived);
            m.put("nackCount", s.receiveStream().nacksSent());
            m.put("pliCount", s.receiveStream().keyFrameRequestsSent());
            m.put("retransmittedPacketsReceived", s.receiveStream().retransmissionsReceived());
            if (s.kind() == MediaKind.VIDEO) {
                m.put("framesReceived", n.framesReceived);
                m.put("framesPerSecond", n.framesPerSecond(now));
            }
            add("IT01" + kindTag + s.remoteSsrc(), "inbound-rtp", m);
        }
        if (s.sendStream() != null) {
            String outboundId = "OT01" + kindTag + s.localSsrc();
            String remoteInboundId = "RI" + kindTag + s.localSsrc();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ssrc", s.localSsrc());
            m.put("kind", kind);
            m.put("transportId", TRANSPORT_ID);
            m.put("codecId", codecId);
            m.put("mid", s.mid());
            m.put("packetsSent", n.packetsSent);
            m.put("bytesSent", n.bytesSent);
            m.put("headerBytesSent", n.headerBytesSent);
            m.put("retransmittedPacketsSent", s.sendStream().retransmissions());
            m.put("nackCount", n.nacksReceived);
            m.put("pliCount", n.keyFrameRequestsReceived);
            if (s.kind() == MediaKind.VIDEO) {
                m.put("framesSent", n.framesSent);
            }
            m.put("active", true);
            if (n.remoteReport != null) {
                m.put("remoteId", remoteInboundId);
            }
            add(outboundId, "outbound-rtp", m);
            if (n.remoteReport != null) {
                remoteInbound(s, remoteInboundId, outboundId, codecId, n.remoteReport, n.remoteReports);
            }
        }
    }

    private void remoteInbound(MediaSession s, String id, String localId, String codecId, ReportBlock b, long reports) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ssrc", s.localSsrc());
        m.put("kind", s.kind().token());
        m.put("transportId", TRANSPORT_ID);
        m.put("codecId", codecId);
        m.put("localId", localId);
        m.put("packetsLost", (long) b.cumulativeLost());
        m.put("fractionLost", b.fractionLost() / 256.0);
        m.put("jitter", b.jitter() / (double) s.codec().clockRate());
        long rtt = s.sendStream().rttNanos();
        if (rtt >= 0) {
            m.put("roundTripTime", rtt / 1e9);
        }
        m.put("reportsReceived", reports);
        add(id, "remote-inbound-rtp", m);
    }

    private void dataChannel(EngineDataChannel ch) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", ch.label());
        m.put("protocol", ch.protocol());
        ch.id().ifPresent(i -> m.put("dataChannelIdentifier", (long) i));
        m.put("state", ch.readyState().name().toLowerCase(Locale.ROOT));
        m.put("messagesSent", ch.messagesSent());
        m.put("bytesSent", ch.bytesSent());
        m.put("messagesReceived", ch.messagesReceived());
        m.put("bytesReceived", ch.bytesReceived());
        // The stream id names a channel for good once it has one; before that, only its identity does.
        add(ch.id().isPresent() ? "D" + ch.id().getAsInt() : "Dpending" + System.identityHashCode(ch), "data-channel", m);
    }
}
