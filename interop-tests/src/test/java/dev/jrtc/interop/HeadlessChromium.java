package dev.jrtc.interop;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Headless Chromium (Debian's {@code chromium}) with a fresh profile, showing one page.
 * The page runs the test itself and talks to {@link LocalTestServer}; no WebDriver is needed.
 * Closing it kills the browser's whole process tree and deletes the profile.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** Whether the page gets the fake camera and microphone. */
    public enum Media {
        /**
         * Fake devices, permission granted without a prompt. Chromium then offers raw host IPs,
         * including 127.0.0.1 (thanks to --allow-loopback-in-peer-connection).
         */
        FAKE_DEVICES,
        /**
         * No media permission: a data-channel-only page then hides its host addresses behind
         * mDNS {@code .local} names (Chromium counts --use-fake-ui-for-media-stream as a grant).
         */
        NONE
    }

    private final TempDirectory profile;
    private final PeerProcess process;

    private HeadlessChromium(TempDirectory profile, PeerProcess process) {
        this.profile = profile;
        this.process = process;
    }

    public static HeadlessChromium open(URI page, Media media) {
        return open(page, media, List.of());
    }

    /** As {@link #open(URI, Media)}, with extra command-line flags (e.g. a remote-debugging port). */
    public static HeadlessChromium open(URI page, Media media, List<String> extraFlags) {
        PrivateNetworkNamespace.assertInside();
        List<String> command = new ArrayList<>(List.of(
                PeerPrograms.chromium().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-loopback-in-peer-connection"));
        if (media == Media.FAKE_DEVICES) {
            command.add("--use-fake-device-for-media-stream");
            command.add("--use-fake-ui-for-media-stream");
        }
        TempDirectory profile = TempDirectory.create("jrtc-chromium-");
        command.add("--user-data-dir=" + profile.path());
        command.addAll(extraFlags);
        command.add(page.toString());
        return new HeadlessChromium(profile, PeerProcess.start("chromium", command));
    }

    /** The end of the browser's log, for failure messages. */
    public String logTail() {
        return process.logTail();
    }

    @Override
    public void close() {
        try {
            process.close();
        } finally {
            profile.close();
        }
    }
}
