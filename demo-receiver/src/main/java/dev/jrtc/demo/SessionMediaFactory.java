package dev.jrtc.demo;

import dev.jrtc.demo.session.Session;
import dev.jrtc.demo.session.SessionMedia;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Gives each session its recording (with {@code --record}) and, when jrtc sends, its playback. */
final class SessionMediaFactory implements Function<Session.Setup, SessionMedia> {
    private final Optional<Path> recordDirectory;
    private final boolean recordCombined;

    SessionMediaFactory(Optional<Path> recordDirectory, boolean recordCombined) {
        this.recordDirectory = recordDirectory;
        this.recordCombined = recordCombined;
    }

    @Override
    public SessionMedia apply(Session.Setup setup) {
        if (!setup.via().ingest()) {
            return SessionMedia.of(Optional.empty(), Optional.of(SessionMedia.testPattern(setup)));
        }
        return SessionMedia.of(recordDirectory.map(d -> SessionMedia.recordTo(setup, d, recordCombined)), Optional.empty());
    }
}
