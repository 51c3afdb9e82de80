package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.Attribute;
import dev.jrtc.sdp.AttributeList;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes an offer (RFC 9429 section 5.2.1) from local transceivers, in the form browsers accept:
 * {@code o=- <id> 2 IN IP4 127.0.0.1}, one BUNDLE group with every mid, {@code a=msid-semantic: WMS},
 * and per section port 9, {@code c=IN IP4 0.0.0.0}, our ICE credentials and fingerprints,
 * {@code a=setup:actpass}, {@code rtcp-mux} and {@code rtcp-rsize}, our codecs and extensions.
 * Candidates are not included: they trickle.
 */
public final class OfferFactory {
    /** The RTP profile of every WebRTC audio/video section. */
    public static final String RTP_PROTO = "UDP/TLS/RTP/SAVPF";
    /** The data channel profile (RFC 8841). */
    public static final String SCTP_PROTO = "UDP/DTLS/SCTP";

    private OfferFactory() {}

    /**
     * An offer with the given sections, in order.
     *
     * @throws IllegalArgumentException when mids repeat, when there is more than one data section,
     *                                  or a data section but no data channel support
     */
    public static SessionDescription createOffer(LocalCapabilities local, List<OfferSection> sections) {
        checkSections(local, sections);
        SessionDescription.Builder b = SessionDescription.builder(Origin.of(local.sessionId(), 2));
        if (!sections.isEmpty()) {
            b.attribute(Group.bundle(sections.stream().map(OfferSection::mid).toList()));
        }
        b.attribute(Attribute.flag(AttributeList.EXTMAP_ALLOW_MIXED));
        List<String> streams = new ArrayList<>();
        for (OfferSection s : sections) {
            if (s instanceof OfferSection.Rtp rtp) {
                rtp.track().filter(t -> rtp.direction().sends()).ifPresent(t -> streams.add(t.streamId()));
            }
        }
        b.attribute(Attribute.of(AttributeList.MSID_SEMANTIC, AnswerFactory.msidSemantic(streams)));
        for (OfferSection s : sections) {
            b.media(s instanceof OfferSection.Rtp rtp ? rtpSection(local, rtp) : dataSection(local, s.mid()));
        }
        return b.build();
    }

    private static void checkSections(LocalCapabilities local, List<OfferSection> sections) {
        Set<String> mids = new HashSet<>();
        long data = 0;
        for (OfferSection s : sections) {
            if (!mids.add(s.mid())) {
                throw new IllegalArgumentException("mid '" + s.mid() + "' is used twice");
            }
            if (s instanceof OfferSection.DataChannel) {
                data++;
            }
        }
        if (data > 1) {
            throw new IllegalArgumentException("an offer has at most one data channel section");
        }
        if (data == 1 && local.dataChannel().isEmpty()) {
            throw new IllegalArgumentException("a data channel section needs data channel support");
        }
    }

    private static MediaDescription rtpSection(LocalCapabilities local, OfferSection.Rtp s) {
        List<RtpCodec> codecs = local.codecs(s.kind());
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("no local " + s.kind().token() + " codecs to offer");
        }
        List<String> formats = codecs.stream().map(c -> Integer.toString(c.payloadType())).toList();
        MediaDescription.Builder b = MediaDescription.builder(
                MediaLine.of(s.kind().token(), SectionWriter.DISCARD_PORT, RTP_PROTO, formats));
        SectionWriter.placeholders(b, true);
        SectionWriter.transport(b, local, Setup.ACTPASS, s.mid());
        Direction direction = s.direction();
        Optional<LocalTrack> sending = s.track().filter(t -> direction.sends());
        SectionWriter.rtp(b, local.extensions(s.kind()), direction, sending.map(t -> Msid.of(t.streamId(), t.trackId())),
                SectionWriter.RtcpReducedSize.ON, codecs);
        boolean rtx = codecs.stream().anyMatch(RtpCodec::isRtx);
        sending.ifPresent(t -> SectionWriter.sources(b, t, local.cname(), rtx));
        return b.build();
    }

    private static MediaDescription dataSection(LocalCapabilities local, String mid) {
        DataChannelCapability dc = local.dataChannel().orElseThrow();
        MediaDescription.Builder b = MediaDescription.builder(
                MediaLine.of(MediaKind.APPLICATION.token(), SectionWriter.DISCARD_PORT, SCTP_PROTO,
                        List.of("webrtc-datachannel")));
        SectionWriter.placeholders(b, false);
        SectionWriter.transport(b, local, Setup.ACTPASS, mid);
        b.attribute(AttributeList.SCTP_PORT, Integer.toString(dc.sctpPort()));
        b.attribute(AttributeList.MAX_MESSAGE_SIZE, Long.toString(dc.maxMessageSize()));
        return b.build();
    }
}
