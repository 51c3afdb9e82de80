package dev.jrtc.interop.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * werift (its own TypeScript SCTP) offers a data channel and jrtc answers and echoes: the browsers'
 * echo test, run by the same script (sctp-checks.js): {@code jrtc.interop.sctp.messages} (1,000)
 * messages of random sizes up to the negotiated max-message-size (werift announces 65536, and jrtc
 * must respect it when echoing), strings and binary, each checked in order.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WeriftDataChannelEchoIT {

    @Test
    void jrtcEchoesAThousandMessagesOfWeriftWholeAndInOrder() throws Exception {
        try (Werift werift = Werift.run("werift_datachannel_echo.js")) {
            JsonNode result = ScriptedPeerEcho.run(werift, "werift", ChromiumDataChannelSuiteIT.MESSAGES,
                    ChromiumDataChannelSuiteIT.MAX_SIZE, Duration.ofSeconds(150));
            assertEquals(65536, result.path("maxSize").asInt(), "werift's a=max-message-size bounds the sizes");
        }
    }
}
