package dev.jrtc.demo.session;

import dev.jrtc.media.record.MatroskaWriter;
import dev.jrtc.media.record.Recorder;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --record DIR}: each received track of a session goes to its own file in the container
 * the media module picks for its codec ({@code <session>-video.ivf} or {@code .mp4},
 * {@code <session>-audio.opus}). A write error stops that file, not the session.
 *
 * <p>With {@code --record-combined}, the tracks announced by the time the first frame arrives go
 * to one file, {@code <session>.webm} (VP8 and/or Opus) or {@code <session>.mkv} (H.264), if
 * Matroska takes their codecs; otherwise, and for a track announced later, one file each as above.
 */
public final class FileRecording implements SessionMedia.Recording {
    private static final Logger LOG = LoggerFactory.getLogger("dev.jrtc.demo.session");

    private final String sessionId;
    private final Path directory;
    private final List<Path> files = new ArrayList<>();
    /** Whether tracks wait for the first frame to open one combined file (cleared once it is decided). */
    private boolean combinePending;
    private Optional<String> videoCodec = Optional.empty();
    private Optional<String> audioCodec = Optional.empty();
    private Recorder video;
    private Recorder audio;

    /**
     * @param directory created if missing
     * @param combined video and audio in one WebM/Matroska file when the codecs allow it
     */
    public FileRecording(String sessionId, Path directory, boolean combined) {
        this.sessionId = sessionId;
        this.directory = directory;
        this.combinePending = combined;
    }

    @Override
    public synchronized void videoTrack(String codec) {
        if (combinePending) {
            videoCodec = Optional.of(codec);
        } else {
            video = open(codec, "video");
        }
    }

    @Override
    public synchronized void audioTrack(String codec) {
        if (combinePending) {
            audioCodec = Optional.of(codec);
        } else {
            audio = open(codec, "audio");
        }
    }

    @Override
    public synchronized void video(EncodedFrame frame) {
        openCombined();
        video = write(video, frame);
    }

    @Override
    public synchronized void audio(EncodedFrame frame) {
        openCombined();
        audio = write(audio, frame);
    }

    /** At the first frame: one file for the tracks announced so far, or one each if Matroska cannot take them. */
    private void openCombined() {
        if (!combinePending) {
            return;
        }
        combinePending = false;
        if (!MatroskaWriter.supports(videoCodec, audioCodec)) {
            videoCodec.ifPresent(c -> video = open(c, "video"));
            audioCodec.ifPresent(c -> audio = open(c, "audio"));
            return;
        }
        try {
            Files.createDirectories(directory);
            MatroskaWriter w = MatroskaWriter.forCodecs(videoCodec, audioCodec, directory, sessionId);
            files.add(w.path());
            video = videoCodec.isPresent() ? w.video() : null;
            audio = audioCodec.isPresent() ? w.audio() : null;
            LOG.info("session {}: recording video {} and audio {} to {}", sessionId, videoCodec.orElse("none"),
                    audioCodec.orElse("none"), w.path().toAbsolutePath());
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("session {}: cannot record to one file: {}", sessionId, e.getMessage());
        }
    }

    @Override
    public synchronized List<Path> files() {
        return List.copyOf(files);
    }

    @Override
    public synchronized void close() {
        video = finish(video);
        audio = finish(audio);
    }

    private Recorder open(String codec, String kind) {
        try {
            Files.createDirectories(directory);
            Recorder r = Recorder.forCodec(codec, directory, sessionId + "-" + kind);
            files.add(r.path());
            LOG.info("session {}: recording {} ({}) to {}", sessionId, kind, codec, r.path().toAbsolutePath());
            return r;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("session {}: cannot record {} ({}): {}", sessionId, kind, codec, e.getMessage());
            return null;
        }
    }

    private Recorder write(Recorder r, EncodedFrame frame) {
        if (r == null) {
            return null;
        }
        try {
            r.write(frame.data(), frame.rtpTimestamp(), frame.keyFrame());
            return r;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            LOG.warn("session {}: recording to {} stopped: {}", sessionId, r.path(), e.getMessage());
            finish(r);
            return null;
        }
    }

    private Recorder finish(Recorder r) {
        if (r != null) {
            try {
                r.close();
            } catch (RuntimeException e) {
                LOG.warn("session {}: could not finish {}: {}", sessionId, r.path(), e.getMessage());
            }
        }
        return null;
    }
}
