package dev.jrtc.peerconnection.engine;

import dev.jrtc.rtp.codec.Depacketizer;
import dev.jrtc.rtp.codec.H264Depacketizer;
import dev.jrtc.rtp.codec.H264Packetizer;
import dev.jrtc.rtp.codec.OpusDepacketizer;
import dev.jrtc.rtp.codec.OpusPacketizer;
import dev.jrtc.rtp.codec.Packetizer;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.codec.Vp8Packetizer;
import dev.jrtc.sdp.RtpCodec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/** The codecs the engine can packetize and depacketize, matched by encoding name. */
final class CodecSupport {
    private CodecSupport() {
    }

    /** The encoding names jrtc can carry, for reports. */
    static final List<String> NAMES = List.of("VP8", "H264", "opus");

    /** Whether frames of the codec with this encoding name can be carried. */
    static boolean supportsName(String name) {
        return NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(name));
    }

    /** Whether frames of this codec can be carried. */
    static boolean supports(RtpCodec codec) {
        return codec.isNamed("VP8") || codec.isNamed("H264") || codec.isNamed("opus");
    }

    /** The first supported, non-RTX codec of a negotiated section: the one the sender uses. */
    static Optional<RtpCodec> primary(List<RtpCodec> negotiated) {
        return negotiated.stream().filter(c -> !c.isRtx() && supports(c)).findFirst();
    }

    /**
     * Whether generic NACK ({@code a=rtcp-fb:<pt> nack}, RFC 4585 section 4.2) was negotiated for
     * {@code codec}. Only {@code nack} without a parameter counts: {@code nack pli} asks for key
     * frames, not for retransmissions.
     */
    static boolean negotiatesNack(RtpCodec codec) {
        return codec.feedback().stream().anyMatch(f -> f.appliesTo(codec.payloadType())
                && f.type().equalsIgnoreCase("nack") && f.parameter().isEmpty());
    }

    /** The RTX payload type repairing {@code codec}, if negotiated. */
    static OptionalInt rtxFor(List<RtpCodec> negotiated, RtpCodec codec) {
        for (RtpCodec c : negotiated) {
            if (c.isRtx() && c.associatedPayloadType().orElse(-1) == codec.payloadType()) {
                return OptionalInt.of(c.payloadType());
            }
        }
        return OptionalInt.empty();
    }

    static Supplier<Depacketizer> depacketizer(RtpCodec codec) {
        if (codec.isNamed("VP8")) {
            return Vp8Depacketizer::new;
        }
        if (codec.isNamed("H264")) {
            int mode = codec.parameter("packetization-mode").filter("1"::equals).isPresent() ? 1 : 0;
            return () -> new H264Depacketizer(mode);
        }
        if (codec.isNamed("opus")) {
            return OpusDepacketizer::new;
        }
        throw new IllegalArgumentException("no depacketizer for " + codec.name());
    }

    /** A packetizer factory; VP8 needs a first picture id, which {@code pictureIds} supplies. */
    static Supplier<Packetizer> packetizer(RtpCodec codec, IntFunction<Integer> pictureIds) {
        if (codec.isNamed("VP8")) {
            int first = pictureIds.apply(0x8000);
            return () -> new Vp8Packetizer(first);
        }
        if (codec.isNamed("H264")) {
            return H264Packetizer::new;
        }
        if (codec.isNamed("opus")) {
            return OpusPacketizer::new;
        }
        throw new IllegalArgumentException("no packetizer for " + codec.name());
    }
}
