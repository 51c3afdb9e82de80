package dev.jrtc.rtp.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.HeaderExtension;
import dev.jrtc.rtp.RtpHeader;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionType;
import dev.jrtc.rtp.ext.ExtensionWriter;
import dev.jrtc.rtp.receive.RtpRouter.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link RtpRouter}: SSRC, then MID/RID/repaired-RID, then payload type; bounded against floods. */
class RtpRouterTest {
    private static final ExtensionMap EXT = ExtensionMap.of(Map.of(ExtensionType.MID, 1, ExtensionType.RID, 2,
            ExtensionType.REPAIRED_RID, 3));
    private static final ExtensionWriter W = new ExtensionWriter(EXT);
    private static final long SECOND = 1_000_000_000L;

    private final DropCounters drops = new DropCounters();

    private RtpRouter<String> router(int maxSsrcs) {
        RtpRouter<String> r = new RtpRouter<>(EXT, new RtpRouter.Config(maxSsrcs, 5 * SECOND), drops);
        r.addStream("audio", "0", null, Set.of(111), Map.of());
        r.addStream("video", "1", null, Set.of(96), Map.of(97, 96));
        r.addStream("sim-h", "2", "h", Set.of(100), Map.of(101, 100));
        r.addStream("sim-l", "2", "l", Set.of(100), Map.of(101, 100));
        return r;
    }

    private static RtpPacket packet(int pt, long ssrc, HeaderExtension... ext) throws Exception {
        byte[] b = new RtpHeader(false, pt, 1, 0, ssrc, List.of(), List.of(ext)).toPacket(new byte[] {1, 2, 3});
        return RtpPacket.of(b, 0, b.length);
    }

    @Test
    void learnsFromMidAndKeepsTheSsrcWhenLaterPacketsCarryNoMid() throws Exception {
        RtpRouter<String> r = router(8);
        assertEquals(new Route<>("video", false), r.route(0, packet(96, 10, W.mid("1"))));
        assertEquals(new Route<>("video", false), r.route(1, packet(96, 10)), "SSRC learned; MID no longer needed");
        assertEquals(new Route<>("audio", false), r.route(2, packet(111, 11, W.mid("0"))));
        assertEquals(2, r.knownSsrcs());
        assertEquals(0, drops.total());
    }

    @Test
    void rtxIsARepairByAptOrByRepairedRid() throws Exception {
        RtpRouter<String> r = router(8);
        assertEquals(new Route<>("video", true), r.route(0, packet(97, 20, W.mid("1"))), "RTX payload type (apt)");
        assertEquals(new Route<>("video", true), r.route(0, packet(97, 20)), "then by SSRC");
        assertEquals(new Route<>("sim-l", true), r.route(0, packet(101, 21, W.mid("2"), W.repairedRid("l"))));
        assertEquals(new Route<>("sim-h", false), r.route(0, packet(100, 22, W.mid("2"), W.rid("h"))));
        assertEquals(new Route<>("sim-l", false), r.route(0, packet(100, 23, W.mid("2"), W.rid("l"))));
    }

    @Test
    void simulcastWithoutRidIsAmbiguousAndDroppedUntilTheRidComes() throws Exception {
        RtpRouter<String> r = router(8);
        assertNull(r.route(0, packet(100, 30, W.mid("2"))));
        assertEquals(1, drops.get(DropReason.UNKNOWN_STREAM));
        assertEquals(0, r.knownSsrcs(), "nothing learned from an ambiguous packet");
        assertEquals(new Route<>("sim-h", false), r.route(0, packet(100, 30, W.mid("2"), W.rid("h"))));
        assertNull(r.route(0, packet(100, 31, W.mid("9"))), "unknown MID");
        assertNull(r.route(0, packet(96, 32, W.mid("1"), W.rid("x"))), "RID the section does not have");
        assertEquals(3, drops.get(DropReason.UNKNOWN_STREAM));
    }

    @Test
    void withoutMidOnlyAPayloadTypeThatOneStreamUsesDecides() throws Exception {
        RtpRouter<String> r = router(8);
        assertEquals(new Route<>("video", false), r.route(0, packet(96, 40)));
        assertEquals(new Route<>("video", true), r.route(0, packet(97, 41)));
        assertNull(r.route(0, packet(100, 42)), "two simulcast layers share PT 100");
        assertNull(r.route(0, packet(55, 43)), "nobody receives PT 55");
        assertEquals(2, drops.get(DropReason.UNKNOWN_STREAM));
    }

    @Test
    void signalledSsrcsWinAndAreNeverEvicted() throws Exception {
        RtpRouter<String> r = router(2);
        r.bindSsrc(50, "audio", false);
        assertEquals(new Route<>("audio", false), r.route(0, packet(96, 50, W.mid("1"))), "a=ssrc beats the MID");
        assertEquals(new Route<>("video", false), r.route(0, packet(96, 51, W.mid("1"))));
        // Full. At 100 s the learned SSRC 51 has been idle long enough to give its place to 52...
        assertEquals(new Route<>("video", true), r.route(100 * SECOND, packet(97, 52, W.mid("1"))));
        assertEquals(0, drops.get(DropReason.SSRC_TABLE_FULL));
        // ...but the signalled SSRC 50, idle just as long, is not evicted: 53 is dropped instead.
        assertNull(r.route(100 * SECOND, packet(96, 53, W.mid("1"))));
        assertEquals(1, drops.get(DropReason.SSRC_TABLE_FULL));
        assertEquals(new Route<>("audio", false), r.route(100 * SECOND, packet(96, 50)));
        assertEquals(2, r.knownSsrcs());
    }

    @Test
    void anSsrcFloodIsBoundedDroppedAndCountedAndActiveStreamsKeepFlowing() throws Exception {
        RtpRouter<String> r = router(16);
        r.bindSsrc(1, "audio", false);
        long now = 0;
        r.route(now, packet(96, 2, W.mid("1")));
        List<Long> flood = new ArrayList<>();
        for (long s = 1000; s < 11_000; s++) {
            flood.add(s);
        }
        int routed = 0;
        for (long s : flood) {
            now += 100_000; // 10,000 packets/s, all with a valid MID
            routed += r.route(now, packet(96, s, W.mid("1"))) != null ? 1 : 0;
            if (s % 10 == 0) {
                assertEquals(new Route<>("video", false), r.route(now, packet(96, 2)), "the real stream still routes");
                assertEquals(new Route<>("audio", false), r.route(now, packet(111, 1)));
            }
        }
        assertEquals(16, r.knownSsrcs(), "the table never grows past its bound");
        assertEquals(14, routed, "only the free slots were learned: the flood is 1 s long, shorter than the idle time");
        assertEquals(flood.size() - 14, drops.get(DropReason.SSRC_TABLE_FULL));
        // Once the flood SSRCs have been idle for 5 s, a new real stream can take a slot.
        now += 5 * SECOND;
        r.route(now, packet(96, 2));
        r.route(now, packet(111, 1));
        assertEquals(new Route<>("sim-h", false), r.route(now, packet(100, 77, W.mid("2"), W.rid("h"))));
        assertEquals(16, r.knownSsrcs());
    }

    @Test
    void forgetFreesASlotAndBadApiInputIsRefused() throws Exception {
        RtpRouter<String> r = router(1);
        assertEquals(new Route<>("video", false), r.route(0, packet(96, 5, W.mid("1"))));
        assertNull(r.route(0, packet(111, 6, W.mid("0"))));
        assertEquals(1, drops.get(DropReason.SSRC_TABLE_FULL));
        r.forget(5);
        assertEquals(new Route<>("audio", false), r.route(0, packet(111, 6, W.mid("0"))));
        assertThrows(IllegalArgumentException.class, () -> r.addStream("dup", "2", "h", Set.of(1), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> r.bindSsrc(9, "nobody", false));
        assertThrows(IllegalArgumentException.class, () -> new RtpRouter.Config(0, 1));
    }
}
