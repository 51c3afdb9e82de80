package dev.jrtc.reliability.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.VideoCall;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The whole engine fed fuzzed datagrams and time steps: a connected call receives, from the
 * validated peer's address or from anywhere, datagrams whose first byte lands in each RFC 7983
 * range (STUN, DTLS, SRTP/SRTCP) or outside them, interleaved with jumps of virtual time. Nothing may
 * throw out of the engine ({@link EnginePair} turns a throw into a failure). The call is reused
 * between inputs while it stays connected, so one process fuzzes thousands of inputs a second.
 * Plain {@code mvn verify} replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class EngineDatagramFuzzTest {
    private static final byte[] FIRST_BYTE_RANGES = {0, 20, (byte) 128, 64, (byte) 192};
    private static EnginePair pair;
    private static VideoCall call;

    @FuzzTest(maxDuration = "60s")
    void fuzzedDatagramsAndTimeStepsNeverThrow(FuzzedDataProvider data) throws Exception {
        connectedCall();
        int steps = data.consumeInt(1, 16);
        for (int i = 0; i < steps && data.remainingBytes() > 0; i++) {
            switch (data.consumeInt(0, 3)) {
                case 0 -> pair.runFor(Duration.ofMillis(data.consumeInt(0, 3000)));
                case 1 -> call.send(1);
                default -> {
                    boolean fromPeer = data.consumeBoolean();
                    InetSocketAddress from = fromPeer ? pair.a.address
                            : new InetSocketAddress("10.0.0." + data.consumeInt(1, 254), data.consumeInt(1, 65535));
                    byte[] datagram = data.consumeBytes(data.consumeInt(0, 1500));
                    if (datagram.length > 0 && data.consumeBoolean()) {
                        datagram[0] = (byte) (FIRST_BYTE_RANGES[data.consumeInt(0, FIRST_BYTE_RANGES.length - 1)]
                                + (datagram[0] & 0x03));
                    }
                    pair.inject(pair.b, from, datagram);
                }
            }
        }
    }

    private static void connectedCall() throws Exception {
        // The harness records every event and datagram; a fresh call now and then keeps a long
        // fuzzing run's memory flat.
        boolean worn = pair != null && pair.a.sent.size() + pair.b.sent.size() + pair.b.events.size() > 50_000;
        if (pair != null && !worn && pair.a.connected() && pair.b.connected()) {
            return;
        }
        if (pair != null) {
            pair.close();
        }
        pair = new EnginePair(31);
        call = VideoCall.connect(pair);
    }
}
