package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The attributes of one level of an SDP (the session, or one media section), with typed views.
 * Every attribute with a typed view was checked when its description was built, so the typed
 * accessors never throw; attributes this library does not know are reachable through
 * {@link #named(String)}.
 */
public final class AttributeList {
    /** {@code a=mid} (RFC 5888). */
    public static final String MID = "mid";
    /** {@code a=rtcp-mux} (RFC 5761). */
    public static final String RTCP_MUX = "rtcp-mux";
    /** {@code a=rtcp-mux-only} (RFC 8858). */
    public static final String RTCP_MUX_ONLY = "rtcp-mux-only";
    /** {@code a=rtcp-rsize} (RFC 5506). */
    public static final String RTCP_RSIZE = "rtcp-rsize";
    /** {@code a=rtcp} (RFC 3605). */
    public static final String RTCP = "rtcp";
    /** {@code a=ice-options} (RFC 8839). */
    public static final String ICE_OPTIONS = "ice-options";
    /** {@code a=ice-lite} (RFC 8839). */
    public static final String ICE_LITE = "ice-lite";
    /** {@code a=end-of-candidates} (RFC 8840). */
    public static final String END_OF_CANDIDATES = "end-of-candidates";
    /** {@code a=bundle-only} (RFC 9143). */
    public static final String BUNDLE_ONLY = "bundle-only";
    /** {@code a=extmap-allow-mixed} (RFC 8285). */
    public static final String EXTMAP_ALLOW_MIXED = "extmap-allow-mixed";
    /** {@code a=sctp-port} (RFC 8841). */
    public static final String SCTP_PORT = "sctp-port";
    /** {@code a=max-message-size} (RFC 8841). */
    public static final String MAX_MESSAGE_SIZE = "max-message-size";
    /** {@code a=sctpmap}, the pre-RFC 8841 data channel form some stacks still send. */
    public static final String SCTPMAP = "sctpmap";
    /** {@code a=msid-semantic}, the pre-unified-plan stream list browsers still write. */
    public static final String MSID_SEMANTIC = "msid-semantic";

    private final List<Attribute> attributes;

    AttributeList(List<SdpLine> lines) {
        List<Attribute> out = new ArrayList<>();
        for (SdpLine l : lines) {
            if (l instanceof Attribute a) {
                out.add(a);
            }
        }
        this.attributes = List.copyOf(out);
    }

    /** Every attribute, in order. */
    public List<Attribute> all() {
        return attributes;
    }

    /** The attributes with this name, in order. */
    public List<Attribute> named(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).toList();
    }

    /** The first attribute with this name. */
    public Optional<Attribute> first(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** True when an attribute with this name is present. */
    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** The value of the first attribute with this name, stripped; empty for a flag. */
    public Optional<String> value(String name) {
        return first(name).map(Attribute::value).map(String::strip);
    }

    /** Reads one attribute value; throws checked exceptions for malformed text. */
    @FunctionalInterface
    interface ValueParser<T> {
        T parse(String value) throws ParseException;
    }

    private <T> List<T> typed(String name, ValueParser<T> parser) {
        List<T> out = new ArrayList<>();
        for (Attribute a : attributes) {
            if (a.name().equals(name)) {
                out.add(parseChecked(a, parser));
            }
        }
        return out;
    }

    private static <T> T parseChecked(Attribute a, ValueParser<T> parser) {
        try {
            return parser.parse(a.value());
        } catch (ParseException e) {
            // AttributeRules ran on this attribute when the description was built.
            throw new IllegalStateException("unchecked attribute reached a typed view: a=" + a.text(), e);
        }
    }

    /** {@code a=rtpmap} lines. */
    public List<RtpMap> rtpMaps() {
        return typed(RtpMap.NAME, RtpMap::parse);
    }

    /** {@code a=fmtp} lines. */
    public List<Fmtp> fmtps() {
        return typed(Fmtp.NAME, Fmtp::parse);
    }

    /** {@code a=rtcp-fb} lines. */
    public List<RtcpFeedback> rtcpFeedback() {
        return typed(RtcpFeedback.NAME, RtcpFeedback::parse);
    }

    /** {@code a=extmap} lines. */
    public List<ExtMap> extMaps() {
        return typed(ExtMap.NAME, ExtMap::parse);
    }

    /** {@code a=ssrc} lines. */
    public List<SsrcAttribute> ssrcs() {
        return typed(SsrcAttribute.NAME, SsrcAttribute::parse);
    }

    /** {@code a=ssrc-group} lines. */
    public List<SsrcGroup> ssrcGroups() {
        return typed(SsrcGroup.NAME, SsrcGroup::parse);
    }

    /** {@code a=msid} lines. */
    public List<Msid> msids() {
        return typed(Msid.NAME, Msid::parse);
    }

    /** {@code a=rid} lines. */
    public List<Rid> rids() {
        return typed(Rid.NAME, Rid::parse);
    }

    /** The first {@code a=simulcast} line. */
    public Optional<Simulcast> simulcast() {
        return typed(Simulcast.NAME, Simulcast::parse).stream().findFirst();
    }

    /** {@code a=candidate} lines. */
    public List<Candidate> candidates() {
        return typed(Candidate.NAME, Candidate::parse);
    }

    /** {@code a=fingerprint} lines. */
    public List<Fingerprint> fingerprints() {
        return typed(Fingerprint.NAME, Fingerprint::parse);
    }

    /** The first {@code a=setup}. */
    public Optional<Setup> setup() {
        return typed(Setup.NAME, Setup::parse).stream().findFirst();
    }

    /** {@code a=group} lines. */
    public List<Group> groups() {
        return typed(Group.NAME, Group::parse);
    }

    /** The first direction attribute (sendrecv, sendonly, recvonly, inactive). */
    public Optional<Direction> direction() {
        for (Attribute a : attributes) {
            Optional<Direction> d = Direction.fromName(a.name());
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** {@code a=mid}. */
    public Optional<String> mid() {
        return value(MID);
    }

    /** {@code a=ice-ufrag}. */
    public Optional<String> iceUfrag() {
        return value(IceCredentials.UFRAG);
    }

    /** {@code a=ice-pwd}. */
    public Optional<String> icePwd() {
        return value(IceCredentials.PWD);
    }

    /** The tokens of every {@code a=ice-options}, e.g. {@code trickle}. */
    public List<String> iceOptions() {
        List<String> out = new ArrayList<>();
        named(ICE_OPTIONS).forEach(a -> out.addAll(Tokens.fields(a.value())));
        return out;
    }

    /** {@code a=sctp-port}. */
    public OptionalInt sctpPort() {
        return value(SCTP_PORT).map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }

    /** {@code a=max-message-size}. */
    public OptionalLong maxMessageSize() {
        return value(MAX_MESSAGE_SIZE).map(v -> OptionalLong.of(Long.parseLong(v))).orElse(OptionalLong.empty());
    }
}
