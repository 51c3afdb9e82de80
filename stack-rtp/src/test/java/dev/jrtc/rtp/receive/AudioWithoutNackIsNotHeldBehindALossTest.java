package dev.jrtc.rtp.receive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.WallClock;
import dev.jrtc.rtp.RtpEvents;
import dev.jrtc.rtp.RtpHeader;
import dev.jrtc.rtp.codec.OpusDepacketizer;
import dev.jrtc.rtp.rtcp.GenericNack;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without NACK nothing will repair a lost audio packet, so the frame after it comes out the moment
 * it arrives and no NACK is sent; with NACK the same frame waits for the repair.
 */
class AudioWithoutNackIsNotHeldBehindALossTest {
    private static final long MS = 1_000_000L;
    private static final WallClock CLOCK = () -> 1_700_000_000_000_000_000L;

    @Test
    void withoutNackTheFrameAfterALossIsReleasedAtOnce() throws Exception {
        ReceiveStream stream = new ReceiveStream(opus().withNack(null), CLOCK);
        List<Long> released = new ArrayList<>();
        int nacks = 0;
        for (int seq = 0; seq < 10; seq++) {
            if (seq == 4) {
                continue; // lost
            }
            nacks += deliver(stream, seq, seq * 20 * MS, released);
        }
        assertEquals(List.of(0L, 1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L), released, "every frame that arrived, at once");
        assertEquals(0, nacks, "no NACK without rtcp-fb nack");
        assertEquals(0, stream.nacksSent());
    }

    @Test
    void withNackTheFrameAfterALossWaitsForTheRepair() throws Exception {
        ReceiveStream stream = new ReceiveStream(opus(), CLOCK);
        List<Long> released = new ArrayList<>();
        int nacks = 0;
        for (int seq = 0; seq < 10; seq++) {
            if (seq != 4) {
                nacks += deliver(stream, seq, seq * 20 * MS, released);
            }
        }
        assertEquals(List.of(0L, 1L, 2L, 3L), released, "held behind the gap");
        assertTrue(nacks > 0, "the gap was NACKed");
        deliver(stream, 4, 200 * MS, released); // the retransmission
        drain(stream, 1_000 * MS, released);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), released);
    }

    private static ReceiveConfig opus() {
        return ReceiveConfig.of(0x3333, 0x1111, 111, 48_000, OpusDepacketizer::new);
    }

    /** Delivers packet {@code seq} at {@code now}; returns how many NACK packets came out. */
    private static int deliver(ReceiveStream stream, int seq, long now, List<Long> released) throws Exception {
        byte[] p = RtpHeader.of(111, false, seq, 960L * seq, 0x1111).toPacket(new byte[] {(byte) 0xfc});
        stream.handleTimeout(now);
        stream.handleRtp(now, p, 0, p.length);
        return drain(stream, now, released);
    }

    /** Lets time pass to {@code now} and collects the output; returns how many NACK packets came out. */
    private static int drain(ReceiveStream stream, long now, List<Long> released) throws Exception {
        stream.handleTimeout(now);
        int nacks = 0;
        Output o;
        while (!((o = stream.poll()) instanceof Deadline)) {
            if (o instanceof RtpEvents.FrameReady f) {
                released.add(f.frame().rtpTimestamp() / 960);
            } else if (o instanceof RtpEvents.SendRtcp r) {
                nacks += (int) RtcpCompound.parse(r.datagram(), 0, r.datagram().length).stream()
                        .filter(GenericNack.class::isInstance).count();
            }
        }
        return nacks;
    }
}
