package dev.jrtc.rtp.receive;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionType;
import java.util.Map;
import java.util.Set;

/**
 * Any sequence of datagrams given to {@link RtpRouter} (after the RTP view accepted them) is routed
 * or dropped, never thrown; the SSRC table stays within its bound and every packet is either routed
 * or counted. Plain {@code mvn verify} replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class RtpRouterFuzzTest {
    private static final ExtensionMap EXT = ExtensionMap.of(Map.of(ExtensionType.MID, 1, ExtensionType.RID, 2,
            ExtensionType.REPAIRED_RID, 3));

    @FuzzTest(maxDuration = "30s")
    void routesOrCountsEveryPacket(FuzzedDataProvider data) {
        DropCounters drops = new DropCounters();
        RtpRouter<String> router = new RtpRouter<>(EXT, new RtpRouter.Config(4, 1_000), drops);
        router.addStream("a", "0", null, Set.of(111), Map.of());
        router.addStream("v", "1", null, Set.of(96), Map.of(97, 96));
        router.addStream("h", "2", "h", Set.of(100), Map.of(101, 100));
        router.addStream("l", "2", "l", Set.of(100), Map.of(101, 100));
        RtpPacket view = new RtpPacket();
        long now = 0;
        long offered = 0;
        long routed = 0;
        while (data.remainingBytes() > 0) {
            now += data.consumeInt(0, 2_000);
            byte[] b = data.consumeBytes(data.consumeInt(0, 64));
            try {
                view.parse(b, 0, b.length);
            } catch (ParseException rejected) {
                continue;
            }
            offered++;
            routed += router.route(now, view) != null ? 1 : 0;
            if (router.knownSsrcs() > 4) {
                throw new AssertionError("SSRC table grew past its bound");
            }
        }
        if (routed + drops.total() != offered) {
            throw new AssertionError(offered + " offered, " + routed + " routed, " + drops.total() + " dropped");
        }
    }
}
