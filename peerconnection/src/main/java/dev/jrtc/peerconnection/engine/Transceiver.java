package dev.jrtc.peerconnection.engine;

import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.LocalTrack;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One RTP transceiver (W3C {@code RTCRtpTransceiver}) as the engine sees it: a kind, the direction
 * we want, our sending track with its SSRCs, and, once negotiated, a mid and a current direction.
 * Read-only outside the engine; change it through the engine.
 */
public final class Transceiver {
    private final MediaKind kind;
    private Direction direction;
    private boolean stopped;
    private boolean createdByRemoteOffer;
    private java.util.List<String> codecPreferences = java.util.List.of();
    private final LocalTrack track;
    private String mid;
    private Direction currentDirection;
    private MediaSession session;

    Transceiver(MediaKind kind, Direction direction, LocalTrack track) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.track = Objects.requireNonNull(track, "track");
    }

    /** Audio or video. */
    public MediaKind kind() {
        return kind;
    }

    /** The direction we ask for ({@code inactive} once stopped). */
    public Direction direction() {
        return stopped ? Direction.INACTIVE : direction;
    }

    /** Whether {@code stop()} was called: the next offer or answer rejects its section and it never carries media again. */
    public boolean stopped() {
        return stopped;
    }

    /** The codec names in the order the application prefers them; empty for the default order. */
    public java.util.List<String> codecPreferences() {
        return codecPreferences;
    }

    void setDirection(Direction d) {
        direction = java.util.Objects.requireNonNull(d, "direction");
    }

    void stop() {
        stopped = true;
    }

    void setCodecPreferences(java.util.List<String> names) {
        codecPreferences = java.util.List.copyOf(names);
    }

    boolean createdByRemoteOffer() {
        return createdByRemoteOffer;
    }

    void markCreatedByRemoteOffer() {
        createdByRemoteOffer = true;
    }

    /** The mid, once the transceiver is in a description. */
    public Optional<String> mid() {
        return Optional.ofNullable(mid);
    }

    /** The negotiated direction from our side, once an answer is applied. */
    public Optional<Direction> currentDirection() {
        return Optional.ofNullable(currentDirection);
    }

    /** Our media SSRC on this transceiver. */
    public long localSsrc() {
        return track.ssrc().orElseThrow();
    }

    LocalTrack track() {
        return track;
    }

    void assignMid(String newMid) {
        this.mid = newMid;
    }

    void negotiated(Direction current, MediaSession newSession) {
        this.currentDirection = current;
        this.session = newSession;
    }

    MediaSession session() {
        return session;
    }

    /** The negotiated codec's encoding name ({@code "H264"}, {@code "VP8"}, ...), once negotiated. */
    public Optional<String> negotiatedCodec() {
        return Optional.ofNullable(session).map(s -> s.codec().name());
    }

    @Override
    public String toString() {
        return "Transceiver[" + kind.token() + ", mid=" + mid + ", " + direction().token() + (stopped ? ", stopped" : "") + "]";
    }
}
