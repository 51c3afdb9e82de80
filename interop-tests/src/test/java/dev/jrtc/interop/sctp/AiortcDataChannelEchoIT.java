package dev.jrtc.interop.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.Aiortc;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * aiortc 1.4 offers a data channel and jrtc answers and echoes: {@code jrtc.interop.sctp.messages}
 * (1,000) messages of random sizes up to the negotiated max-message-size, which aiortc fixes at
 * 65536 (so jrtc, which must respect it when echoing, never sends more), strings and binary.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AiortcDataChannelEchoIT {

    @Test
    void jrtcEchoesAThousandMessagesOfAiortcWholeAndInOrder() throws Exception {
        try (Aiortc aiortc = Aiortc.run("aiortc_datachannel_echo.py")) {
            JsonNode result = ScriptedPeerEcho.run(aiortc, "aiortc", ChromiumDataChannelSuiteIT.MESSAGES,
                    ChromiumDataChannelSuiteIT.MAX_SIZE, Duration.ofSeconds(150));
            assertEquals(65536, result.path("maxSize").asInt(), "aiortc's a=max-message-size bounds the sizes");
        }
    }
}
