package dev.jrtc.peerconnection.api;

import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A track the peer sends us. It yields encoded frames (codec, RTP timestamp, key-frame flag and
 * bytes) as the jitter buffer releases them, in order; decoding is the application's business.
 */
public final class RemoteTrack {
    private final String id;
    private final MediaKind kind;
    private final String codec;
    private volatile Consumer<EncodedFrame> onframe = f -> { };
    private volatile TrackDecoding.TrackDecoder decoder;
    private final TrackDecoding decoding;
    private volatile Runnable onended = () -> { };
    private volatile boolean ended;
    private volatile long framesReceived;

    RemoteTrack(String id, MediaKind kind, String codec, TrackDecoding decoding) {
        this.decoding = decoding;
        this.id = id;
        this.kind = kind;
        this.codec = codec;
    }

    /** The track's id (the transceiver's mid). */
    public String id() {
        return id;
    }

    /** Audio or video. */
    public MediaKind kind() {
        return kind;
    }

    /** The negotiated codec, e.g. {@code VP8}. */
    public String codec() {
        return codec;
    }

    /** Sets the frame handler; it runs on the callback executor and must not block. */
    public void onframe(Consumer<EncodedFrame> handler) {
        this.onframe = Objects.requireNonNull(handler, "handler");
    }

    /** Sets what runs when the track ends (the peer stopped sending it, or the transceiver stopped). */
    public void onended(Runnable handler) {
        this.onended = Objects.requireNonNull(handler, "handler");
    }

    /** Whether the track has ended. */
    public boolean ended() {
        return ended;
    }

    void end() {
        if (!ended) {
            ended = true;
            decoding.end(id);
            onended.run();
        }
    }

    /**
     * Sets the decoded-picture handler of a video track: from now on its frames are also decoded
     * (VP8 by jrtc's decoder, H.264 by jcodec) on a decode thread, never on the network loop. It
     * runs on that thread, must hand the picture on quickly, and sees pictures in order. When the
     * decoder falls behind it drops frames and asks the peer for a key frame (PLI); so does a
     * decoder that lost its reference. The counters appear in the {@code inbound-rtp} stats
     * (framesDecoded, keyFramesDecoded, frameWidth, frameHeight).
     *
     * @throws UnsupportedOperationException for an audio track
     * @throws IllegalArgumentException for a codec without a decoder (VP8 and H.264 decode)
     */
    public void ondecodedframe(Consumer<dev.jrtc.media.video.I420Frame> handler) {
        Objects.requireNonNull(handler, "handler");
        if (kind != MediaKind.VIDEO) {
            throw new UnsupportedOperationException("decoded frames are for video; decode audio with "
                    + "dev.jrtc.media.audio.AudioDecoder from onframe");
        }
        decoder = decoding.open(id, codec, handler);
    }

    /** Frames delivered so far. */
    public long framesReceived() {
        return framesReceived;
    }

    void deliver(EncodedFrame frame) {
        framesReceived++;
        TrackDecoding.TrackDecoder d = decoder;
        if (d != null) {
            d.submit(frame.data(), frame.rtpTimestamp(), frame.keyFrame());
        }
        onframe.accept(frame);
    }
}
