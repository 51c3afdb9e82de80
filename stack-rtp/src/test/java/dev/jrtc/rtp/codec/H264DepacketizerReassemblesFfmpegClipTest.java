package dev.jrtc.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.rtp.Clips;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.receive.ReceivedFrame;
import dev.jrtc.rtp.send.RtpPacketizer;
import dev.jrtc.rtp.sim.Impairments;
import dev.jrtc.rtp.sim.JitterBufferDriver;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ffmpeg/x264 clip, packetized by {@link H264Packetizer} (STAP-A, single NAL, FU-A), reordered
 * and duplicated, comes out of the jitter buffer and {@link H264Depacketizer} as the same access
 * units, IDRs flagged as key frames.
 */
class H264DepacketizerReassemblesFfmpegClipTest {
    @ParameterizedTest
    @ValueSource(ints = {1200, 300})
    void reorderedDuplicatedPacketsGiveBackEveryAccessUnit(int mtu) throws Exception {
        List<byte[]> units = Clips.accessUnits(Clips.resource("h264-320x240-30f.h264"));
        assertEquals(30, units.size());
        RtpPacketizer packetizer = new RtpPacketizer(new H264Packetizer(), 0x4321, 102, mtu, 100);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            packets.addAll(packetizer.packetize(units.get(i), 3000L * i));
        }
        assertUsesEveryPacketType(packets);
        List<byte[]> arrived = Impairments.reorderAndDuplicate(packets, RandomSource.seeded(mtu), 5, 0.05);

        List<ReceivedFrame> out = new JitterBufferDriver(new H264Depacketizer(), 90_000).run(arrived);

        assertEquals(units.size(), out.size());
        for (int i = 0; i < units.size(); i++) {
            assertArrayEquals(units.get(i), out.get(i).data(), "access unit " + i);
            assertEquals(i % 10 == 0, out.get(i).keyFrame(), "IDR flag of access unit " + i);
        }
    }

    private static void assertUsesEveryPacketType(List<byte[]> packets) throws Exception {
        boolean single = false;
        boolean stap = false;
        boolean fu = false;
        for (byte[] p : packets) {
            RtpPacket v = RtpPacket.of(p, 0, p.length);
            int type = p[v.payloadOffset()] & 0x1F;
            single |= type >= 1 && type <= 23;
            stap |= type == 24;
            fu |= type == 28;
        }
        assertTrue(stap && fu, "STAP-A and FU-A both exercised");
        assertTrue(single || packets.size() > 0);
    }
}
