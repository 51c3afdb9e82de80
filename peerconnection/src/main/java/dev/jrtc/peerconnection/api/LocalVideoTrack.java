package dev.jrtc.peerconnection.api;

import dev.jrtc.media.source.H264PictureEncoder;
import dev.jrtc.media.video.I420Frame;
import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A local video track fed with raw pictures: each picture is encoded to H.264 (Baseline, Annex B)
 * and sent on the transceiver it was made from ({@link RTCRtpTransceiver#encodingVideoTrack()}).
 *
 * <p>The negotiated codec must be H.264 (use {@link RTCRtpTransceiver#setCodecPreferences} to
 * insist on it): jrtc has no encoder for the other video codecs. The first picture, the first
 * after a change of size, and the first after the peer asks for a key frame (PLI or FIR) are
 * encoded as IDR pictures. RTP timestamps follow the capture times given with the pictures, on the
 * 90 kHz video clock.
 *
 * <p>Encoding runs on the caller's thread, never on the connection's network loop; calls from
 * several threads are serialised. Calling from a callback that runs on the loop is refused.
 */
public final class LocalVideoTrack {
    private static final long VIDEO_CLOCK = 90_000;
    private static final int KEY_INTERVAL = 3000; // frames; key frames mostly come on request
    private final RTCRtpTransceiver transceiver;
    private final LocalMediaTrack track;
    private volatile boolean keyFrameRequested;
    private H264PictureEncoder encoder;
    private int width;
    private int height;
    private long firstCaptureNanos;
    private boolean started;

    LocalVideoTrack(RTCRtpTransceiver transceiver) {
        if (transceiver.kind() != dev.jrtc.sdp.jsep.MediaKind.VIDEO) {
            throw new IllegalArgumentException("TypeError: not a video transceiver");
        }
        this.transceiver = transceiver;
        this.track = transceiver.sender().track().orElseGet(LocalMediaTrack::video);
        transceiver.addEncoderKeyFrameListener(() -> keyFrameRequested = true);
    }

    /** The track's kind and id. */
    public LocalMediaTrack track() {
        return track;
    }

    /**
     * Encodes and sends one picture. The picture is converted to I420 (BT.601) at its own size,
     * which must be even in both directions.
     *
     * @param image the picture; it is read before this method returns
     * @param captureTimeNanos when the picture was taken, on any monotonic nanosecond clock
     *        (such as {@link System#nanoTime()}) used for every picture of this track
     * @return as {@link RTCRtpTransceiver#sendFrame}: false if the connection is not up yet
     * @throws IllegalStateException if not negotiated yet, if the negotiated codec is not H.264,
     *         or if called on the connection's network loop
     * @throws IllegalArgumentException if the picture has an odd width or height
     */
    public CompletableFuture<Boolean> sendImage(BufferedImage image, long captureTimeNanos) {
        Objects.requireNonNull(image, "image");
        checkCodec();
        return send(I420Frame.fromBufferedImage(image), captureTimeNanos);
    }

    /**
     * Encodes and sends one I420 picture.
     *
     * @param frame the picture (its own RTP timestamp is ignored)
     * @param captureTimeNanos as in {@link #sendImage}
     * @return as {@link RTCRtpTransceiver#sendFrame}: false if the connection is not up yet
     * @throws IllegalStateException as {@link #sendImage}
     * @throws IllegalArgumentException if the picture has an odd width or height
     */
    public CompletableFuture<Boolean> sendFrame(I420Frame frame, long captureTimeNanos) {
        Objects.requireNonNull(frame, "frame");
        checkCodec();
        return send(frame, captureTimeNanos);
    }

    /** Makes the next picture a key frame, as a PLI from the peer would. */
    public void requestKeyFrame() {
        keyFrameRequested = true;
    }

    private void checkCodec() {
        if (transceiver.loopThread()) {
            throw new IllegalStateException("encoding must not run on the connection's network loop");
        }
        String codec;
        try {
            codec = transceiver.negotiatedCodec()
                    .orElseThrow(() -> new IllegalStateException("InvalidStateError: not negotiated yet"));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (!"H264".equalsIgnoreCase(codec)) {
            throw new IllegalStateException("the negotiated codec is " + codec
                    + " and jrtc has no encoder for it; negotiate H264 (setCodecPreferences(List.of(\"H264\")))");
        }
    }

    private CompletableFuture<Boolean> send(I420Frame frame, long captureTimeNanos) {
        H264PictureEncoder.Encoded encoded;
        long rtpTimestamp;
        synchronized (this) {
            if (encoder == null || frame.width() != width || frame.height() != height) {
                encoder = new H264PictureEncoder(frame.width(), frame.height(), KEY_INTERVAL); // starts with an IDR
                width = frame.width();
                height = frame.height();
                keyFrameRequested = false;
            } else if (keyFrameRequested) {
                keyFrameRequested = false;
                encoder.forceKeyFrame();
            }
            if (!started) {
                firstCaptureNanos = captureTimeNanos;
                started = true;
            }
            rtpTimestamp = rtpTimestamp(captureTimeNanos - firstCaptureNanos);
            encoded = encoder.encode(frame);
        }
        return transceiver.sendFrame(encoded.data(), rtpTimestamp);
    }

    /** Nanoseconds since the first picture on the 90 kHz clock, wrapped to 32 bits. */
    static long rtpTimestamp(long sinceFirstNanos) {
        long seconds = Math.floorDiv(sinceFirstNanos, 1_000_000_000L);
        long rest = Math.floorMod(sinceFirstNanos, 1_000_000_000L);
        return (seconds * VIDEO_CLOCK + rest * VIDEO_CLOCK / 1_000_000_000L) & 0xFFFF_FFFFL;
    }
}
