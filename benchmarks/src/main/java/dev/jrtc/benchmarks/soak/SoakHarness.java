package dev.jrtc.benchmarks.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The soak: {@code connections} pairs of real {@link dev.jrtc.peerconnection.api.RTCPeerConnection}s
 * on 127.0.0.1 in this JVM, each with synthetic VP8 video (offerer to answerer) and one reliable
 * ordered data channel carrying numbered messages both ways, run for {@code minutes}. Every minute
 * it samples the heap after full GCs, live threads, open file descriptors and the message and frame
 * counters. At the end it stops sending, waits for the channels to drain and checks the rules of
 * {@link SoakVerdict} plus: every message received exactly once and in order, all pairs still
 * connected, and video still arriving on every pair in the last minute. Netty's {@code LEAK:} lines
 * go to the log; {@code scripts/soak.sh} checks those.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.jrtc.benchmarks.soak.SoakHarness MINUTES CONNECTIONS [SUMMARY_FILE]}.
 * Rates: {@code -Dsoak.fps=10} frames per second per pair (1,000-byte frames), {@code -Dsoak.mps=5}
 * messages per second per direction; {@code -Dsoak.sampleSeconds=60}. Exit code 0 if every check
 * passed, 1 otherwise.
 */
public final class SoakHarness {
    private static final long TICK_MS = 20;
    private static final java.util.concurrent.atomic.AtomicLong SEND_ERRORS = new java.util.concurrent.atomic.AtomicLong();

    private SoakHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SoakHarness MINUTES CONNECTIONS [SUMMARY_FILE]");
            System.exit(2);
        }
        int minutes = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        Path summaryFile = args.length > 2 ? Path.of(args[2]) : null;
        int fps = Integer.getInteger("soak.fps", 10);
        int mps = Integer.getInteger("soak.mps", 5);
        long sampleMs = Integer.getInteger("soak.sampleSeconds", 60) * 1000L;

        Instant started = Instant.now();
        log("connecting %d pairs", connections);
        List<SoakPair> pairs = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            pairs.add(SoakPair.connect("soak-" + i));
        }
        log("connected %d pairs in %.1f s", connections, (System.currentTimeMillis() - started.toEpochMilli()) / 1e3);

        byte[] frame = Vp8Frames.keyFrame(1000);
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "soak-sender");
            t.setDaemon(true);
            return t;
        });
        long ticksPerFrame = 90_000L / fps;
        long ticksPerSecond = 1000 / TICK_MS;
        long frameEvery = Math.max(1, ticksPerSecond / fps);
        long messageEvery = Math.max(1, ticksPerSecond / mps);
        long[] tick = {0};
        // Pair i sends on ticks offset by i, so that the pairs do not all send at once.
        sender.scheduleAtFixedRate(() -> {
            long t = tick[0]++;
            for (int i = 0; i < pairs.size(); i++) {
                SoakPair p = pairs.get(i);
                try {
                    if ((t + i) % frameEvery == 0) {
                        p.sendFrame(frame, ticksPerFrame);
                    }
                    if ((t + i) % messageEvery == 0) {
                        p.sendMessages();
                    }
                } catch (RuntimeException e) {
                    // an exception would cancel the schedule; count it and let the verdict fail
                    if (SEND_ERRORS.getAndIncrement() == 0) {
                        e.printStackTrace();
                    }
                }
            }
        }, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);

        List<SoakSample> samples = new ArrayList<>();
        samples.add(sample(0, pairs));
        long origin = System.currentTimeMillis();
        long[] framesAtLastSample = framesPerPair(pairs);
        long[] framesBeforeLastSample = framesAtLastSample;
        int sampleCount = (int) (minutes * 60_000L / sampleMs);
        for (int m = 1; m <= sampleCount; m++) {
            long wait = origin + m * sampleMs - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
            framesBeforeLastSample = framesAtLastSample;
            framesAtLastSample = framesPerPair(pairs);
            samples.add(sample(m, pairs));
        }
        sender.shutdown();
        sender.awaitTermination(10, TimeUnit.SECONDS);

        long drainDeadline = System.currentTimeMillis() + 30_000;
        while (!pairs.stream().allMatch(SoakPair::drained) && System.currentTimeMillis() < drainDeadline) {
            Thread.sleep(100);
        }
        SoakVerdict verdict = judge(pairs, samples, framesBeforeLastSample, framesAtLastSample);
        for (SoakPair p : pairs) {
            p.close();
        }

        String summary = String.format(Locale.ROOT, "Soak %s: %d minutes, %d connection pairs (%d peer connections), "
                        + "%d fps x 1000 B video per pair, %d messages/s each way per pair, JDK %s, %d cores%n%n",
                started, minutes, connections, 2 * connections, fps, mps, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors())
                + SoakVerdict.table(samples) + "\n" + verdict.checksTable();
        System.out.print(summary);
        System.out.println("in-process checks: " + (verdict.passed() ? "PASS" : "FAIL"));
        if (summaryFile != null) {
            Files.writeString(summaryFile, summary);
        }
        System.exit(verdict.passed() ? 0 : 1);
    }

    private static SoakVerdict judge(List<SoakPair> pairs, List<SoakSample> samples, long[] framesBefore,
            long[] framesAfter) {
        SoakVerdict v = new SoakVerdict();
        // Netty falls back from a no-op SLF4J to java.util.logging; a silent logger would hide LEAK: reports.
        boolean leakReportsLogged = io.netty.util.internal.logging.InternalLoggerFactory
                .getInstance(io.netty.util.ResourceLeakDetector.class).isErrorEnabled();
        v.add("Netty leak reports are logged (level " + io.netty.util.ResourceLeakDetector.getLevel() + ")",
                io.netty.util.internal.logging.InternalLoggerFactory.getDefaultFactory().getClass().getSimpleName(),
                leakReportsLogged);
        v.checkFlat(samples);
        long sent = 0;
        long received = 0;
        long outOfSequence = 0;
        int undrained = 0;
        for (SoakPair p : pairs) {
            for (SoakPair.MessageStream s : List.of(p.offererToAnswerer(), p.answererToOfferer())) {
                sent += s.sent.get();
                received += s.received.get();
                outOfSequence += s.outOfSequence.get();
            }
            if (!p.drained()) {
                undrained++;
            }
        }
        v.add("every reliable message received exactly once, in order",
                String.format(Locale.ROOT, "%d sent, %d received, %d out of sequence, %d pairs not drained",
                        sent, received, outOfSequence, undrained),
                sent == received && outOfSequence == 0 && undrained == 0 && sent > 0);
        v.add("no exception from the send calls", SEND_ERRORS.get() + "", SEND_ERRORS.get() == 0);
        long connected = pairs.stream().filter(SoakPair::connected).count();
        v.add("all pairs connected at the end", connected + " of " + pairs.size(), connected == pairs.size());
        int stalled = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (framesAfter[i] <= framesBefore[i]) {
                stalled++;
            }
        }
        long framesSent = pairs.stream().mapToLong(SoakPair::framesSent).sum();
        long framesReceived = pairs.stream().mapToLong(SoakPair::framesReceived).sum();
        v.add("video arrives on every pair in the last minute",
                String.format(Locale.ROOT, "%d pairs stalled; %d of %d frames received (%.4f)", stalled,
                        framesReceived, framesSent, framesReceived / (double) Math.max(1, framesSent)),
                stalled == 0);
        return v;
    }

    private static long[] framesPerPair(List<SoakPair> pairs) {
        return pairs.stream().mapToLong(SoakPair::framesReceived).toArray();
    }

    private static SoakSample sample(int minute, List<SoakPair> pairs) throws InterruptedException {
        long heap = SoakSample.heapAfterFullGc();
        long sent = 0;
        long received = 0;
        for (SoakPair p : pairs) {
            sent += p.offererToAnswerer().sent.get() + p.answererToOfferer().sent.get();
            received += p.offererToAnswerer().received.get() + p.answererToOfferer().received.get();
        }
        SoakSample s = new SoakSample(minute, heap, SoakSample.liveThreads(), SoakSample.openFileDescriptors(), sent,
                received, pairs.stream().mapToLong(SoakPair::framesSent).sum(),
                pairs.stream().mapToLong(SoakPair::framesReceived).sum(),
                (int) pairs.stream().filter(SoakPair::connected).count());
        log("sample %s", s);
        return s;
    }

    private static void log(String format, Object... args) {
        System.out.println(Instant.now() + " " + String.format(Locale.ROOT, format, args));
    }
}
