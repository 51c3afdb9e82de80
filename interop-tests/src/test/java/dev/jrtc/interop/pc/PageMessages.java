package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.PeerChannel;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Reads what a test page POSTs to the {@link LocalTestServer} (or what a scripted peer writes to its
 * {@link PeerChannel}), failing with the peer's log.
 */
public final class PageMessages {
    private PageMessages() {
    }

    /**
     * The next message of {@code type}, skipping (and printing) the page's progress reports. An
     * {@code error} message, or nothing of that type within {@code within}, fails the test with the
     * end of the browser's log.
     */
    public static JsonNode expect(PeerChannel server, String type, Duration within, String browser,
            Supplier<String> logTail) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            JsonNode m = server.receive(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (m == null) {
                break;
            }
            String t = m.path("type").asText();
            if (t.equals(type)) {
                return m;
            }
            if (t.equals("error")) {
                fail("the page failed: " + m.path("error").asText() + "\n--- " + browser + " log:\n" + logTail.get());
            }
            System.out.println("page: " + m);
        }
        return fail("no '" + type + "' from the page within " + within.toSeconds() + " s\n--- " + browser + " log:\n"
                + logTail.get());
    }
}
