package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.AttributeList;
import dev.jrtc.sdp.Connection;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.ExtMap;
import dev.jrtc.sdp.Fingerprint;
import dev.jrtc.sdp.IceCredentials;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.Msid;
import dev.jrtc.sdp.RtcpFeedback;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.Setup;
import dev.jrtc.sdp.SsrcAttribute;
import dev.jrtc.sdp.SsrcGroup;
import java.util.List;
import java.util.Optional;

/**
 * Writes the parts of a media section that offers and answers share, in the order Chromium writes
 * them: connection and rtcp placeholders, ICE and DTLS attributes, mid, extensions, direction,
 * msid, rtcp-mux/rsize, codecs, and SSRC lines.
 */
final class SectionWriter {
    private SectionWriter() {}

    /** The port every section uses before ICE has candidates (RFC 9429 section 5.2.1). */
    static final int DISCARD_PORT = 9;

    /** {@code c=IN IP4 0.0.0.0} and, for RTP, {@code a=rtcp:9 IN IP4 0.0.0.0}. */
    static void placeholders(MediaDescription.Builder b, boolean rtp) {
        b.line(Connection.UNSPECIFIED.toLine());
        if (rtp) {
            b.attribute(AttributeList.RTCP, DISCARD_PORT + " IN IP4 0.0.0.0");
        }
    }

    /** ice-ufrag, ice-pwd, ice-options:trickle, fingerprints, setup, mid. */
    static void transport(MediaDescription.Builder b, LocalCapabilities local, Setup setup, String mid) {
        b.attribute(IceCredentials.UFRAG, local.ice().ufrag());
        b.attribute(IceCredentials.PWD, local.ice().pwd());
        b.attribute(AttributeList.ICE_OPTIONS, "trickle");
        for (Fingerprint f : local.fingerprints()) {
            b.attribute(f);
        }
        b.attribute(setup);
        b.attribute(AttributeList.MID, mid);
    }

    /** Extensions, direction, msid, rtcp-mux and (when asked) rtcp-rsize, then the codecs. */
    static void rtp(MediaDescription.Builder b, List<ExtMap> extensions, Direction direction, Optional<Msid> msid,
                    RtcpReducedSize rsize, List<RtpCodec> codecs) {
        extensions.forEach(b::attribute);
        b.attribute(direction);
        msid.ifPresent(b::attribute);
        b.flag(AttributeList.RTCP_MUX);
        if (rsize == RtcpReducedSize.ON) {
            b.flag(AttributeList.RTCP_RSIZE);
        }
        for (RtpCodec c : codecs) {
            b.attribute(c.toRtpMap());
            for (RtcpFeedback f : c.feedback()) {
                b.attribute(f);
            }
            c.toFmtp().ifPresent(b::attribute);
        }
    }

    /** {@code a=ssrc-group:FID} (when RTX is used) and the {@code cname}/{@code msid} lines of a track. */
    static void sources(MediaDescription.Builder b, LocalTrack track, String cname, boolean rtxNegotiated) {
        if (track.ssrc().isEmpty()) {
            return;
        }
        long ssrc = track.ssrc().getAsLong();
        boolean withRtx = rtxNegotiated && track.rtxSsrc().isPresent();
        if (withRtx) {
            b.attribute(new SsrcGroup(SsrcGroup.FID, List.of(ssrc, track.rtxSsrc().getAsLong())));
        }
        writeSource(b, ssrc, track, cname);
        if (withRtx) {
            writeSource(b, track.rtxSsrc().getAsLong(), track, cname);
        }
    }

    private static void writeSource(MediaDescription.Builder b, long ssrc, LocalTrack track, String cname) {
        b.attribute(new SsrcAttribute(ssrc, "cname", cname));
        b.attribute(new SsrcAttribute(ssrc, "msid", track.streamId() + " " + track.trackId()));
    }

    /** Whether to write {@code a=rtcp-rsize}. */
    enum RtcpReducedSize { ON, OFF }
}
