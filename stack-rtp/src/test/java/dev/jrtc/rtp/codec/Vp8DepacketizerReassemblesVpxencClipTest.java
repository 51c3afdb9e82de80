package dev.jrtc.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.rtp.Clips;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.receive.ReceivedFrame;
import dev.jrtc.rtp.send.RtpPacketizer;
import dev.jrtc.rtp.sim.Impairments;
import dev.jrtc.rtp.sim.JitterBufferDriver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vpxenc clip, packetized by {@link Vp8Packetizer}, reordered and duplicated, comes out of the
 * jitter buffer and {@link Vp8Depacketizer} byte for byte, with vpxenc's key frames flagged.
 */
class Vp8DepacketizerReassemblesVpxencClipTest {
    @ParameterizedTest
    @ValueSource(ints = {1200, 500, 200})
    void reorderedDuplicatedPacketsGiveBackEveryFrame(int mtu) throws Exception {
        List<byte[]> frames = Clips.ivfFrames(Clips.resource("vp8-320x240-30f.ivf"));
        assertEquals(30, frames.size());
        RtpPacketizer packetizer = new RtpPacketizer(new Vp8Packetizer(32760), 0x1234, 96, mtu, 65500);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            List<byte[]> ps = packetizer.packetize(frames.get(i), 3000L * i);
            assertTrue(ps.stream().allMatch(p -> p.length <= mtu));
            packets.addAll(ps);
        }
        List<byte[]> arrived = Impairments.reorderAndDuplicate(packets, RandomSource.seeded(mtu), 6, 0.1);

        JitterBufferDriver driver = new JitterBufferDriver(new Vp8Depacketizer(), 90_000);
        List<ReceivedFrame> out = driver.run(arrived);

        assertEquals(frames.size(), out.size());
        for (int i = 0; i < frames.size(); i++) {
            assertArrayEquals(frames.get(i), out.get(i).data(), "frame " + i);
            assertEquals(3000L * i, out.get(i).rtpTimestamp());
            assertEquals(i % 10 == 0, out.get(i).keyFrame(), "key frame flag of frame " + i);
            Vp8Info info = (Vp8Info) out.get(i).frame().info();
            assertEquals((32760 + i) & 0x7FFF, info.pictureId(), "picture ID wraps at 15 bits");
        }
        long duplicates = arrived.size() - packets.size();
        assertEquals(duplicates, driver.drops().get(DropReason.DUPLICATE) + driver.drops().get(DropReason.TOO_LATE),
                "every duplicate was dropped and counted");
        assertEquals(duplicates, driver.drops().total());
    }
}
