package dev.jrtc.benchmarks.rtp;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.RtpHeader;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionType;
import dev.jrtc.rtp.ext.ExtensionWriter;
import dev.jrtc.rtp.receive.RtpRouter;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Routing RTP of already-known SSRCs through {@link RtpRouter}: eight streams (audio, video with
 * RTX, three simulcast layers with RTX, learned from their MID/RID), packets taken round-robin.
 * Run with {@code -prof gc}: the known-SSRC path must allocate nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RtpRouterBenchmark {
    private final RtpPacket[] views = new RtpPacket[8];
    private RtpRouter<String> router;
    private int next;
    private long now;

    /** Eight packets, each of a different SSRC, and a router that has learned them all. */
    @Setup
    public void setup() throws ParseException {
        ExtensionMap map = ExtensionMap.of(Map.of(ExtensionType.MID, 1, ExtensionType.RID, 2, ExtensionType.REPAIRED_RID, 3));
        ExtensionWriter w = new ExtensionWriter(map);
        router = new RtpRouter<>(map, RtpRouter.Config.defaults(), new DropCounters());
        router.addStream("audio", "0", null, Set.of(111), Map.of());
        router.addStream("video", "1", null, Set.of(96), Map.of(97, 96));
        for (String rid : List.of("q", "h", "f")) {
            router.addStream("sim-" + rid, "2", rid, Set.of(100), Map.of(101, 100));
        }
        byte[][] packets = {
            RtpHeader.of(111, false, 1, 0, 10).withExtensions(List.of(w.mid("0"))).toPacket(new byte[100]),
            RtpHeader.of(96, false, 1, 0, 11).withExtensions(List.of(w.mid("1"))).toPacket(new byte[1100]),
            RtpHeader.of(97, false, 1, 0, 12).withExtensions(List.of(w.mid("1"))).toPacket(new byte[1100]),
            RtpHeader.of(100, false, 1, 0, 13).withExtensions(List.of(w.mid("2"), w.rid("q"))).toPacket(new byte[1100]),
            RtpHeader.of(100, false, 1, 0, 14).withExtensions(List.of(w.mid("2"), w.rid("h"))).toPacket(new byte[1100]),
            RtpHeader.of(100, false, 1, 0, 15).withExtensions(List.of(w.mid("2"), w.rid("f"))).toPacket(new byte[1100]),
            RtpHeader.of(101, false, 1, 0, 16).withExtensions(List.of(w.mid("2"), w.repairedRid("h"))).toPacket(new byte[1100]),
            RtpHeader.of(101, false, 1, 0, 17).withExtensions(List.of(w.mid("2"), w.repairedRid("f"))).toPacket(new byte[1100]),
        };
        for (int i = 0; i < packets.length; i++) {
            views[i] = RtpPacket.of(packets[i], 0, packets[i].length);
            if (router.route(0, views[i]) == null) {
                throw new IllegalStateException("packet " + i + " not routed");
            }
        }
    }

    /** One packet routed by its (known) SSRC; returns the route so nothing is dead code. */
    @Benchmark
    public Object routeKnownSsrc() {
        RtpPacket p = views[next];
        next = (next + 1) & 7;
        return router.route(now++, p);
    }
}
