package dev.jrtc.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The command line. */
class DemoOptionsTest {

    @Test
    void defaultsAreLoopbackPort8080AnyOrigin() {
        DemoOptions o = DemoOptions.parse();
        assertEquals(8080, o.port());
        assertEquals("127.0.0.1", o.bindAddress());
        assertEquals(Optional.empty(), o.token());
        assertEquals(List.of(), o.corsOrigins());
        assertEquals(8, o.maxSessions());
        assertEquals(Duration.ofSeconds(30), o.consentTimeout());
    }

    @Test
    void everyOptionIsRead() {
        DemoOptions o = DemoOptions.parse("--port", "9000", "--token", "t", "--max-sessions", "2", "--cors-origin",
                "http://a", "--cors-origin", "http://b", "--record", "rec", "--record-combined", "--window", "--consent-timeout", "5",
                "--ice-address", "127.0.0.1", "--verbose");
        assertEquals(9000, o.port());
        assertEquals(Optional.of("t"), o.token());
        assertEquals(2, o.maxSessions());
        assertEquals(List.of("http://a", "http://b"), o.corsOrigins());
        assertEquals(Optional.of(Path.of("rec")), o.recordDirectory());
        assertTrue(o.recordCombined());
        assertFalse(DemoOptions.parse("--record", "rec").recordCombined());
        assertTrue(o.window() && o.verbose());
        assertEquals(Duration.ofSeconds(5), o.consentTimeout());
        assertEquals(1, o.iceAddresses().size());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--port"))
                .getMessage().contains("--port needs a value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--port", "x"))
                .getMessage().contains("number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--port", "70000"))
                .getMessage().contains("0..65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--frobnicate"))
                .getMessage().contains("unknown option --frobnicate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--record-combined"))
                .getMessage().contains("--record-combined needs --record DIR"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse("--max-sessions", "0"))
                .getMessage().contains("at least 1"));
    }
}
