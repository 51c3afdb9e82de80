package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed SDP (RFC 8866): the session-level lines, then the media sections. Every line keeps the
 * text it was read with, so {@code parse(s).toSdpString()} equals {@code s} byte for byte when
 * {@code s} uses CRLF and has no blank lines (with LF-only input it equals {@code s} with CRLF
 * line endings). Immutable.
 */
public final class SessionDescription {
    private final List<SdpLine> sessionLines;
    private final Origin origin;
    private final List<MediaDescription> media;
    private final AttributeList attributes;

    SessionDescription(List<SdpLine> sessionLines, Origin origin, List<MediaDescription> media) {
        this.sessionLines = List.copyOf(sessionLines);
        this.origin = origin;
        this.media = List.copyOf(media);
        this.attributes = new AttributeList(this.sessionLines);
    }

    /** Parses with {@link SdpLimits#DEFAULT}. */
    public static SessionDescription parse(String sdp) throws ParseException {
        return parse(sdp, SdpLimits.DEFAULT);
    }

    /** Parses with the given limits. */
    public static SessionDescription parse(String sdp, SdpLimits limits) throws ParseException {
        Objects.requireNonNull(sdp, "sdp");
        return SdpParser.parse(sdp, limits);
    }

    /** A builder that writes {@code v=0}, the origin, {@code s=-} and {@code t=0 0}, as browsers do. */
    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    /** The SDP text, each line ending in CRLF. */
    public String toSdpString() {
        return SdpWriter.write(sessionLines, media);
    }

    /** The session-level lines (before the first {@code m=}), in order. */
    public List<SdpLine> sessionLines() {
        return sessionLines;
    }

    /** The media sections, in order. */
    public List<MediaDescription> media() {
        return media;
    }

    /** The {@code o=} line. */
    public Origin origin() {
        return origin;
    }

    /** The {@code s=} text. */
    public String sessionName() {
        return sessionLines.stream().filter(l -> l.type() == 's').map(SdpLine::text).findFirst().orElse("");
    }

    /** The session-level attributes, with typed views. */
    public AttributeList attributes() {
        return attributes;
    }

    /** The first {@code a=group:BUNDLE}. */
    public Optional<Group> bundleGroup() {
        return attributes.groups().stream().filter(Group::isBundle).findFirst();
    }

    /** True for {@code a=ice-lite}. */
    public boolean isIceLite() {
        return attributes.has(AttributeList.ICE_LITE);
    }

    /** The section's direction, else the session's, else sendrecv (RFC 8866 section 6.7). */
    public Direction directionOf(MediaDescription m) {
        return m.direction().or(attributes::direction).orElse(Direction.SENDRECV);
    }

    /** The section's fingerprints, else the session's (RFC 8122 allows both levels). */
    public List<Fingerprint> fingerprintsOf(MediaDescription m) {
        List<Fingerprint> own = m.attributes().fingerprints();
        return own.isEmpty() ? attributes.fingerprints() : own;
    }

    /** The section's {@code a=setup}, else the session's. */
    public Optional<Setup> setupOf(MediaDescription m) {
        return m.attributes().setup().or(attributes::setup);
    }

    /** The section's ICE ufrag, else the session's. */
    public Optional<String> iceUfragOf(MediaDescription m) {
        return m.attributes().iceUfrag().or(attributes::iceUfrag);
    }

    /** The section's ICE password, else the session's. */
    public Optional<String> icePwdOf(MediaDescription m) {
        return m.attributes().icePwd().or(attributes::icePwd);
    }

    /** The section's ice-options, else the session's. */
    public List<String> iceOptionsOf(MediaDescription m) {
        List<String> own = m.attributes().iceOptions();
        return own.isEmpty() ? attributes.iceOptions() : own;
    }

    /** The media section with this mid. */
    public Optional<MediaDescription> mediaByMid(String mid) {
        return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
    }

    /** This description with its media sections replaced. */
    public SessionDescription withMedia(List<MediaDescription> newMedia) {
        return new SessionDescription(sessionLines, origin, newMedia);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionDescription other && sessionLines.equals(other.sessionLines)
                && media.equals(other.media);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sessionLines, media);
    }

    @Override
    public String toString() {
        return toSdpString();
    }

    /** Collects session-level attributes and media sections. */
    public static final class Builder {
        private final List<SdpLine> lines = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();
        private final Origin origin;

        private Builder(Origin origin) {
            this.origin = Objects.requireNonNull(origin);
            lines.add(new TextLine('v', "0"));
            lines.add(new TextLine('o', origin.text()));
            lines.add(new TextLine('s', "-"));
            lines.add(new TextLine('t', "0 0"));
        }

        /** Appends a session-level typed attribute. */
        public Builder attribute(AttributeValue value) {
            return attribute(value.toAttribute());
        }

        /** Appends a session-level attribute. */
        public Builder attribute(Attribute attribute) {
            try {
                LineRules.check(attribute);
            } catch (ParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            lines.add(attribute);
            return this;
        }

        /** Appends a media section. */
        public Builder media(MediaDescription section) {
            media.add(Objects.requireNonNull(section));
            return this;
        }

        /** The description. */
        public SessionDescription build() {
            return new SessionDescription(lines, origin, media);
        }
    }
}
