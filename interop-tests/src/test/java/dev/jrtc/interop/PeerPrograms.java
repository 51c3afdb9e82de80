package dev.jrtc.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the real peers on this machine. A missing peer <em>fails</em> the test with the Debian
 * package to install: interop coverage that silently skips is coverage nobody has.
 */
final class PeerPrograms {
    /** Debian's own interpreter: it is the one that sees the python3-* packages (pyenv's does not). */
    static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    private PeerPrograms() {}

    static Path chromium() {
        return onPath("chromium", "chromium");
    }

    static Path firefox() {
        return onPath("firefox-esr", "firefox-esr");
    }

    /** /usr/bin/python3, checked to import aiortc. */
    static Path aiortcPython() {
        return systemPythonThatRuns("import aiortc", "python3-aiortc");
    }

    /** /usr/bin/python3, checked to reach webrtcbin, vp8enc, opusenc and libnice through GObject introspection. */
    static Path gstreamerWebrtcPython() {
        return systemPythonThatRuns(
                "import gi; gi.require_version('Gst', '1.0'); gi.require_version('GstWebRTC', '1.0');"
                        + "from gi.repository import Gst, GstWebRTC; Gst.init(None);"
                        + "missing = [e for e in ('webrtcbin', 'nicesrc', 'vp8enc', 'rtpvp8pay', 'opusenc',"
                        + " 'rtpopuspay', 'videotestsrc', 'audiotestsrc') if Gst.ElementFactory.find(e) is None];"
                        + "assert not missing, missing",
                "python3-gi gir1.2-gst-plugins-bad-1.0 gstreamer1.0-plugins-bad gstreamer1.0-plugins-good"
                        + " gstreamer1.0-plugins-base gstreamer1.0-nice");
    }

    private static Path onPath(String program, String debianPackages) {
        Optional<Path> found = List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator))
                .stream()
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
        if (found.isEmpty()) {
            fail(program + " not found: apt-get install " + debianPackages);
        }
        return found.get();
    }

    private static Path systemPythonThatRuns(String pythonCode, String debianPackages) {
        if (!Files.isExecutable(SYSTEM_PYTHON)) {
            fail(SYSTEM_PYTHON + " not found: apt-get install python3 " + debianPackages);
        }
        try {
            Process check = new ProcessBuilder(SYSTEM_PYTHON.toString(), "-c", pythonCode)
                    .redirectErrorStream(true)
                    .start();
            if (!check.waitFor(PeerTimeouts.MESSAGE.toSeconds(), TimeUnit.SECONDS)) {
                check.destroyForcibly();
                fail(SYSTEM_PYTHON + " hung checking for " + debianPackages);
            }
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (check.exitValue() != 0) {
                fail(debianPackages + " not usable from " + SYSTEM_PYTHON + ": apt-get install " + debianPackages
                        + "\n" + output);
            }
        } catch (IOException e) {
            fail("could not run " + SYSTEM_PYTHON + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted checking for " + debianPackages);
        }
        return SYSTEM_PYTHON;
    }
}
