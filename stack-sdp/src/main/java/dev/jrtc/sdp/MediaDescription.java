package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One media section: its {@code m=} line and the lines after it, in order and as written. Immutable;
 * build new ones with {@link #builder(MediaLine)} or {@link #toBuilder()}.
 */
public final class MediaDescription {
    private final TextLine mLine;
    private final MediaLine mediaLine;
    private final List<SdpLine> lines;
    private final AttributeList attributes;

    /** For the parser and the builder, which have checked every line already. */
    MediaDescription(TextLine mLine, MediaLine mediaLine, List<SdpLine> lines) {
        this.mLine = mLine;
        this.mediaLine = mediaLine;
        this.lines = List.copyOf(lines);
        this.attributes = new AttributeList(this.lines);
    }

    /** A builder for a new section. */
    public static Builder builder(MediaLine mediaLine) {
        return new Builder(mediaLine.toLine(), List.of());
    }

    /** A builder that starts from this section's lines (the {@code m=} line kept as written). */
    public Builder toBuilder() {
        return new Builder(mLine, lines);
    }

    /** The {@code m=} line as written. */
    public TextLine mLine() {
        return mLine;
    }

    /** The typed {@code m=} line. */
    public MediaLine mediaLine() {
        return mediaLine;
    }

    /** The media type, e.g. {@code audio}. */
    public String kind() {
        return mediaLine.media();
    }

    /** The port of the {@code m=} line. */
    public int port() {
        return mediaLine.port();
    }

    /** The lines after {@code m=}, in order. */
    public List<SdpLine> lines() {
        return lines;
    }

    /** The attributes, with typed views. */
    public AttributeList attributes() {
        return attributes;
    }

    /** {@code a=mid}. */
    public Optional<String> mid() {
        return attributes.mid();
    }

    /** The direction written in this section, if any (see {@link SessionDescription#directionOf}). */
    public Optional<Direction> direction() {
        return attributes.direction();
    }

    /** The section's {@code c=} line, if any. */
    public Optional<Connection> connection() {
        for (SdpLine l : lines) {
            if (l.type() == 'c') {
                try {
                    return Optional.of(Connection.parse(l.text()));
                } catch (ParseException e) {
                    throw new IllegalStateException("c= line was checked when the section was built", e);
                }
            }
        }
        return Optional.empty();
    }

    /** True for {@code a=bundle-only} (RFC 9143): port 0 then does not mean rejected. */
    public boolean isBundleOnly() {
        return attributes.has(AttributeList.BUNDLE_ONLY);
    }

    /** True when the section is rejected or disabled: port 0 and not bundle-only. */
    public boolean isRejected() {
        return port() == 0 && !isBundleOnly();
    }

    /**
     * The RTP payload formats in {@code m=} line order. A format with neither an rtpmap nor a
     * static assignment is not a codec and is left out; so is everything in a non-RTP section.
     */
    public List<RtpCodec> codecs() {
        if (!mediaLine.isRtp()) {
            return List.of();
        }
        List<RtpMap> maps = attributes.rtpMaps();
        List<Fmtp> fmtps = attributes.fmtps();
        List<RtcpFeedback> feedback = attributes.rtcpFeedback();
        List<RtpCodec> out = new ArrayList<>();
        for (String fmt : mediaLine.formats()) {
            int pt = Integer.parseInt(fmt);
            Optional<RtpMap> map = maps.stream().filter(m -> m.payloadType() == pt).findFirst()
                    .or(() -> StaticPayloadTypes.lookup(pt));
            if (map.isEmpty() || out.stream().anyMatch(c -> c.payloadType() == pt)) {
                continue;
            }
            Map<String, String> params = fmtps.stream().filter(f -> samePayloadType(f.format(), pt)).findFirst()
                    .map(Fmtp::parameterMap).orElse(Map.of());
            List<RtcpFeedback> fb = feedback.stream().filter(f -> f.appliesTo(pt)).toList();
            RtpMap m = map.get();
            out.add(new RtpCodec(pt, m.encodingName(), m.clockRate(), m.encodingParameters().orElse(1), params, fb));
        }
        return out;
    }

    private static boolean samePayloadType(String format, int pt) {
        return Tokens.isDigits(format) && format.length() <= 3 && Integer.parseInt(format) == pt;
    }

    /** This section with another port on its {@code m=} line (e.g. 0 to reject it). */
    public MediaDescription withPort(int port) {
        MediaLine ml = mediaLine.withPort(port);
        return new MediaDescription(ml.toLine(), ml, lines);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MediaDescription other && mLine.equals(other.mLine) && lines.equals(other.lines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mLine, lines);
    }

    @Override
    public String toString() {
        return "MediaDescription[" + mLine.line() + ", " + lines.size() + " lines]";
    }

    /** Collects the lines of a section; {@link #build()} checks them as the parser would. */
    public static final class Builder {
        private TextLine mLine;
        private final List<SdpLine> lines;

        private Builder(TextLine mLine, List<SdpLine> lines) {
            this.mLine = mLine;
            this.lines = new ArrayList<>(lines);
        }

        /** Replaces the {@code m=} line. */
        public Builder mediaLine(MediaLine mediaLine) {
            this.mLine = mediaLine.toLine();
            return this;
        }

        /** Appends any line. */
        public Builder line(SdpLine line) {
            lines.add(Objects.requireNonNull(line));
            return this;
        }

        /** Appends a typed attribute. */
        public Builder attribute(AttributeValue value) {
            return line(value.toAttribute());
        }

        /** Appends {@code a=name:value}. */
        public Builder attribute(String name, String value) {
            return line(Attribute.of(name, value));
        }

        /** Appends the flag {@code a=name}. */
        public Builder flag(String name) {
            return line(Attribute.flag(name));
        }

        /** Removes every attribute with this name. */
        public Builder removeAttributes(String name) {
            lines.removeIf(l -> l instanceof Attribute a && a.name().equals(name));
            return this;
        }

        /**
         * Checks every line as the parser would and builds the section.
         *
         * @throws IllegalArgumentException naming the first line that the parser would reject
         */
        public MediaDescription build() {
            MediaLine ml;
            try {
                ml = MediaLine.parse(mLine.text());
                for (SdpLine l : lines) {
                    if (l.type() == 'm' || LineRules.isSessionOnly(l.type())) {
                        throw new ParseException(l.type() + "= is not allowed in a media section");
                    }
                    LineRules.check(l);
                }
            } catch (ParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            return new MediaDescription(mLine, ml, lines);
        }
    }
}
