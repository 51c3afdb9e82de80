package dev.jrtc.demo.session;

import dev.jrtc.media.record.Recorder;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --record DIR}: each received track of a session goes to its own file in the container
 * the media module picks for its codec ({@code <session>-video.ivf} or {@code .mp4},
 * {@code <session>-audio.opus}). A write error stops that file, not the session.
 */
public final class FileRecording implements SessionMedia.Recording {
    private static final Logger LOG = LoggerFactory.getLogger("dev.jrtc.demo.session");

    private final String sessionId;
    private final Path directory;
    private final List<Path> files = new ArrayList<>();
    private Recorder video;
    private Recorder audio;

    /** @param directory created if missing */
    public FileRecording(String sessionId, Path directory) {
        this.sessionId = sessionId;
        this.directory = directory;
    }

    @Override
    public synchronized void videoTrack(String codec) {
        video = open(codec, "video");
    }

    @Override
    public synchronized void audioTrack(String codec) {
        audio = open(codec, "audio");
    }

    @Override
    public synchronized void video(EncodedFrame frame) {
        video = write(video, frame);
    }

    @Override
    public synchronized void audio(EncodedFrame frame) {
        audio = write(audio, frame);
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
