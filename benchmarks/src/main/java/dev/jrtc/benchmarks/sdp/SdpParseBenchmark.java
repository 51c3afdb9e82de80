package dev.jrtc.benchmarks.sdp;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.SessionDescription;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a real Chromium offer (audio, video and a data channel; the same text as the stack-sdp
 * corpus file {@code chromium/offer-audio-video-datachannel.sdp}) into a {@link SessionDescription},
 * and writing it back out. One operation is one whole description.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SdpParseBenchmark {
    static final String RESOURCE = "/sdp/chromium-offer-audio-video-datachannel.sdp";

    private String offer;
    private SessionDescription parsed;

    /** Loads the offer and checks it parses. */
    @Setup
    public void setup() throws ParseException {
        offer = load();
        parsed = SessionDescription.parse(offer);
        if (parsed.toSdpString().isEmpty()) {
            throw new IllegalStateException("the Chromium offer wrote back as nothing");
        }
    }

    /** Text to model. */
    @Benchmark
    public SessionDescription parseChromiumOffer() throws ParseException {
        return SessionDescription.parse(offer);
    }

    /** Model to text (what createOffer/createAnswer pay at the end). */
    @Benchmark
    public String writeChromiumOffer() {
        return parsed.toSdpString();
    }

    static String load() {
        try (InputStream in = SdpParseBenchmark.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
