package dev.jrtc.demo.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing WHIP's PATCH bodies (RFC 8840 trickle-ice-sdpfrag). */
class TrickleFragmentTest {

    @Test
    void candidatesKeepTheirSectionAndTheEndIsSeen() {
        TrickleFragment f = TrickleFragment.parse(String.join("\r\n",
                "a=ice-ufrag:EsAw", "a=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1",
                "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:0",
                "a=candidate:1387637174 1 udp 2122260223 192.0.2.1 61764 typ host generation 0 ufrag EsAw",
                "m=video 9 UDP/TLS/RTP/SAVPF 96", "a=mid:1",
                "a=candidate:3471623853 1 udp 2122194687 198.51.100.2 61765 typ host generation 0 ufrag EsAw",
                "a=end-of-candidates", ""));
        assertEquals(Optional.of("EsAw"), f.ufrag());
        assertEquals(2, f.candidates().size());
        assertEquals("0", f.candidates().get(0).mid());
        assertEquals(1, f.candidates().get(1).mLineIndex());
        assertTrue(f.candidates().get(1).candidate().startsWith("candidate:3471623853 "));
        assertTrue(f.endOfCandidates());
    }

    @Test
    void aLineThatIsNotSdpIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrickleFragment.parse("a=mid:0\r\nhello\r\n"));
        assertTrue(e.getMessage().contains("hello"), e.getMessage());
    }
}
