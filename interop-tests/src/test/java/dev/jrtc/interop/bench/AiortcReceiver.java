package dev.jrtc.interop.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.Aiortc;
import dev.jrtc.interop.pc.PageMessages;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * aiortc 1.4 as the receiver: one connection of the long-running {@code aiortc_side_by_side.py}
 * process, whose CPU time (user + system, from {@code os.times()}) and frame counts the script reports.
 */
final class AiortcReceiver implements SideBySideReceiver {
    private static final Duration REPLY = Duration.ofSeconds(30);

    private final Aiortc aiortc;
    private final boolean decode;
    private final Supplier<String> log;

    AiortcReceiver(Aiortc aiortc, boolean decode, Supplier<String> log) {
        this.aiortc = aiortc;
        this.decode = decode;
        this.log = log;
    }

    @Override
    public String name() {
        return "aiortc";
    }

    @Override
    public String answer(String offerSdp) throws Exception {
        aiortc.send(Map.of("type", "offer", "sdp", offerSdp, "decode", decode));
        return expect("answer").path("sdp").asText();
    }

    @Override
    public double awaitConnectedMillis(Duration within) throws Exception {
        return PageMessages.expect(aiortc, "connected", within, "aiortc", log).path("ms").asDouble();
    }

    @Override
    public Usage usage() throws Exception {
        aiortc.send(Map.of("type", "cpu"));
        JsonNode u = expect("cpu");
        return new Usage(u.path("seconds").asDouble(), u.path("frames").asLong(), u.path("bytes").asLong(),
                u.path("pictures").asLong(), u.path("width").asInt(), u.path("height").asInt());
    }

    @Override
    public void checkAfterConnected() {
        // aiortc reports a failed connection as an error message, which expect() turns into a failure.
    }

    @Override
    public void close() {
        aiortc.send(Map.of("type", "close"));
        try {
            expect("closed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private JsonNode expect(String type) throws InterruptedException {
        return PageMessages.expect(aiortc, type, REPLY, "aiortc", log);
    }
}
