package dev.jrtc.demo;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo's command-line options.
 *
 * @param bindAddress the HTTP server's address (default: loopback only)
 * @param port the HTTP port (0 picks a free one)
 * @param token the bearer token WHIP/WHEP clients must present, if any
 * @param maxSessions how many sessions may run at once; more get 503
 * @param corsOrigins origins allowed to call the HTTP API; empty allows any origin
 * @param recordDirectory where each session's media is written, if anywhere
 * @param recordCombined whether a session's video and audio go to one WebM/Matroska file instead of one file each
 * @param window whether a Swing window shows the decoded video
 * @param iceAddresses local addresses offered as ICE host candidates; empty means every up IPv4 interface
 * @param consentTimeout how long a silent peer keeps its session (ICE consent freshness)
 * @param verbose debug logging
 */
public record DemoOptions(String bindAddress, int port, Optional<String> token, int maxSessions,
        List<String> corsOrigins, Optional<Path> recordDirectory, boolean recordCombined, boolean window,
        List<InetAddress> iceAddresses, Duration consentTimeout, boolean verbose) {

    /** The usage text printed for {@code --help} and for bad arguments. */
    public static final String USAGE = """
            usage: java -jar demo-receiver.jar [options]
              --port N             HTTP port (default 8080; 0 picks a free one)
              --bind ADDRESS       HTTP bind address (default 127.0.0.1; 0.0.0.0 for other machines)
              --token SECRET       require "Authorization: Bearer SECRET" on /whip and /whep
              --max-sessions N     concurrent sessions before 503 (default 8)
              --cors-origin ORIGIN allow this origin only (repeatable; default: any origin)
              --record DIR         write each session's media to DIR (.ivf or .mp4 video, .opus audio)
              --record-combined    with --record: video and audio in one file per session
                                   (.webm for VP8, .mkv for H.264)
              --window             show the decoded video in a desktop window
              --ice-address ADDR   offer this local address as an ICE candidate (repeatable;
                                   default: every IPv4 interface that is up)
              --consent-timeout S  seconds without ICE consent before a session is reaped (default 30)
              --verbose            debug logging""";

    /** Checks the values. */
    public DemoOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("--max-sessions must be at least 1");
        }
        corsOrigins = List.copyOf(corsOrigins);
        iceAddresses = List.copyOf(iceAddresses);
        if (recordCombined && recordDirectory.isEmpty()) {
            throw new IllegalArgumentException("--record-combined needs --record DIR");
        }
        if (consentTimeout.isNegative() || consentTimeout.isZero()) {
            throw new IllegalArgumentException("--consent-timeout must be positive");
        }
    }

    /** The defaults: port 8080, any origin, 8 sessions, no token, no recording, no window. */
    public static DemoOptions defaults() {
        return new DemoOptions("127.0.0.1", 8080, Optional.empty(), 8, List.of(), Optional.empty(), false, false, List.of(),
                Duration.ofSeconds(30), false);
    }

    /**
     * Parses the command line.
     *
     * @throws IllegalArgumentException with a message fit for the user on an unknown or bad option
     */
    public static DemoOptions parse(String... args) {
        DemoOptions o = defaults();
        String bind = o.bindAddress;
        int port = o.port;
        Optional<String> token = o.token;
        int maxSessions = o.maxSessions;
        List<String> origins = new ArrayList<>();
        Optional<Path> record = o.recordDirectory;
        boolean recordCombined = false;
        boolean window = false;
        List<InetAddress> ice = new ArrayList<>();
        Duration consent = o.consentTimeout;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> port = intValue(a, value(args, ++i, a));
                case "--bind" -> bind = value(args, ++i, a);
                case "--token" -> token = Optional.of(value(args, ++i, a));
                case "--max-sessions" -> maxSessions = intValue(a, value(args, ++i, a));
                case "--cors-origin" -> origins.add(value(args, ++i, a));
                case "--record" -> record = Optional.of(Path.of(value(args, ++i, a)));
                case "--record-combined" -> recordCombined = true;
                case "--window" -> window = true;
                case "--ice-address" -> ice.add(address(value(args, ++i, a)));
                case "--consent-timeout" -> consent = Duration.ofSeconds(intValue(a, value(args, ++i, a)));
                case "--verbose" -> verbose = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new DemoOptions(bind, port, token, maxSessions, origins, record, recordCombined, window, ice, consent,
                verbose);
    }

    /** A copy on another port. */
    public DemoOptions withPort(int newPort) {
        return new DemoOptions(bindAddress, newPort, token, maxSessions, corsOrigins, recordDirectory, recordCombined,
                window, iceAddresses, consentTimeout, verbose);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not " + text);
        }
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--ice-address: unknown address " + text);
        }
    }
}
