package dev.jrtc.benchmarks.load;

import dev.jrtc.peerconnection.netty.KernelUdpCounters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The receive load test: N real {@code RTCPeerConnection}s (ICE, DTLS, SRTP on 127.0.0.1) in this
 * process, on the shared event loops, each receiving a {@link LoadFrames} stream (100 packets/s,
 * about 1 Mbit/s, not decoded) from its own sending connection in a {@link LoadSender} child process.
 * N ramps through the given steps; at each one the harness measures over a window and writes a row;
 * it stops after the first step past a limit (setup failure, added latency p99, loss in our process,
 * too few packets).
 *
 * <p><b>Added latency</b> is what our process adds to each RTP packet: from the start of the socket
 * read that brought it to the engine returning with the packet decrypted and in its jitter buffer
 * (a {@code ReceiveProbe} on every connection). <b>End-to-end frame latency</b> is reported beside it,
 * labelled: the sender's {@code nanoTime} stamp to {@code onframe} here, which adds the sender, the
 * kernel's loopback, the wait in our socket buffer and the jitter buffer's intentional hold.
 *
 * <p><b>Loss in our process</b> is RTP datagrams our sockets read minus RTP packets the engines
 * handed on, from our own counters; the kernel's UDP {@code RcvbufErrors}/{@code InErrors} are
 * reported separately.
 *
 * <p>Usage (see {@code benchmarks/scripts/run-load.sh}):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.jrtc.benchmarks.load.ReceiveLoadHarness
 * [--steps 100,250,500,750,1000,1250,1500,2000] [--window 10] [--settle 3] [--max-p99-ms 5] [--min-received 0.99] [--out benchmarks/results]
 * [--plot docs/load-plot.png]}
 */
public final class ReceiveLoadHarness {
    private final Map<Integer, ReceivingConnection> connections = new ConcurrentHashMap<>();
    private final ExecutorService signalling = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "load-signalling");
        t.setDaemon(true);
        return t;
    });
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram processing = new LatencyHistogram(1_000L, 1_000_000);
    private final GcPauses gcPauses = new GcPauses();
    private final SenderProcess sender;
    private int nextId;

    private ReceiveLoadHarness(List<String> senderJvmOptions) throws Exception {
        sender = new SenderProcess(senderJvmOptions, this::onSenderLine);
    }

    public static void main(String[] args) throws Exception {
        LoadOptions o = LoadOptions.parse(args);
        ReceiveLoadHarness h = new ReceiveLoadHarness(o.senderJvmOptions());
        int code = 0;
        try {
            if (o.memory() > 0) {
                h.memory(o);
            } else {
                h.ramp(o);
            }
        } catch (Exception e) {
            e.printStackTrace();
            code = 1;
        } finally {
            h.sender.close();
        }
        System.exit(code);
    }

    private void onSenderLine(SignalLine s) {
        ReceivingConnection c = connections.get(s.id());
        if (c == null) {
            return;
        }
        switch (s.verb()) {
            case "OFFER" -> signalling.execute(() -> {
                try {
                    c.onOffer(s.payload());
                } catch (Exception e) {
                    c.connected.completeExceptionally(e);
                }
            });
            case "CAND" -> c.onRemoteCandidate(s.payload());
            default -> System.err.println("unexpected from sender: " + s.verb());
        }
    }

    /** Opens {@code count} more connections, at most {@code parallel} setting up at once. */
    private List<ReceivingConnection> open(int count, int parallel, boolean dataChannel) throws Exception {
        List<ReceivingConnection> opened = new ArrayList<>();
        for (int done = 0; done < count; ) {
            int batch = Math.min(parallel, count - done);
            List<ReceivingConnection> b = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                int id = nextId++;
                ReceivingConnection c = new ReceivingConnection(id, sender, latency, processing);
                connections.put(id, c);
                b.add(c);
                sender.send(new SignalLine(dataChannel ? "NEWDC" : "NEW", id, ""));
            }
            for (ReceivingConnection c : b) {
                c.connected.get(60, TimeUnit.SECONDS);
                if (dataChannel) {
                    c.dataChannelOpen.get(60, TimeUnit.SECONDS);
                }
            }
            opened.addAll(b);
            done += batch;
        }
        return opened;
    }

    private void ramp(LoadOptions o) throws Exception {
        List<LoadStep> steps = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int target : o.steps()) {
            String limit = "";
            try {
                long s0 = System.nanoTime();
                List<ReceivingConnection> added = open(target - connections.size(), o.parallelSetup(), false);
                for (ReceivingConnection c : added) {
                    sender.send(new SignalLine("START", c.id, ""));
                }
                System.err.printf(Locale.ROOT, "step %d: %d connections set up in %.1f s%n", target, added.size(),
                        (System.nanoTime() - s0) / 1e9);
            } catch (Exception e) {
                limit = "setup failed: " + e;
            }
            if (!limit.isEmpty()) {
                System.err.println("ramp stops at " + target + ": " + limit);
                steps.add(LoadStep.failed(connections.size(), ProcessGauges.threads(), limit));
                break;
            }
            LoadStep step = measure(o);
            steps.add(step);
            System.err.println(LoadStep.markdownHeader().lines().findFirst().orElseThrow());
            System.err.println(step.markdown());
            report(o, steps, (System.nanoTime() - t0) / 1e9); // after every step, so a stopped ramp keeps its rows
            if (!step.limit().isEmpty()) {
                return;
            }
        }
        report(o, steps, (System.nanoTime() - t0) / 1e9);
    }

    private LoadStep measure(LoadOptions o) throws Exception {
        Thread.sleep(o.settleSeconds() * 1000L);
        long[] rtp0 = rtpCounters();
        latency.reset();
        processing.reset();
        gcPauses.reset();
        connections.values().forEach(ReceivingConnection::resetCounters);
        SenderSample sender0 = sender.sample();
        KernelUdpCounters kernel0 = KernelUdpCounters.read();
        long ownDrops0 = KernelUdpCounters.ownSocketDrops();
        long cpu0 = ProcessGauges.cpuNanos();
        ThreadCpu threads0 = ThreadCpu.now();
        Arrivals arrivals0 = Arrivals.now(connections.values());
        long wall0 = System.nanoTime();
        Thread.sleep(o.windowSeconds() * 1000L);
        long wall = System.nanoTime() - wall0;
        Arrivals arrivals = Arrivals.now(connections.values()).since(arrivals0);
        long cpu = ProcessGauges.cpuNanos() - cpu0;
        ThreadCpu threadCpu = ThreadCpu.now().since(threads0);
        KernelUdpCounters kernel = KernelUdpCounters.read().minus(kernel0);
        long ownDrops = KernelUdpCounters.ownSocketDrops() - ownDrops0;
        SenderSample sender1 = sender.sample();
        long[] rtp1 = rtpCounters(); // exact read/processed pairs per connection, but sampled over seconds: counts only
        double seconds = wall / 1e9;
        long sent = sender1.frames() - sender0.frames();
        double sentPerSecond = sender1.framesPerSecondSince(sender0);
        double senderCpu = sender1.coresSince(sender0);
        long missing = connections.values().stream().mapToLong(c -> c.missing.get()).sum();
        long rtpRead = rtp1[0] - rtp0[0];
        long rtpProcessed = rtp1[1] - rtp0[1];
        long dropped = rtp1[2] - rtp0[2];
        double p50 = processing.percentileMillis(50);
        double p99 = processing.percentileMillis(99);
        int pauses = gcPauses.count();
        long pauseP99 = gcPauses.percentileMillis(99);
        double heap = ProcessGauges.heapAfterGc() / 1048576.0;
        double rss = ProcessGauges.rssBytes() / 1048576.0;
        String limit = "";
        if (p99 > o.maxP99Millis()) {
            limit = String.format(Locale.ROOT, "added latency p99 %.2f ms > %.1f ms", p99, o.maxP99Millis());
        } else if (rtpRead != rtpProcessed) {
            limit = String.format(Locale.ROOT, "%d RTP packets read but not processed", rtpRead - rtpProcessed);
        } else if (arrivals.frames() / seconds < sentPerSecond * o.minReceivedFraction()) {
            limit = String.format(Locale.ROOT, "%.0f frames delivered per second of %.0f sent", arrivals.frames() / seconds,
                    sentPerSecond);
        }
        double perPacket = arrivals.rtpRead() == 0 ? Double.NaN : 1e-3 / arrivals.rtpRead();
        return new LoadStep(connections.size(), cpu / (double) wall, senderCpu, sentPerSecond, arrivals.rtpRead() / seconds,
                arrivals.frames() / seconds,
                threadCpu.loopUserNanos() * perPacket, threadCpu.loopSystemNanos() * perPacket, threadCpu.jitNanos() / (double) wall,
                threadCpu.gcNanos() / (double) wall, p50, p99,
                latency.percentileMillis(50), latency.percentileMillis(99), pauses, pauseP99, heap, rss, ProcessGauges.threads(),
                sent, rtpRead, rtpProcessed, dropped, missing, ownDrops, kernel.receiveBufferErrors(), kernel.inErrors(), limit);
    }

    /** Sums of {@link ReceivingConnection#rtpCounters()} over all connections. */
    private long[] rtpCounters() throws Exception {
        long[] sum = new long[3];
        for (ReceivingConnection c : connections.values()) {
            long[] r = c.rtpCounters();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += r[i];
            }
        }
        return sum;
    }

    private void report(LoadOptions o, List<LoadStep> steps, double seconds) throws Exception {
        Files.createDirectories(o.out());
        List<String> csv = new ArrayList<>();
        csv.add(LoadStep.csvHeader());
        steps.forEach(s -> csv.add(s.csv()));
        Files.write(o.out().resolve("load.csv"), csv);
        StringBuilder md = new StringBuilder();
        md.append(Machine.describe()).append('\n');
        md.append(String.format(Locale.ROOT, "Ramp of %.0f s: `%s`; window %d s per step after %d s settling; "
                + "limit: added latency p99 over %.1f ms, any RTP packet read but not processed, or frames delivered at under "
                + "%.0f %% of the sender's rate.%n%n", seconds, o.commandLine(), o.windowSeconds(),
                o.settleSeconds(), o.maxP99Millis(), 100 * o.minReceivedFraction()));
        md.append(LoadStep.markdownHeader()).append('\n');
        steps.forEach(s -> md.append(s.markdown()).append('\n'));
        Files.writeString(o.out().resolve("load.md"), md);
        List<LoadStep> plotted = steps.stream().filter(s -> !Double.isNaN(s.cpuCores())).toList();
        if (!plotted.isEmpty()) {
            LoadPlot.write(plotted, "jrtc receive load, " + Machine.shortName() + ", " + Instant.now().toString().substring(0, 10),
                    o.plot());
        }
        System.out.println(md);
        System.out.println("wrote " + o.out().resolve("load.csv") + ", " + o.out().resolve("load.md") + ", " + o.plot());
    }

    /** Heap per connection: idle (video transceiver, connected, no media) and with one open data channel. */
    private void memory(LoadOptions o) throws Exception {
        open(o.parallelSetup(), o.parallelSetup(), false); // warm up the code paths and class loading
        closeAll();
        List<String> rows = new ArrayList<>();
        StringBuilder growth = new StringBuilder();
        for (boolean dataChannel : new boolean[] {false, true}) {
            ClassHistogram before = ClassHistogram.take();
            long heap0 = ProcessGauges.heapAfterGc();
            long rss0 = ProcessGauges.rssBytes();
            int threads0 = ProcessGauges.threads();
            long s0 = System.nanoTime();
            open(o.memory(), o.parallelSetup(), dataChannel);
            double setup = (System.nanoTime() - s0) / 1e9;
            Thread.sleep(o.settleSeconds() * 1000L);
            long heap = ProcessGauges.heapAfterGc() - heap0;
            long rss = ProcessGauges.rssBytes() - rss0;
            int threads = ProcessGauges.threads() - threads0;
            ClassHistogram after = ClassHistogram.take();
            growth.append(String.format(Locale.ROOT, "%nClasses that grew most, %s (histogram delta %.1f KiB per connection):%n%n",
                    dataChannel ? "with a data channel" : "idle", (after.totalBytes() - before.totalBytes()) / 1024.0 / o.memory()));
            growth.append("| class | KiB per connection |\n|---|---:|\n");
            after.growthRows(before, o.memory(), 12).forEach(r -> growth.append(r).append('\n'));
            String row = String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.2f | %.1f |",
                    dataChannel ? "video transceiver + 1 open data channel (SCTP)" : "idle: video transceiver, no SCTP",
                    o.memory(), heap / 1024.0 / o.memory(), rss / 1024.0 / o.memory(), heap / 1048576.0,
                    threads / (double) o.memory(), setup);
            rows.add(row);
            System.err.println(row);
            closeAll();
        }
        Files.createDirectories(o.out());
        String md = Machine.describe() + "\n`" + o.commandLine() + "`\n\n"
                + "| connections | N | heap KiB per connection | RSS KiB per connection | heap delta MiB | threads per connection | setup s |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n" + String.join("\n", rows) + "\n" + growth;
        Files.writeString(o.out().resolve("memory.md"), md);
        System.out.println(md);
    }

    private void closeAll() throws InterruptedException {
        for (ReceivingConnection c : connections.values()) {
            c.pc.close();
        }
        connections.clear();
        Thread.sleep(1000);
    }

    /** Command-line options. */
    record LoadOptions(int[] steps, int windowSeconds, int settleSeconds, double maxP99Millis, double minReceivedFraction,
            int parallelSetup,
            int memory, Path out, Path plot, List<String> senderJvmOptions, String commandLine) {

        static LoadOptions parse(String[] args) {
            int[] steps = {100, 250, 500, 750, 1000, 1250, 1500, 2000};
            int window = 10;
            int settle = 3;
            double maxP99 = 5;
            double minReceived = 0.99;
            int parallel = 16;
            int memory = 0;
            Path out = Path.of("benchmarks/results");
            Path plot = Path.of("docs/load-plot.png");
            List<String> senderJvm = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseG1GC"));
            for (int i = 0; i < args.length; i++) {
                String v = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--steps" -> steps = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                    case "--window" -> window = Integer.parseInt(v);
                    case "--settle" -> settle = Integer.parseInt(v);
                    case "--max-p99-ms" -> maxP99 = Double.parseDouble(v);
                    case "--min-received" -> minReceived = Double.parseDouble(v);
                    case "--parallel-setup" -> parallel = Integer.parseInt(v);
                    case "--memory" -> memory = Integer.parseInt(v);
                    case "--out" -> out = Path.of(v);
                    case "--plot" -> plot = Path.of(v);
                    case "--sender-jvm" -> senderJvm = Arrays.asList(v.split(" "));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            return new LoadOptions(steps, window, settle, maxP99, minReceived, parallel, memory, out, plot, senderJvm,
                    "ReceiveLoadHarness " + String.join(" ", args));
        }
    }
}
