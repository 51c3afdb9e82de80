package dev.jrtc.demo.session;

import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.peerconnection.api.RTCRtpTransceiverInit;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The media work of a session besides decoding: writing what arrives to files ({@code --record})
 * and sending the test pattern and tone (WHEP and the page's receive mode).
 */
public final class SessionMedia {
    /** Writes a session's received media to files. */
    public interface Recording {
        /** A video track of this codec arrived. */
        void videoTrack(String codec);

        /** An audio track of this codec arrived. */
        void audioTrack(String codec);

        /** One encoded video frame. */
        void video(EncodedFrame frame);

        /** One encoded audio frame. */
        void audio(EncodedFrame frame);

        /** The files written so far. */
        List<Path> files();

        /** Finishes the files. */
        void close();
    }

    /** Sends media to the peer once the connection is up. */
    public interface Playback {
        /** Starts sending on the connection's sending transceivers. */
        void start(RTCPeerConnection pc);

        /** The codec of the video sent. */
        String videoCodec();

        /** The codec of the audio sent. */
        String audioCodec();

        /** The width and height of the video sent. */
        java.awt.Dimension videoSize();

        /** Stops sending. */
        void close();
    }

    private final Optional<Recording> recording;
    private final Optional<Playback> playback;

    private SessionMedia(Optional<Recording> recording, Optional<Playback> playback) {
        this.recording = recording;
        this.playback = playback;
    }

    /** A session's media work: either part may be absent. */
    public static SessionMedia of(Optional<Recording> recording, Optional<Playback> playback) {
        return new SessionMedia(recording, playback);
    }

    /**
     * The test pattern and tone for a session where jrtc sends: adds a sendonly video transceiver,
     * and an audio one if the offer has audio, before the offer is applied.
     */
    public static Playback testPattern(Session.Setup setup) {
        RTCRtpTransceiver video = setup.pc().addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
        boolean wantsAudio = setup.offer().media().stream().anyMatch(m -> m.kind().equals(MediaKind.AUDIO.token()));
        Optional<RTCRtpTransceiver> audio = wantsAudio
                ? Optional.of(setup.pc().addTransceiver(MediaKind.AUDIO, new RTCRtpTransceiverInit(Direction.SENDONLY)))
                : Optional.empty();
        return new TestPatternPlayback(setup.id(), video, audio);
    }

    /**
     * Recording of what a session receives into {@code directory}.
     *
     * @param combined video and audio in one WebM/Matroska file rather than one file per track
     */
    public static Recording recordTo(Session.Setup setup, Path directory, boolean combined) {
        return new FileRecording(setup.id(), directory, combined);
    }

    /** The files written, if recording. */
    public List<Path> recordedFiles() {
        return recording.map(Recording::files).orElse(List.of());
    }

    Optional<String> sentVideoCodec() {
        return playback.map(Playback::videoCodec);
    }

    /** The size of the video jrtc sends, for a playback session. */
    public Optional<java.awt.Dimension> sentVideoSize() {
        return playback.map(Playback::videoSize);
    }

    Optional<String> sentAudioCodec() {
        return playback.map(Playback::audioCodec);
    }

    void videoTrack(String codec) {
        recording.ifPresent(r -> r.videoTrack(codec));
    }

    void audioTrack(String codec) {
        recording.ifPresent(r -> r.audioTrack(codec));
    }

    void videoFrame(EncodedFrame f) {
        recording.ifPresent(r -> r.video(f));
    }

    void audioFrame(EncodedFrame f) {
        recording.ifPresent(r -> r.audio(f));
    }

    void connected(RTCPeerConnection pc) {
        playback.ifPresent(p -> p.start(pc));
    }

    void close() {
        playback.ifPresent(Playback::close);
        recording.ifPresent(Recording::close);
    }
}
