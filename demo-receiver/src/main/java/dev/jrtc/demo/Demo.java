package dev.jrtc.demo;

import dev.jrtc.demo.http.DemoHttpServer;
import dev.jrtc.demo.session.PeerConnectionSettings;
import dev.jrtc.demo.session.SessionRegistry;
import dev.jrtc.demo.ui.VideoWindow;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * A running demo: the sessions, the HTTP server in front of them and, with {@code --window}, the
 * desktop window. Tests start one on port 0.
 */
public final class Demo implements AutoCloseable {
    private final SessionRegistry sessions;
    private final DemoHttpServer http;
    private final Optional<VideoWindow> window;

    private Demo(SessionRegistry sessions, DemoHttpServer http, Optional<VideoWindow> window) {
        this.sessions = sessions;
        this.http = http;
        this.window = window;
    }

    /**
     * Starts the demo.
     *
     * @throws IllegalStateException if the port cannot be bound
     */
    public static Demo start(DemoOptions options) {
        PeerConnectionSettings settings = new PeerConnectionSettings(options.iceAddresses(), options.consentTimeout());
        SessionRegistry sessions = new SessionRegistry(settings, options.maxSessions(),
                new SessionMediaFactory(options.recordDirectory(), options.recordCombined()));
        DemoHttpServer http;
        try {
            http = DemoHttpServer.start(new InetSocketAddress(options.bindAddress(), options.port()),
                    sessions, options.token(), options.corsOrigins());
        } catch (RuntimeException e) {
            sessions.close();
            throw e;
        }
        try {
            Optional<VideoWindow> window = options.window() ? Optional.of(VideoWindow.open(sessions)) : Optional.empty();
            return new Demo(sessions, http, window);
        } catch (RuntimeException e) {
            http.close();
            sessions.close();
            throw e;
        }
    }

    /** The HTTP server's bound address. */
    public InetSocketAddress httpAddress() {
        return http.address();
    }

    /** The sessions. */
    public SessionRegistry sessions() {
        return sessions;
    }

    /** Stops everything: sessions end, the server and the window close. */
    @Override
    public void close() {
        window.ifPresent(VideoWindow::close);
        http.close();
        sessions.close();
    }
}
