package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.ExtMap;
import dev.jrtc.sdp.Fingerprint;
import dev.jrtc.sdp.IceCredentials;
import dev.jrtc.sdp.RtcpFeedback;
import dev.jrtc.sdp.RtpCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What this endpoint can do and who it is: ICE credentials, DTLS fingerprints, codecs and header
 * extensions per media kind (with our payload types and ids, used in offers), data channel
 * support, the tracks we want to send, and the session id and CNAME we write. Immutable; the
 * {@code with...} methods return changed copies.
 */
public final class LocalCapabilities {
    /** {@code urn:ietf:params:rtp-hdrext:sdes:mid} (RFC 9143). */
    public static final String EXT_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** The abs-send-time extension. */
    public static final String EXT_ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    /** The transport-wide congestion control extension. */
    public static final String EXT_TRANSPORT_WIDE_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /** {@code urn:ietf:params:rtp-hdrext:ssrc-audio-level} (RFC 6464). */
    public static final String EXT_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    private final IceCredentials ice;
    private final List<Fingerprint> fingerprints;
    private final Map<MediaKind, List<RtpCodec>> codecs;
    private final Map<MediaKind, List<ExtMap>> extensions;
    private final Optional<DataChannelCapability> dataChannel;
    private final List<LocalTrack> tracks;
    private final Map<MediaKind, Direction> directionWishes;
    private final long sessionId;
    private final String cname;

    private LocalCapabilities(IceCredentials ice, List<Fingerprint> fingerprints, Map<MediaKind, List<RtpCodec>> codecs,
                              Map<MediaKind, List<ExtMap>> extensions, Optional<DataChannelCapability> dataChannel,
                              List<LocalTrack> tracks, Map<MediaKind, Direction> directionWishes, long sessionId,
                              String cname) {
        this.ice = Objects.requireNonNull(ice);
        this.fingerprints = List.copyOf(fingerprints);
        if (this.fingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one DTLS fingerprint is needed");
        }
        this.codecs = copy(codecs);
        this.extensions = copy(extensions);
        this.dataChannel = Objects.requireNonNull(dataChannel);
        this.tracks = List.copyOf(tracks);
        this.directionWishes = directionWishes.isEmpty() ? Map.of() : Map.copyOf(directionWishes);
        if (sessionId < 0) {
            throw new IllegalArgumentException("session id must not be negative");
        }
        this.sessionId = sessionId;
        if (cname.isEmpty() || cname.contains(" ")) {
            throw new IllegalArgumentException("bad CNAME");
        }
        this.cname = cname;
    }

    private static <T> Map<MediaKind, List<T>> copy(Map<MediaKind, List<T>> in) {
        Map<MediaKind, List<T>> out = new EnumMap<>(MediaKind.class);
        in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /**
     * A browser-like default set: audio opus/48000/2 ({@code minptime=10;useinbandfec=1}), PCMU,
     * PCMA, telephone-event at 48000 and 8000; video VP8 and H.264 42001f (mode 1), 42e01f (modes 1
     * and 0), 4d001f and 640c1f (mode 1), each with RTX; rtcp-fb goog-remb, transport-cc, ccm fir,
     * nack, nack pli; extensions audio-level (audio only), abs-send-time, transport-wide-cc, mid;
     * data channels on SCTP port 5000 with a 256 KiB message limit. The session id and CNAME are
     * derived from the (random) ICE password, so they are as unpredictable as it is and repeat when
     * a test repeats it.
     *
     * @param iceUfrag            4..256 ice-chars
     * @param icePwd              22..256 ice-chars
     * @param sha256FingerprintHex the certificate's SHA-256 as {@code AB:CD:...}
     */
    public static LocalCapabilities defaults(String iceUfrag, String icePwd, String sha256FingerprintHex) {
        return defaults(new IceCredentials(iceUfrag, icePwd), List.of(new Fingerprint("sha-256", sha256FingerprintHex)));
    }

    /** The defaults of {@link #defaults(String, String, String)} with any credentials and fingerprints. */
    public static LocalCapabilities defaults(IceCredentials ice, List<Fingerprint> fingerprints) {
        Map<MediaKind, List<RtpCodec>> codecs = new EnumMap<>(MediaKind.class);
        codecs.put(MediaKind.AUDIO, DefaultCodecs.audio());
        codecs.put(MediaKind.VIDEO, DefaultCodecs.video());
        Map<MediaKind, List<ExtMap>> ext = new EnumMap<>(MediaKind.class);
        ext.put(MediaKind.AUDIO, List.of(ExtMap.of(1, EXT_AUDIO_LEVEL), ExtMap.of(2, EXT_ABS_SEND_TIME),
                ExtMap.of(3, EXT_TRANSPORT_WIDE_CC), ExtMap.of(4, EXT_MID)));
        ext.put(MediaKind.VIDEO, List.of(ExtMap.of(2, EXT_ABS_SEND_TIME), ExtMap.of(3, EXT_TRANSPORT_WIDE_CC),
                ExtMap.of(4, EXT_MID)));
        byte[] seed = sha256(ice.ufrag() + ":" + ice.pwd());
        long sessionId = 0;
        for (int i = 0; i < 8; i++) {
            sessionId = (sessionId << 8) | (seed[i] & 0xff);
        }
        sessionId &= 0x3FFF_FFFF_FFFF_FFFFL; // positive and below 2^62, as browsers keep it
        String cname = HexFormat.of().formatHex(seed, 8, 20);
        return new LocalCapabilities(ice, fingerprints, codecs, ext, Optional.of(DataChannelCapability.DEFAULT),
                List.of(), Map.of(), sessionId, cname);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Our ICE credentials. */
    public IceCredentials ice() {
        return ice;
    }

    /** Our DTLS fingerprints. */
    public List<Fingerprint> fingerprints() {
        return fingerprints;
    }

    /** Our codecs for a kind, in preference order, with our payload types. */
    public List<RtpCodec> codecs(MediaKind kind) {
        return codecs.getOrDefault(kind, List.of());
    }

    /** Our header extensions for a kind, with our ids. */
    public List<ExtMap> extensions(MediaKind kind) {
        return extensions.getOrDefault(kind, List.of());
    }

    /** Data channel support, if any. */
    public Optional<DataChannelCapability> dataChannel() {
        return dataChannel;
    }

    /** The tracks we send, in the order they are given to sections. */
    public List<LocalTrack> tracks() {
        return tracks;
    }

    /** The direction we want for sections of this kind, if set; otherwise it follows from our tracks. */
    public Optional<Direction> directionWish(MediaKind kind) {
        return Optional.ofNullable(directionWishes.get(kind));
    }

    /** The {@code o=} session id. */
    public long sessionId() {
        return sessionId;
    }

    /** The RTCP CNAME written in {@code a=ssrc:<ssrc> cname:}. */
    public String cname() {
        return cname;
    }

    /** With these codecs for a kind (RTX entries carry {@code apt=} to our payload types). */
    public LocalCapabilities withCodecs(MediaKind kind, List<RtpCodec> kindCodecs) {
        Map<MediaKind, List<RtpCodec>> c = new EnumMap<>(MediaKind.class);
        c.putAll(codecs);
        c.put(kind, kindCodecs);
        return new LocalCapabilities(ice, fingerprints, c, extensions, dataChannel, tracks, directionWishes, sessionId, cname);
    }

    /** With these header extensions for a kind. */
    public LocalCapabilities withExtensions(MediaKind kind, List<ExtMap> kindExtensions) {
        Map<MediaKind, List<ExtMap>> e = new EnumMap<>(MediaKind.class);
        e.putAll(extensions);
        e.put(kind, kindExtensions);
        return new LocalCapabilities(ice, fingerprints, codecs, e, dataChannel, tracks, directionWishes, sessionId, cname);
    }

    /** With data channels as given (empty: we reject data channel sections). */
    public LocalCapabilities withDataChannel(Optional<DataChannelCapability> capability) {
        return new LocalCapabilities(ice, fingerprints, codecs, extensions, capability, tracks, directionWishes, sessionId, cname);
    }

    /** With these tracks to send. */
    public LocalCapabilities withTracks(List<LocalTrack> newTracks) {
        return new LocalCapabilities(ice, fingerprints, codecs, extensions, dataChannel, newTracks, directionWishes, sessionId, cname);
    }

    /** With a fixed wish for sections of one kind (e.g. inactive to refuse video without rejecting it). */
    public LocalCapabilities withDirectionWish(MediaKind kind, Direction wish) {
        Map<MediaKind, Direction> w = new LinkedHashMap<>(directionWishes);
        w.put(kind, wish);
        return new LocalCapabilities(ice, fingerprints, codecs, extensions, dataChannel, tracks, w, sessionId, cname);
    }

    /** With another session id. */
    public LocalCapabilities withSessionId(long id) {
        return new LocalCapabilities(ice, fingerprints, codecs, extensions, dataChannel, tracks, directionWishes, id, cname);
    }

    /** With another CNAME. */
    public LocalCapabilities withCname(String newCname) {
        return new LocalCapabilities(ice, fingerprints, codecs, extensions, dataChannel, tracks, directionWishes, sessionId, newCname);
    }

    /** The default codec lists: one place that spells them out. */
    private static final class DefaultCodecs {
        private static final List<RtcpFeedback> VIDEO_FEEDBACK = List.of(
                RtcpFeedback.of(0, "goog-remb", ""), RtcpFeedback.of(0, "transport-cc", ""),
                RtcpFeedback.of(0, "ccm", "fir"), RtcpFeedback.of(0, "nack", ""), RtcpFeedback.of(0, "nack", "pli"));

        static List<RtpCodec> audio() {
            Map<String, String> opus = new LinkedHashMap<>();
            opus.put("minptime", "10");
            opus.put("useinbandfec", "1");
            return List.of(
                    new RtpCodec(111, "opus", 48000, 2, opus, List.of(RtcpFeedback.of(111, "transport-cc", ""))),
                    new RtpCodec(0, "PCMU", 8000, 1, Map.of(), List.of()),
                    new RtpCodec(8, "PCMA", 8000, 1, Map.of(), List.of()),
                    new RtpCodec(110, "telephone-event", 48000, 1, Map.of(), List.of()),
                    new RtpCodec(126, "telephone-event", 8000, 1, Map.of(), List.of()));
        }

        static List<RtpCodec> video() {
            List<RtpCodec> out = new ArrayList<>();
            addWithRtx(out, 96, "VP8", Map.of());
            addWithRtx(out, 102, "H264", h264("42001f", "1"));
            addWithRtx(out, 108, "H264", h264("42e01f", "1"));
            addWithRtx(out, 114, "H264", h264("42e01f", "0"));
            addWithRtx(out, 116, "H264", h264("4d001f", "1"));
            addWithRtx(out, 112, "H264", h264("640c1f", "1"));
            return out;
        }

        private static Map<String, String> h264(String profileLevelId, String packetizationMode) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("level-asymmetry-allowed", "1");
            p.put("packetization-mode", packetizationMode);
            p.put("profile-level-id", profileLevelId);
            return p;
        }

        /** The codec at {@code pt} and its RTX at {@code pt + 1}. */
        private static void addWithRtx(List<RtpCodec> out, int pt, String name, Map<String, String> params) {
            out.add(new RtpCodec(pt, name, 90000, 1, params, VIDEO_FEEDBACK).withPayloadType(pt));
            out.add(new RtpCodec(pt + 1, RtpCodec.RTX, 90000, 1, Map.of("apt", Integer.toString(pt)), List.of()));
        }
    }
}
