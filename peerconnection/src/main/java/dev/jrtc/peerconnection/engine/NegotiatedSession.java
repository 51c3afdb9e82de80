package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Output;
import dev.jrtc.dtls.CertificateFingerprint;
import dev.jrtc.dtls.DtlsConfig;
import dev.jrtc.dtls.DtlsRole;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.rtp.send.TransportSequencer;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.ExtMap;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.Setup;
import dev.jrtc.sdp.jsep.LocalCapabilities;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies a completed offer/answer exchange: the DTLS role and fingerprints, the SCTP association,
 * the bundle's header extensions and transport-wide CC, and one {@link MediaSession} per transceiver
 * the answer kept. It also remembers sections that failed for want of a common codec, for the report.
 */
final class NegotiatedSession {
    private final EngineConfig config;
    private final Negotiation negotiation;
    private final RtpDemux demux;
    private final SctpDataChannels data;
    private final String cname;
    private final Consumer<Output> events;
    private final List<ConnectionReport.Codec> codecFailures = new ArrayList<>();
    /** One per transport, created at the first negotiation that enables transport-wide CC. */
    private TransportSequencer twccSequencer;
    /** Transport-wide CC as the current answer negotiated it, or null. */
    private TransportWideCc twcc;

    NegotiatedSession(EngineConfig config, Negotiation negotiation, RtpDemux demux, SctpDataChannels data, String cname,
            Consumer<Output> events) {
        this.config = config;
        this.negotiation = negotiation;
        this.demux = demux;
        this.data = data;
        this.cname = cname;
        this.events = events;
    }

    /** Sections that negotiated no common codec, at most one entry per mid. */
    List<ConnectionReport.Codec> codecFailures() {
        return codecFailures;
    }

    /** Both descriptions are applied: configure DTLS and each transceiver's media. */
    void apply(long now, SecureTransport transport) {
        SessionDescription local = negotiation.local().orElseThrow();
        SessionDescription remote = negotiation.remote().orElseThrow();
        // The transport's parameters come from the first section both sides kept (a rejected one has no a=setup).
        Optional<MediaDescription> tag = local.media().stream().filter(m -> !m.isRejected())
                .filter(m -> m.mid().flatMap(remote::mediaByMid).filter(r -> !r.isRejected()).isPresent()).findFirst()
                .or(() -> local.media().stream().filter(m -> !m.isRejected()).findFirst());
        if (tag.isEmpty()) {
            return;
        }
        MediaDescription remoteTag = tag.get().mid().flatMap(remote::mediaByMid).orElse(remote.media().get(0));
        String localSetup = local.setupOf(tag.get()).map(Setup::token).orElse("actpass");
        String remoteSetup = remote.setupOf(remoteTag).map(Setup::token).orElse("actpass");
        DtlsRole role = DtlsRole.fromSetup(localSetup, remoteSetup);
        List<CertificateFingerprint> fingerprints = RemoteTransport.fingerprints(remote, remoteTag);
        configureData(now, local, remote, role);
        transport.configureDtls(now, DtlsConfig.of(role, config.certificate(), fingerprints));

        SessionDescription answer = negotiation.answer();
        Map<Integer, String> ext = new HashMap<>();
        answer.mediaByMid(tag.get().mid().orElse("")).ifPresent(m -> {
            for (ExtMap e : m.attributes().extMaps()) {
                ext.putIfAbsent(e.id(), e.uri());
            }
        });
        ExtensionMap bundleExtensions;
        try {
            bundleExtensions = new ExtensionMap(ext);
        } catch (IllegalArgumentException e) {
            bundleExtensions = ExtensionMap.empty();
        }
        demux.setExtensions(bundleExtensions);
        twcc = transportWideCc(ext, bundleExtensions, answer);
        for (Transceiver t : negotiation.transceivers()) {
            if (t.mid().isEmpty()) {
                continue;
            }
            Optional<MediaDescription> a = answer.mediaByMid(t.mid().get());
            if (a.isEmpty() || a.get().isRejected()) {
                end(t);
                if (!t.stopped()) {
                    noteCodecFailure(t, remote);
                }
                continue;
            }
            MediaSession s = t.session();
            if (s != null) {
                Direction ours = negotiation.ourDirection(a.get());
                if (ours.sends() == s.sends() && ours.receives() == s.receives()) {
                    t.negotiated(ours, s); // renegotiated without change for this section
                    continue;
                }
                end(t); // the direction changed: its streams are remade below
            }
            configureMedia(t, a.get(), remote);
        }
    }

    /** Stops a transceiver's media: no more routing, and its remote track (if any) ends. */
    void end(Transceiver t) {
        MediaSession s = t.session();
        if (s == null) {
            return;
        }
        demux.remove(s);
        t.negotiated(Direction.INACTIVE, null);
        if (s.receives()) {
            events.accept(new EngineEvent.TrackEnded(s.mid()));
        }
    }

    /** Transport-wide CC when the bundle negotiated its extension, sharing the transport's one sequencer. */
    private TransportWideCc transportWideCc(Map<Integer, String> ext, ExtensionMap bundleExtensions,
            SessionDescription answer) {
        long receivingWithTwcc = answer.media().stream()
                .filter(m -> !m.isRejected() && negotiation.ourDirection(m).receives() && hasTwcc(m)).count();
        for (Map.Entry<Integer, String> e : ext.entrySet()) {
            if (LocalCapabilities.EXT_TRANSPORT_WIDE_CC.equals(e.getValue()) && e.getKey() >= 1 && e.getKey() <= 255) {
                if (twccSequencer == null) {
                    twccSequencer = new TransportSequencer(config.random().nextInt(65536));
                }
                return new TransportWideCc(twccSequencer, e.getKey(), bundleExtensions, receivingWithTwcc == 1);
            }
        }
        return null;
    }

    private static boolean hasTwcc(MediaDescription m) {
        return m.attributes().extMaps().stream().anyMatch(e -> LocalCapabilities.EXT_TRANSPORT_WIDE_CC.equals(e.uri()));
    }

    /** A section that carries no media: record it for the report when the reason is that no codec is shared. */
    private void noteCodecFailure(Transceiver t, SessionDescription remote) {
        String mid = t.mid().orElseThrow();
        Optional<MediaDescription> theirs = remote.mediaByMid(mid);
        List<String> offered = theirs.map(m -> m.codecs().stream().filter(c -> !c.isRtx()).map(RtpCodec::name)
                .distinct().toList()).orElse(List.of());
        if (offered.stream().anyMatch(CodecSupport::supportsName)
                || codecFailures.stream().anyMatch(c -> c.mid().equals(mid))) {
            return; // rejected for another reason (the peer stopped it), or already noted
        }
        codecFailures.add(new ConnectionReport.Codec(mid, t.kind().token(), offered, CodecSupport.NAMES));
    }

    /** A data section in the answer: make the SCTP association with the peer's port and max-message-size. */
    private void configureData(long now, SessionDescription local, SessionDescription remote, DtlsRole role) {
        Optional<String> mid = negotiation.dataMid();
        if (mid.isEmpty() || data.configured()) {
            return;
        }
        Optional<MediaDescription> ours = local.mediaByMid(mid.get()).filter(m -> !m.isRejected());
        Optional<MediaDescription> theirs = remote.mediaByMid(mid.get()).filter(m -> !m.isRejected());
        if (ours.isEmpty() || theirs.isEmpty() || !theirs.get().kind().equals(MediaKind.APPLICATION.token())) {
            return;
        }
        int localPort = sctpPort(ours.get());
        int remotePort = sctpPort(theirs.get());
        long remoteMax;
        try {
            // RFC 8841 §6: no a=max-message-size means 64 KiB; 0 means no limit.
            remoteMax = theirs.get().attributes().maxMessageSize().orElse(65_536);
        } catch (NumberFormatException e) {
            remoteMax = 65_536;
        }
        data.configure(now, role, localPort, remotePort, Math.max(0, remoteMax));
    }

    private static int sctpPort(MediaDescription m) {
        try {
            return m.attributes().sctpPort().orElseGet(() -> {
                // The legacy form (DTLS/SCTP 5000 with a=sctpmap) names the port as the format.
                try {
                    return Integer.parseInt(m.mediaLine().formats().get(0));
                } catch (RuntimeException e) {
                    return 5000;
                }
            });
        } catch (NumberFormatException e) {
            return 5000;
        }
    }

    /** A kept section: a media session with the answer's first codec we carry, its RTX, and TWCC if the section has it. */
    private void configureMedia(Transceiver t, MediaDescription answerSection, SessionDescription remote) {
        Direction ours = negotiation.ourDirection(answerSection);
        List<RtpCodec> codecs = answerSection.codecs();
        Optional<RtpCodec> primary = CodecSupport.primary(codecs);
        if (primary.isEmpty()) {
            t.negotiated(ours, null);
            noteCodecFailure(t, remote);
            return;
        }
        RtpCodec codec = primary.get();
        int rtxPt = CodecSupport.rtxFor(codecs, codec).orElse(-1);
        SendConfig send = null;
        if (ours.sends()) {
            send = new SendConfig(t.localSsrc(), codec.payloadType(), codec.clockRate(),
                    CodecSupport.packetizer(codec, config.random()::nextInt), 1200, config.random().nextInt(65536),
                    -1, -1, 1024, 1_000_000_000L, cname);
            if (rtxPt >= 0 && t.track().rtxSsrc().isPresent()) {
                send = send.withRtx(t.track().rtxSsrc().getAsLong(), rtxPt);
            }
        }
        boolean sectionHasTwcc = hasTwcc(answerSection);
        MediaSession session = new MediaSession(t.mid().get(), t.kind(), codec, config.wallClock(), send, ours.receives() ? codec : null,
                rtxPt, t.localSsrc(), cname, sectionHasTwcc ? twcc : null);
        if (ours.receives()) {
            RemoteTransport.remoteSsrcs(remote.mediaByMid(t.mid().get()))
                    .ifPresent(s -> session.bindRemote(s[0], s[1]));
        }
        t.negotiated(ours, session);
        demux.add(session);
        if (ours.receives()) {
            events.accept(new EngineEvent.TrackAdded(t.mid().get(), t.kind(), codec.name()));
        }
    }
}
