package dev.jrtc.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One line of the harness-to-sender signalling over the sender's stdin and stdout:
 * {@code VERB ID [BASE64]}. Verbs: {@code NEW} / {@code NEWDC} (make a sending connection, without
 * or with a data channel), {@code OFFER}, {@code ANSWER}, {@code CAND} (payload
 * {@code mid\nindex\ncandidate}), {@code START} (begin the 100 frames/s stream), {@code SENT}
 * (asks for, and answers with, the frames sent so far and the sender's CPU nanoseconds), {@code QUIT}.
 */
record SignalLine(String verb, int id, String payload) {

    static SignalLine parse(String line) {
        String[] parts = line.split(" ", 3);
        return new SignalLine(parts[0], Integer.parseInt(parts[1]),
                parts.length > 2 ? new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8) : "");
    }

    String format() {
        return payload.isEmpty() ? verb + " " + id
                : verb + " " + id + " " + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
