package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.Attribute;
import dev.jrtc.sdp.AttributeList;
import dev.jrtc.sdp.Connection;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.Group;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.MediaLine;
import dev.jrtc.sdp.Msid;
import dev.jrtc.sdp.Origin;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers a remote offer (RFC 9429 section 5.3.1) the way Chromium does: one answer section per
 * offered section, same order and mids; accepted sections on port 9 with our ICE credentials,
 * fingerprints, {@code ice-options:trickle} and DTLS role; rejected ones on port 0.
 *
 * <p>A section is rejected when the offer rejected it, when its media or transport is not WebRTC's
 * (secure RTP over DTLS, or SCTP over DTLS for data), when an RTP section lacks {@code rtcp-mux}
 * (jrtc multiplexes RTP and RTCP on one port), when no codec is common, or when it is a data
 * section and we have no data channel support. Offered simulcast is not accepted (the answer has
 * no {@code a=simulcast}, so the offerer sends one encoding, RFC 8853 section 5.3).
 */
public final class AnswerFactory {
    /** Chromium's legacy data channel form: {@code m=application <port> DTLS/SCTP 5000} with sctpmap. */
    private static final String LEGACY_SCTP_PROTO = "DTLS/SCTP";
    private static final String DATA_CHANNEL_FORMAT = "webrtc-datachannel";

    private AnswerFactory() {}

    /** The answer to {@code remoteOffer}. */
    public static SessionDescription createAnswer(SessionDescription remoteOffer, LocalCapabilities local) {
        return new Answering(remoteOffer, local).run();
    }

    /** The state of one answer being written: which tracks are still to place, which mids were accepted. */
    private static final class Answering {
        private final SessionDescription offer;
        private final LocalCapabilities local;
        private final List<LocalTrack> unplacedTracks;
        private final List<String> acceptedMids = new ArrayList<>();
        private final List<String> usedStreams = new ArrayList<>();

        Answering(SessionDescription offer, LocalCapabilities local) {
            this.offer = offer;
            this.local = local;
            this.unplacedTracks = new ArrayList<>(local.tracks());
        }

        SessionDescription run() {
            List<MediaDescription> sections = new ArrayList<>();
            for (MediaDescription m : offer.media()) {
                Optional<MediaDescription> accepted = accept(m);
                if (accepted.isPresent()) {
                    m.mid().ifPresent(acceptedMids::add);
                }
                sections.add(accepted.orElseGet(() -> reject(m)));
            }
            SessionDescription.Builder b = SessionDescription.builder(Origin.of(local.sessionId(), 2));
            offer.bundleGroup().ifPresent(g -> {
                List<String> mids = g.mids().stream().filter(acceptedMids::contains).toList();
                if (!mids.isEmpty()) {
                    b.attribute(Group.bundle(mids));
                }
            });
            if (offer.attributes().has(AttributeList.EXTMAP_ALLOW_MIXED)) {
                b.attribute(Attribute.flag(AttributeList.EXTMAP_ALLOW_MIXED));
            }
            b.attribute(Attribute.of(AttributeList.MSID_SEMANTIC, msidSemantic(usedStreams)));
            sections.forEach(b::media);
            return b.build();
        }

        private Optional<MediaDescription> accept(MediaDescription m) {
            if (m.isRejected() || m.mid().isEmpty()) {
                return Optional.empty();
            }
            Optional<MediaKind> kind = MediaKind.of(m.kind());
            if (kind.isEmpty()) {
                return Optional.empty();
            }
            return kind.get() == MediaKind.APPLICATION ? acceptData(m) : acceptRtp(m, kind.get());
        }

        private Optional<MediaDescription> acceptData(MediaDescription m) {
            if (local.dataChannel().isEmpty()) {
                return Optional.empty();
            }
            DataChannelCapability dc = local.dataChannel().get();
            String proto = m.mediaLine().proto();
            boolean modern = (proto.equals("UDP/DTLS/SCTP") || proto.equals("TCP/DTLS/SCTP"))
                    && m.mediaLine().formats().contains(DATA_CHANNEL_FORMAT);
            boolean legacy = proto.equals(LEGACY_SCTP_PROTO) && hasLegacySctpmap(m);
            if (!modern && !legacy) {
                return Optional.empty();
            }
            List<String> formats = modern ? List.of(DATA_CHANNEL_FORMAT) : List.of(Integer.toString(dc.sctpPort()));
            MediaDescription.Builder b = MediaDescription.builder(
                    MediaLine.of(m.kind(), SectionWriter.DISCARD_PORT, proto, formats));
            SectionWriter.placeholders(b, false);
            SectionWriter.transport(b, local, setup(m), m.mid().orElseThrow());
            if (modern) {
                b.attribute(AttributeList.SCTP_PORT, Integer.toString(dc.sctpPort()));
            } else {
                // The legacy form names the port as the format and the stream count in sctpmap.
                b.attribute(AttributeList.SCTPMAP, dc.sctpPort() + " " + DATA_CHANNEL_FORMAT + " 65535");
            }
            b.attribute(AttributeList.MAX_MESSAGE_SIZE, Long.toString(dc.maxMessageSize()));
            return Optional.of(b.build());
        }

        private static boolean hasLegacySctpmap(MediaDescription m) {
            return m.attributes().named(AttributeList.SCTPMAP).stream()
                    .anyMatch(a -> a.value() != null && a.value().contains(DATA_CHANNEL_FORMAT));
        }

        private Optional<MediaDescription> acceptRtp(MediaDescription m, MediaKind kind) {
            String proto = m.mediaLine().proto();
            boolean secure = proto.contains("TLS/RTP/SAVP") || proto.equals("RTP/SAVPF");
            if (!secure || !m.attributes().has(AttributeList.RTCP_MUX)) {
                return Optional.empty();
            }
            List<RtpCodec> codecs = CodecNegotiation.answer(m.codecs(), local.codecs(kind));
            if (codecs.stream().allMatch(RtpCodec::isRtx)) {
                return Optional.empty();
            }
            Direction offered = offer.directionOf(m);
            Optional<LocalTrack> track = offered.receives() ? takeTrack(kind) : Optional.empty();
            Direction wish = local.directionWish(kind).orElse(track.isPresent() ? Direction.SENDRECV : Direction.RECVONLY);
            Direction answered = DirectionNegotiation.answer(offered, wish);
            if (!answered.sends()) {
                track.ifPresent(t -> unplacedTracks.add(0, t));
                track = Optional.empty();
            }
            track.ifPresent(t -> usedStreams.add(t.streamId()));

            List<String> formats = codecs.stream().map(c -> Integer.toString(c.payloadType())).toList();
            MediaDescription.Builder b = MediaDescription.builder(
                    MediaLine.of(m.kind(), SectionWriter.DISCARD_PORT, proto, formats));
            SectionWriter.placeholders(b, true);
            SectionWriter.transport(b, local, setup(m), m.mid().orElseThrow());
            SectionWriter.rtp(b, ExtmapNegotiation.answer(m.attributes().extMaps(), local.extensions(kind)), answered,
                    track.map(t -> Msid.of(t.streamId(), t.trackId())),
                    m.attributes().has(AttributeList.RTCP_RSIZE) ? SectionWriter.RtcpReducedSize.ON
                            : SectionWriter.RtcpReducedSize.OFF,
                    codecs);
            boolean rtxNegotiated = codecs.stream().anyMatch(RtpCodec::isRtx);
            track.ifPresent(t -> SectionWriter.sources(b, t, local.cname(), rtxNegotiated));
            return Optional.of(b.build());
        }

        private Optional<LocalTrack> takeTrack(MediaKind kind) {
            for (int i = 0; i < unplacedTracks.size(); i++) {
                if (unplacedTracks.get(i).kind() == kind) {
                    return Optional.of(unplacedTracks.remove(i));
                }
            }
            return Optional.empty();
        }

        /**
         * Our role for a section. A bundled section may leave out its transport attributes, which
         * then come from the offerer-tagged (first) section of its BUNDLE group (RFC 9143 section 7.1).
         */
        private Setup setup(MediaDescription m) {
            Optional<Setup> offered = offer.setupOf(m).or(() -> offer.bundleGroup()
                    .filter(g -> m.mid().filter(g.mids()::contains).isPresent())
                    .flatMap(g -> g.mids().stream().findFirst())
                    .flatMap(offer::mediaByMid)
                    .flatMap(offer::setupOf));
            return SetupNegotiation.answer(offered);
        }

        /**
         * A rejected section: port 0, the offered media and proto, one offered format, and the mid,
         * so that the answer still lines up with the offer.
         */
        private static MediaDescription reject(MediaDescription m) {
            MediaLine offered = m.mediaLine();
            MediaDescription.Builder b = MediaDescription.builder(
                    MediaLine.of(offered.media(), 0, offered.proto(), List.of(offered.formats().get(0))));
            b.line(Connection.UNSPECIFIED.toLine());
            m.mid().ifPresent(mid -> b.attribute(AttributeList.MID, mid));
            if (offered.isRtp()) {
                b.attribute(Direction.INACTIVE);
            }
            return b.build();
        }
    }

    /** {@code " WMS"} followed by our stream ids, as Chromium writes {@code a=msid-semantic: WMS ...}. */
    static String msidSemantic(List<String> streams) {
        StringBuilder sb = new StringBuilder(" WMS");
        streams.stream().distinct().filter(s -> !s.equals("-")).forEach(s -> sb.append(' ').append(s));
        return sb.toString();
    }
}
