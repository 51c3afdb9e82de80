package dev.jrtc.rtp.codec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Each depacketizer, given any sequence of payloads, assembles a frame or rejects it with
 * {@link ParseException}, and its frame-boundary hints never throw. Plain {@code mvn verify} replays
 * the committed inputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DepacketizerFuzzTest {
    private static void exercise(Supplier<Depacketizer> make, FuzzedDataProvider data) {
        Depacketizer d = make.get();
        int rounds = data.consumeInt(1, 3);
        for (int r = 0; r < rounds && data.remainingBytes() > 0; r++) {
            List<byte[]> payloads = new ArrayList<>();
            int count = data.consumeInt(1, 6);
            for (int i = 0; i < count; i++) {
                byte[] p = data.consumeBytes(data.consumeInt(0, 300));
                d.startsFrame(p, 0, p.length);
                d.startsKeyFrame(p, 0, p.length);
                d.endsFrame(p, 0, p.length, i == count - 1);
                payloads.add(p);
            }
            try {
                DepacketizedFrame f = d.depacketize(PayloadSequence.of(payloads));
                if (f.data() == null || f.info() == null) {
                    throw new AssertionError("incomplete frame record");
                }
            } catch (ParseException rejected) {
                // bad payloads are rejected, that is all
            }
        }
    }

    @FuzzTest(maxDuration = "20s")
    void vp8(FuzzedDataProvider data) {
        exercise(Vp8Depacketizer::new, data);
    }

    @FuzzTest(maxDuration = "20s")
    void h264(FuzzedDataProvider data) {
        exercise(H264Depacketizer::new, data);
    }

    @FuzzTest(maxDuration = "20s")
    void vp9(FuzzedDataProvider data) {
        exercise(Vp9Depacketizer::new, data);
    }

    @FuzzTest(maxDuration = "20s")
    void av1(FuzzedDataProvider data) {
        exercise(Av1Depacketizer::new, data);
    }

    @FuzzTest(maxDuration = "20s")
    void opus(FuzzedDataProvider data) {
        exercise(OpusDepacketizer::new, data);
    }

    @FuzzTest(maxDuration = "20s")
    void g711(FuzzedDataProvider data) {
        exercise(G711Depacketizer::new, data);
    }
}
