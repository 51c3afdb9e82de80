package dev.jrtc.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;

/**
 * Headless Firefox ESR with a fresh profile, showing one page, configured as TESTRIG.md says:
 * fake media without a prompt, host candidates on loopback and veth addresses in the clear.
 * Closing it kills the browser's whole process tree and deletes the profile.
 */
public final class HeadlessFirefox implements AutoCloseable {
    private static final String PREFS = String.join("\n",
            "user_pref(\"media.navigator.streams.fake\", true);",
            "user_pref(\"media.navigator.permission.disabled\", true);",
            "user_pref(\"media.peerconnection.ice.loopback\", true);",
            "user_pref(\"media.peerconnection.ice.obfuscate_host_addresses\", false);",
            "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
            "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
            "");

    private final TempDirectory profile;
    private final PeerProcess process;

    private HeadlessFirefox(TempDirectory profile, PeerProcess process) {
        this.profile = profile;
        this.process = process;
    }

    /** Starts Firefox on {@code page}; only inside a private network namespace. */
    public static HeadlessFirefox open(URI page) {
        PrivateNetworkNamespace.assertInside();
        String firefox = PeerPrograms.firefox().toString();
        TempDirectory profile = TempDirectory.create("jrtc-firefox-");
        try {
            Files.writeString(profile.path().resolve("user.js"), PREFS);
        } catch (IOException e) {
            profile.close();
            throw new UncheckedIOException(e);
        }
        PeerProcess process = PeerProcess.start("firefox", List.of(
                firefox, "--headless", "--no-remote", "--profile", profile.path().toString(), page.toString()));
        return new HeadlessFirefox(profile, process);
    }

    /** The last lines Firefox wrote. */
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
