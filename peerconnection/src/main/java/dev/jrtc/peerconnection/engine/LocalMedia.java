package dev.jrtc.peerconnection.engine;

import dev.jrtc.ice.IceCredentials;
import dev.jrtc.sdp.Fingerprint;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.jsep.DataChannelCapability;
import dev.jrtc.sdp.jsep.LocalCapabilities;
import dev.jrtc.sdp.jsep.LocalTrack;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What this side puts into its descriptions: the capabilities (only codecs jrtc can carry, with their
 * RTX), our RTCP CNAME, and new local tracks with fresh random ids and SSRCs.
 */
final class LocalMedia {
    private final EngineConfig config;
    private final String cname;

    /** Draws the CNAME from the configured random source now, so a seeded engine stays reproducible. */
    LocalMedia(EngineConfig config) {
        this.config = config;
        byte[] c = new byte[8];
        config.random().nextBytes(c);
        this.cname = HexFormat.of().formatHex(c);
    }

    /** The RTCP CNAME of every stream we send. */
    String cname() {
        return cname;
    }

    /** The capabilities to offer or answer with, under our current ICE credentials. */
    LocalCapabilities capabilities(IceCredentials ice) {
        Fingerprint fp = Fingerprint.of("sha-256", config.certificate().fingerprint().digest());
        LocalCapabilities caps = LocalCapabilities.defaults(new dev.jrtc.sdp.IceCredentials(ice.ufrag(), ice.password()),
                List.of(fp));
        for (MediaKind kind : List.of(MediaKind.AUDIO, MediaKind.VIDEO)) {
            List<RtpCodec> supported = caps.codecs(kind).stream().filter(CodecSupport::supports).toList();
            List<RtpCodec> withRtx = new ArrayList<>(supported);
            // An RTX format is offered only for a codec we kept.
            for (RtpCodec c : caps.codecs(kind)) {
                if (c.isRtx() && supported.stream().anyMatch(s -> s.payloadType() == c.associatedPayloadType().orElse(-1))) {
                    withRtx.add(c);
                }
            }
            caps = caps.withCodecs(kind, withRtx);
        }
        return caps.withDataChannel(Optional.of(new DataChannelCapability(5000,
                SctpDataChannels.LOCAL_MAX_MESSAGE_SIZE))).withCname(cname);
    }

    /** A new track for a transceiver, with a media SSRC and an RTX SSRC. */
    LocalTrack newTrack(MediaKind kind) {
        byte[] id = new byte[6];
        config.random().nextBytes(id);
        String hex = HexFormat.of().formatHex(id);
        return LocalTrack.of(kind, "jrtc-" + hex, kind.token() + "-" + hex).withSsrcs(newSsrc(), newSsrc());
    }

    private long newSsrc() {
        long s;
        do {
            s = config.random().nextLong() & 0xFFFF_FFFFL; // any 32-bit value but 0
        } while (s == 0);
        return s;
    }
}
