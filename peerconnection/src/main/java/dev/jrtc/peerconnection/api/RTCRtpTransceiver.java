package dev.jrtc.peerconnection.api;

import dev.jrtc.peerconnection.engine.Transceiver;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One transceiver (W3C {@code RTCRtpTransceiver}) with its sending side folded in: encoded frames go
 * out with {@link #sendFrame}, and key-frame requests from the peer arrive at
 * {@link #onkeyframerequest}.
 */
public final class RTCRtpTransceiver {
    private final RTCPeerConnection pc;
    private final Transceiver engineSide;
    private final MediaKind kind;
    private final RTCRtpSender sender;
    private final RTCRtpReceiver receiver = new RTCRtpReceiver(this);
    private volatile Direction direction;
    private volatile boolean stopped;
    private volatile String mid;
    private volatile Direction currentDirection;
    private volatile Runnable onkeyframerequest = () -> { };
    private final java.util.List<Runnable> encoderKeyFrameListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    RTCRtpTransceiver(RTCPeerConnection pc, Transceiver engineSide) {
        this.pc = pc;
        this.engineSide = engineSide;
        this.kind = engineSide.kind();
        this.direction = engineSide.direction();
        this.sender = new RTCRtpSender(this, null);
        refresh();
    }

    /** Called on the loop after each command: copies what negotiation changed. */
    void refresh() {
        mid = engineSide.mid().orElse(null);
        direction = engineSide.direction();
        stopped = engineSide.stopped();
        currentDirection = engineSide.currentDirection().orElse(null);
    }

    Transceiver engineSide() {
        return engineSide;
    }

    /** The mid, once negotiated (or offered). */
    public Optional<String> mid() {
        return Optional.ofNullable(mid);
    }

    /** Audio or video. */
    public MediaKind kind() {
        return kind;
    }

    /** The direction asked for. */
    public Direction direction() {
        return direction;
    }

    /**
     * Changes the direction asked for (W3C {@code direction} setter); it takes effect at the next
     * negotiation, and {@code onnegotiationneeded} fires if the peer must hear of it.
     *
     * @throws IllegalStateException ({@code InvalidStateError}) if stopped or closed
     */
    public void setDirection(Direction newDirection) {
        java.util.Objects.requireNonNull(newDirection, "direction");
        pc.run(now -> pc.engine().setDirection(now, engineSide, newDirection));
    }

    /**
     * Stops the transceiver (W3C {@code stop()}): nothing is sent or received on it any more, its remote
     * track ends, and the next offer or answer rejects its section. Idempotent.
     */
    public void stop() {
        pc.run(now -> pc.engine().stopTransceiver(now, engineSide));
    }

    /** Whether {@link #stop()} was called. */
    public boolean stopped() {
        return stopped;
    }

    /**
     * The codecs to offer or answer on this transceiver, in order of preference, by encoding name
     * ({@code "H264"}, {@code "VP8"}, {@code "opus"}); an empty list restores the default (W3C
     * {@code setCodecPreferences}). Used by the next offer or answer.
     *
     * @throws IllegalArgumentException ({@code InvalidModificationError}) for a codec jrtc cannot carry
     */
    public void setCodecPreferences(java.util.List<String> codecNames) {
        java.util.List<String> copy = java.util.List.copyOf(codecNames);
        pc.run(now -> pc.engine().setCodecPreferences(now, engineSide, copy));
    }

    /** The sending half. */
    public RTCRtpSender sender() {
        return sender;
    }

    /** The receiving half. */
    public RTCRtpReceiver receiver() {
        return receiver;
    }

    /** The negotiated direction, once an answer is applied. */
    public Optional<Direction> currentDirection() {
        return Optional.ofNullable(currentDirection);
    }

    /**
     * Sends one encoded frame with its RTP timestamp. Completes with false if the connection is
     * not up yet (the frame is dropped), exceptionally if this transceiver does not send.
     */
    public CompletableFuture<Boolean> sendFrame(byte[] frame, long rtpTimestamp) {
        byte[] copy = frame.clone();
        return pc.loop().call(now -> {
            String m = engineSide.mid().orElseThrow(() -> new IllegalStateException("InvalidStateError: not negotiated yet"));
            return pc.engine().sendFrame(now, m, copy, rtpTimestamp);
        });
    }

    /** Asks the peer for a key frame on the receiving side (PLI). */
    public void requestKeyFrame() {
        pc.loop().call(now -> {
            engineSide.mid().ifPresent(m -> pc.engine().requestKeyFrame(now, m));
            return null;
        });
    }

    /** Sets what runs when the peer asks for a key frame (PLI/FIR). */
    public void onkeyframerequest(Runnable handler) {
        this.onkeyframerequest = handler == null ? () -> { } : handler;
    }

    void keyFrameRequested() {
        encoderKeyFrameListeners.forEach(Runnable::run);
        onkeyframerequest.run();
    }

    /** Lets an encoder behind {@link LocalVideoTrack} hear key-frame requests next to the user's handler. */
    void addEncoderKeyFrameListener(Runnable listener) {
        encoderKeyFrameListeners.add(listener);
    }

    /** Whether the calling thread is the connection's network loop. */
    boolean loopThread() {
        return pc.loop().inLoop();
    }

    /** The negotiated codec, read on the loop; empty before negotiation. */
    Optional<String> negotiatedCodec() {
        return pc.loop().call(now -> engineSide.negotiatedCodec()).join();
    }

    /**
     * A track that encodes raw pictures ({@link java.awt.image.BufferedImage} or
     * {@link dev.jrtc.media.video.I420Frame}) to H.264 and sends them on this transceiver.
     *
     * @see LocalVideoTrack
     */
    public LocalVideoTrack encodingVideoTrack() {
        return new LocalVideoTrack(this);
    }

    /** Whether this transceiver has (or just got) {@code m} as its mid. */
    boolean hasMid(String m) {
        return m.equals(mid) || engineSide.mid().filter(m::equals).isPresent();
    }
}
