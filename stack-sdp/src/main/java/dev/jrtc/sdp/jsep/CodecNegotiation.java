package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.RtcpFeedback;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.codec.CodecMatcher;
import dev.jrtc.sdp.codec.H264Formats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The codecs of an answer (RFC 3264 section 6.1, RFC 9429 section 5.3.1): the offered codecs we
 * also support, in the offerer's order and under the offerer's payload types, with our fmtp
 * parameters, the rtcp-fb both sides listed, and an RTX format for each accepted codec when both
 * sides have RTX for it.
 */
public final class CodecNegotiation {
    private CodecNegotiation() {}

    /** The answer's codecs; empty when nothing but RTX (or nothing at all) matched. */
    public static List<RtpCodec> answer(List<RtpCodec> offered, List<RtpCodec> local) {
        // offered payload type -> the local codec it was matched with
        Map<Integer, RtpCodec> matchedLocal = new HashMap<>();
        Map<Integer, RtpCodec> accepted = new LinkedHashMap<>();
        for (RtpCodec o : offered) {
            if (o.isRtx()) {
                continue;
            }
            Optional<RtpCodec> l = local.stream().filter(c -> !c.isRtx() && CodecMatcher.matches(o, c)).findFirst();
            if (l.isPresent()) {
                matchedLocal.put(o.payloadType(), l.get());
                accepted.put(o.payloadType(), answerCodec(o, l.get()));
            }
        }
        for (RtpCodec o : offered) {
            OptionalInt apt = o.associatedPayloadType();
            if (!o.isRtx() || apt.isEmpty() || !matchedLocal.containsKey(apt.getAsInt())) {
                continue;
            }
            int repairedLocalPt = matchedLocal.get(apt.getAsInt()).payloadType();
            local.stream()
                    .filter(c -> c.isRtx() && c.clockRate() == o.clockRate()
                            && c.associatedPayloadType().equals(OptionalInt.of(repairedLocalPt)))
                    .findFirst()
                    .ifPresent(l -> accepted.putIfAbsent(o.payloadType(), answerRtx(o, l, apt.getAsInt())));
        }
        // The offerer's order, which is also its preference order.
        List<RtpCodec> out = new ArrayList<>();
        for (RtpCodec o : offered) {
            RtpCodec a = accepted.remove(o.payloadType());
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    private static RtpCodec answerCodec(RtpCodec offered, RtpCodec local) {
        Map<String, String> params = offered.isNamed("H264")
                ? H264Formats.answerParameters(local.parameters(), offered.parameters())
                : local.parameters();
        return new RtpCodec(offered.payloadType(), offered.name(), offered.clockRate(), offered.channels(), params,
                commonFeedback(offered, local));
    }

    private static RtpCodec answerRtx(RtpCodec offered, RtpCodec local, int apt) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("apt", Integer.toString(apt));
        local.parameters().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("apt")) {
                params.put(k, v);
            }
        });
        return new RtpCodec(offered.payloadType(), offered.name(), offered.clockRate(), offered.channels(), params,
                commonFeedback(offered, local));
    }

    /** The offered feedback lines that we also listed, moved to the offered payload type, without repeats. */
    static List<RtcpFeedback> commonFeedback(RtpCodec offered, RtpCodec local) {
        List<RtcpFeedback> out = new ArrayList<>();
        for (RtcpFeedback f : offered.feedback()) {
            boolean ours = local.feedback().stream().anyMatch(f::sameKind);
            boolean repeat = out.stream().anyMatch(f::sameKind);
            if (ours && !repeat) {
                out.add(f.withPayloadType(offered.payloadType()));
            }
        }
        return out;
    }
}
