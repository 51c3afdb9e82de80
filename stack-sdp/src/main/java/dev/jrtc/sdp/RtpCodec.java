package dev.jrtc.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One RTP payload format of a media section, gathered from its {@code a=rtpmap}, {@code a=fmtp}
 * and {@code a=rtcp-fb} lines (or the RFC 3551 table for static payload types).
 *
 * @param payloadType 0..127
 * @param name        encoding name as written, e.g. {@code opus}, {@code H264}, {@code rtx}
 * @param clockRate   in Hz
 * @param channels    audio channels; 1 when the rtpmap names none
 * @param parameters  the fmtp parameters in order (see {@link Fmtp#parameterMap()})
 * @param feedback    the rtcp-fb lines for this payload type, including {@code *} ones
 */
public record RtpCodec(int payloadType, String name, int clockRate, int channels, Map<String, String> parameters,
                       List<RtcpFeedback> feedback) {
    /** The RTX encoding name (RFC 4588). */
    public static final String RTX = "rtx";

    /** Validates and copies. */
    public RtpCodec {
        new RtpMap(payloadType, name, clockRate, OptionalInt.empty()); // same field rules
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be positive: " + channels);
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        feedback = List.copyOf(feedback);
    }

    /** True when this is an RTX format (RFC 4588). */
    public boolean isRtx() {
        return name.equalsIgnoreCase(RTX);
    }

    /** True when the encoding name equals {@code other}, ignoring case as RFC 4855 asks. */
    public boolean isNamed(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** An fmtp parameter by name, ignoring case. */
    public Optional<String> parameter(String key) {
        for (var e : parameters.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** For RTX: the payload type it repairs ({@code apt=}), if present and a valid number. */
    public OptionalInt associatedPayloadType() {
        Optional<String> apt = parameter("apt");
        if (apt.isEmpty() || !Tokens.isDigits(apt.get()) || apt.get().length() > 3) {
            return OptionalInt.empty();
        }
        int v = Integer.parseInt(apt.get());
        return v <= 127 ? OptionalInt.of(v) : OptionalInt.empty();
    }

    /** The same codec under another payload type (its feedback moves with it). */
    public RtpCodec withPayloadType(int pt) {
        List<RtcpFeedback> fb = new ArrayList<>();
        feedback.forEach(f -> fb.add(f.withPayloadType(pt)));
        return new RtpCodec(pt, name, clockRate, channels, parameters, fb);
    }

    /** The same codec with other fmtp parameters. */
    public RtpCodec withParameters(Map<String, String> newParameters) {
        return new RtpCodec(payloadType, name, clockRate, channels, newParameters, feedback);
    }

    /** The same codec with other feedback. */
    public RtpCodec withFeedback(List<RtcpFeedback> newFeedback) {
        return new RtpCodec(payloadType, name, clockRate, channels, parameters, newFeedback);
    }

    /**
     * The {@code a=rtpmap}. Channels are written for audio-rate codecs when not 1, and always for
     * opus, whose rtpmap RFC 7587 fixes as {@code opus/48000/2}.
     */
    public RtpMap toRtpMap() {
        boolean writeChannels = channels != 1 || name.toLowerCase(Locale.ROOT).equals("opus");
        return new RtpMap(payloadType, name, clockRate, writeChannels ? OptionalInt.of(channels) : OptionalInt.empty());
    }

    /** The {@code a=fmtp}, if there are parameters. */
    public Optional<Fmtp> toFmtp() {
        return parameters.isEmpty() ? Optional.empty() : Optional.of(Fmtp.of(payloadType, parameters));
    }

    /** {@code name/clock[/channels]}, for logs. */
    @Override
    public String toString() {
        return payloadType + " " + toRtpMap().attributeValue().substring(Integer.toString(payloadType).length() + 1)
                + (parameters.isEmpty() ? "" : " " + Fmtp.formatParameters(parameters));
    }
}
