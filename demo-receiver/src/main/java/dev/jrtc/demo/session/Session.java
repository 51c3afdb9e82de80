package dev.jrtc.demo.session;

import dev.jrtc.demo.video.JpegCache;
import dev.jrtc.demo.video.VideoDecoding;
import dev.jrtc.media.video.DecodePool;
import dev.jrtc.peerconnection.api.RTCDataChannel;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.peerconnection.api.RTCTrackEvent;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection of the demo and everything hanging off it: the decoder of the video it
 * receives, counters of the audio, the recorders, the sender of the test pattern, the chat echo.
 * Logs one line per session event.
 */
public final class Session {
    private static final Logger LOG = LoggerFactory.getLogger("dev.jrtc.demo.session");
    private static final long KEY_FRAME_REQUEST_GAP_NANOS = 500_000_000L;

    /**
     * What a session's media factory gets, before the offer is applied: a playback session adds
     * its sending transceivers here.
     *
     * @param id the session's id
     * @param via how it is signalled
     * @param pc its peer connection
     * @param offer the parsed remote offer
     */
    public record Setup(String id, Via via, RTCPeerConnection pc, dev.jrtc.sdp.SessionDescription offer) {
    }

    private final String id;
    private final Via via;
    private final RTCPeerConnection pc;
    private final Instant started = Instant.now();
    private final CopyOnWriteArrayList<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<RTCIceCandidate>> candidateListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong videoFramesReceived = new AtomicLong();
    private final AtomicLong videoBytesReceived = new AtomicLong();
    private final AtomicLong audioFramesReceived = new AtomicLong();
    private final AtomicLong lastKeyFrameRequest = new AtomicLong(System.nanoTime() - KEY_FRAME_REQUEST_GAP_NANOS);
    private final SessionMedia media;
    private final DecodePool decoders;
    private final List<RTCIceCandidate> candidates = new ArrayList<>();
    private boolean gatheringDone;
    private volatile VideoDecoding video;
    private volatile JpegCache jpeg;
    private volatile String videoCodec;
    private volatile String audioCodec;
    private volatile RTCRtpTransceiver videoTransceiver;
    private volatile String endReason;
    private volatile ConnectionState endState;
    private volatile boolean loggedResolution;

    Session(String id, Via via, RTCPeerConnection pc, SessionMedia media, DecodePool decoders) {
        this.decoders = decoders;
        this.id = id;
        this.via = via;
        this.pc = pc;
        this.media = media;
        pc.onconnectionstatechange(this::stateChanged);
        pc.onicecandidate(this::localCandidate);
        pc.ontrack(this::trackArrived);
        pc.ondatachannel(this::echoChat);
    }

    /** The session's id (also its URL segment). */
    public String id() {
        return id;
    }

    /** How it was signalled. */
    public Via via() {
        return via;
    }

    /** When it started. */
    public Instant started() {
        return started;
    }

    /** Its peer connection. */
    public RTCPeerConnection peerConnection() {
        return pc;
    }

    /** The video decoder, once a video track arrived in a codec the demo decodes. */
    public Optional<VideoDecoding> video() {
        return Optional.ofNullable(video);
    }

    /** The latest decoded picture as JPEG, once video decoding started. */
    public Optional<JpegCache> jpeg() {
        return Optional.ofNullable(jpeg);
    }

    /** The negotiated video codec of the received track, once it arrived. */
    public Optional<String> videoCodec() {
        return Optional.ofNullable(videoCodec).or(media::sentVideoCodec);
    }

    /** The negotiated audio codec of the received track, once it arrived. */
    public Optional<String> audioCodec() {
        return Optional.ofNullable(audioCodec).or(media::sentAudioCodec);
    }

    /** Encoded video frames received. */
    public long videoFramesReceived() {
        return videoFramesReceived.get();
    }

    /** Bytes of encoded video received. */
    public long videoBytesReceived() {
        return videoBytesReceived.get();
    }

    /** Encoded audio frames received (one per RTP packet for Opus). */
    public long audioFramesReceived() {
        return audioFramesReceived.get();
    }

    /** The mid of the received video, once it arrived. */
    public Optional<String> videoMid() {
        return Optional.ofNullable(videoTransceiver).flatMap(RTCRtpTransceiver::mid);
    }

    /** What was recorded, if recording. */
    public SessionMedia media() {
        return media;
    }

    /** The connection state; once ended, the state it ended in (failed, connected...). */
    public ConnectionState connectionState() {
        ConnectionState s = endState;
        return s != null ? s : pc.connectionState();
    }

    /** Why the session ended, once it did. */
    public Optional<String> endReason() {
        return Optional.ofNullable(endReason);
    }

    /** Calls {@code listener} on every connection state change (on the connection's loop). */
    public void onStateChange(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
    }

    /**
     * Calls {@code listener} with every local candidate, those gathered so far first, and then
     * with null once gathering completes.
     */
    public void onLocalCandidate(Consumer<RTCIceCandidate> listener) {
        List<RTCIceCandidate> past;
        boolean done;
        synchronized (candidates) {
            past = List.copyOf(candidates);
            done = gatheringDone;
            candidateListeners.add(listener);
        }
        past.forEach(listener);
        if (done) {
            listener.accept(null);
        }
    }

    private void localCandidate(RTCIceCandidate c) {
        synchronized (candidates) {
            if (c == null) {
                gatheringDone = true;
            } else {
                candidates.add(c);
            }
        }
        candidateListeners.forEach(l -> l.accept(c));
    }

    /** Ends the session: closes the connection and frees the decoder, the sender and the recorders. */
    void end(String reason) {
        synchronized (this) {
            if (endReason != null) {
                return;
            }
            endReason = reason;
            endState = pc.connectionState();
        }
        LOG.info("session {} ({}): ended: {}", id, via.token(), reason);
        VideoDecoding v = video;
        if (v != null) {
            v.close();
        }
        media.close();
        pc.close();
    }

    /** Asks the sender for a key frame, at most every half second. */
    void requestKeyFrame() {
        long now = System.nanoTime();
        long last = lastKeyFrameRequest.get();
        RTCRtpTransceiver t = videoTransceiver;
        if (t != null && now - last >= KEY_FRAME_REQUEST_GAP_NANOS && lastKeyFrameRequest.compareAndSet(last, now)) {
            t.requestKeyFrame();
        }
    }

    private void stateChanged(ConnectionState state) {
        switch (state) {
            case CONNECTED -> {
                LOG.info("session {} ({}): connected", id, via.token());
                media.connected(pc);
            }
            case DISCONNECTED -> LOG.info("session {} ({}): disconnected; waiting for ICE consent", id, via.token());
            case FAILED -> LOG.info("session {} ({}): failed: {}", id, via.token(), failureExplanation());
            default -> LOG.debug("session {}: {}", id, state);
        }
        stateListeners.forEach(l -> l.accept(state));
    }

    /** The connection report's explanation, or the engine's failure reason. */
    String failureExplanation() {
        return pc.connectionReport().map(r -> r.explanation())
                .or(pc::failureReason).orElse("no report");
    }

    private void trackArrived(RTCTrackEvent e) {
        String codec = e.track().codec();
        if (e.track().kind() == MediaKind.VIDEO) {
            videoCodec = codec.toUpperCase(Locale.ROOT);
            videoTransceiver = e.transceiver();
            LOG.info("session {} ({}): receiving video, codec {}", id, via.token(), videoCodec);
            if (VideoDecoding.canDecode(codec)) {
                VideoDecoding v = VideoDecoding.start(decoders, codec, this::requestKeyFrame);
                v.onPicture(p -> {
                    if (!loggedResolution) {
                        loggedResolution = true;
                        LOG.info("session {} ({}): first picture decoded, {}x{}", id, via.token(), p.width(), p.height());
                    }
                });
                jpeg = new JpegCache(v);
                video = v;
            } else {
                LOG.info("session {} ({}): no decoder for {}; counting frames only", id, via.token(), codec);
            }
            media.videoTrack(videoCodec);
            e.track().onframe(this::videoFrame);
        } else {
            audioCodec = codec.toLowerCase(Locale.ROOT);
            LOG.info("session {} ({}): receiving audio, codec {}", id, via.token(), audioCodec);
            media.audioTrack(audioCodec);
            e.track().onframe(this::audioFrame);
        }
    }

    private void videoFrame(EncodedFrame f) {
        videoFramesReceived.incrementAndGet();
        videoBytesReceived.addAndGet(f.data().length);
        VideoDecoding v = video;
        if (v != null) {
            v.submit(f.data(), f.rtpTimestamp(), f.keyFrame());
        }
        media.videoFrame(f);
    }

    private void audioFrame(EncodedFrame f) {
        audioFramesReceived.incrementAndGet();
        media.audioFrame(f);
    }

    /** The chat: every text message on any channel comes back prefixed with "echo: ". */
    private void echoChat(RTCDataChannel channel) {
        channel.onmessage(m -> {
            if (!m.binary()) {
                LOG.debug("session {}: chat '{}'", id, m.text());
                channel.send("echo: " + m.text());
            }
        });
    }
}
