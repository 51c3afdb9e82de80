package dev.jrtc.sctp.assoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.DataFormat;
import dev.jrtc.sctp.packet.PacketWriter;
import org.junit.jupiter.api.Test;

/**
 * The sending half on its own, SACK by SACK: time-based loss detection (a chunk overtaken by later
 * ones is retransmitted only once its reordering window has passed) and zero-window probing
 * (RFC 9260 §6.1 rule A: with the peer's window closed, one chunk at a time, retransmitted by
 * T3-rtx with back-off, and sending again once the window opens).
 */
class SenderDetectsLossByTimeAndProbesZeroWindowTest {
    private static final long MS = 1_000_000L;
    private static final int MTU = 1200;
    private static final int MAX_PAYLOAD = MTU - 12 - 16;

    private final SctpCounters counters = new SctpCounters();
    private final RtoEstimator rto = new RtoEstimator(1000 * MS, 200 * MS, 60_000 * MS);
    private final PacketWriter writer = new PacketWriter(MTU);

    private DataSender sender(long peerRwnd) {
        return new DataSender(DataFormat.DATA, false, 100, peerRwnd, MAX_PAYLOAD, 4, rto, (id, bytes) -> { },
                counters);
    }

    private static OutboundMessage message(int bytes) {
        return new OutboundMessage(1, 51, new byte[bytes], false, OutboundMessage.UNLIMITED,
                OutboundMessage.NO_EXPIRY);
    }

    /** One packet's worth of sending at {@code now}; returns {new chunks, retransmitted chunks}. */
    private long[] send(DataSender s, long now) {
        long sent = counters.chunksSent;
        long resent = counters.chunksRetransmitted;
        s.newSendOpportunity();
        writer.start(5000, 5000, 1);
        s.fill(writer, now);
        return new long[] {counters.chunksSent - sent, counters.chunksRetransmitted - resent};
    }

    private static Chunk.Sack sack(long cum, long rwnd, int... gaps) {
        return new Chunk.Sack(cum, rwnd, gaps, new long[0]);
    }

    /** Four chunks, TSN 100 to 103, sent at time 0; the SACK at 40 ms misses TSN 101 only. */
    private DataSender fourChunksWithTsn101Missing() {
        DataSender s = sender(1 << 20);
        s.enqueue(message(4 * MAX_PAYLOAD));
        long n = 0;
        for (int i = 0; i < 4; i++) {
            n += send(s, 0)[0];
        }
        assertEquals(4, n, "the initial window carries four chunks");
        assertTrue(s.onSack(sack(100, 1 << 20, 2, 3), 40 * MS));
        return s;
    }

    @Test
    void anOvertakenChunkAcknowledgedWithinTheReorderingWindowIsNotRetransmitted() {
        DataSender s = fourChunksWithTsn101Missing();
        assertEquals(0, counters.fastRetransmits, "two later chunks and no time passed: not lost yet");
        assertTrue(s.deadline() <= 50 * MS, "a reordering timer runs: " + s.deadline());
        assertTrue(s.onSack(sack(103, 1 << 20), 45 * MS)); // TSN 101 arrives, 5 ms late
        assertFalse(s.onTimeout(50 * MS));
        assertEquals(0, counters.fastRetransmits);
        assertEquals(0, counters.chunksRetransmitted);
        assertTrue(s.allAcknowledged());
    }

    @Test
    void aChunkStillMissingWhenTheReorderingWindowEndsIsRetransmitted() {
        DataSender s = fourChunksWithTsn101Missing();
        long cwndBefore = s.cwnd();
        long due = s.deadline();
        assertTrue(due > 40 * MS && due <= 50 * MS, "min RTT / 4 after the SACK: " + due);
        assertFalse(s.onTimeout(due), "the reordering timer is not T3-rtx");
        assertEquals(1, counters.fastRetransmits);
        assertTrue(s.cwnd() < cwndBefore, "a loss reduces cwnd");
        assertEquals(1, send(s, due)[1], "TSN 101 goes out again");
        // Its original was only late after all: acknowledged 2 ms after the retransmission, far
        // sooner than a round trip. The retransmission was spurious and the reduction is undone.
        assertTrue(s.onSack(sack(103, 1 << 20), due + 2 * MS));
        assertEquals(1, counters.spuriousRetransmits);
        assertEquals(1, counters.congestionUndos);
        assertEquals(cwndBefore, s.cwnd());
    }

    @Test
    void aClosedWindowIsProbedWithOneChunkAtATime() {
        DataSender s = sender(1 << 20);
        s.enqueue(message(20 * MAX_PAYLOAD));
        long[] first = send(s, 0);
        assertTrue(first[0] >= 1);
        long last = 100 + first[0] - 1;
        // Everything acknowledged, but the receiver's window is closed.
        assertTrue(s.onSack(sack(last, 0), 40 * MS));
        assertEquals(0, s.peerRwnd());
        assertEquals(0, s.flightBytes());
        assertEquals(1, send(s, 40 * MS)[0], "with nothing in flight one chunk probes the window");
        assertFalse(s.wantsToSend(), "no more while the probe is out");
        assertEquals(0, send(s, 41 * MS)[0]);
        // The probe is acknowledged, the window still closed: the next probe.
        last++;
        assertTrue(s.onSack(sack(last, 0), 80 * MS));
        assertEquals(1, send(s, 80 * MS)[0]);
        // That probe is lost: T3-rtx resends it, and only it, with the RTO doubled.
        long t3 = s.deadline();
        long rtoBefore = rto.rto();
        assertTrue(s.onTimeout(t3));
        assertEquals(2 * rtoBefore, rto.rto());
        long[] resend = send(s, t3);
        assertEquals(0, resend[0], "no new data while the window is closed");
        assertEquals(1, resend[1], "the probe is retransmitted");
        assertEquals(t3 + rto.rto(), s.deadline());
        // The window opens: sending resumes at once, more than one chunk.
        last++;
        assertTrue(s.onSack(sack(last, 1 << 20), t3 + 40 * MS));
        long more = 0;
        for (int i = 0; i < 4; i++) {
            more += send(s, t3 + 40 * MS)[0];
        }
        assertTrue(more >= 1, "sending resumes");
        assertTrue(s.flightBytes() > 0);
        assertEquals(0, counters.fastRetransmits);
    }
}
