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
    private volatile long framesReceived;

    RemoteTrack(String id, MediaKind kind, String codec) {
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

    /** Frames delivered so far. */
    public long framesReceived() {
        return framesReceived;
    }

    void deliver(EncodedFrame frame) {
        framesReceived++;
        onframe.accept(frame);
    }
}
