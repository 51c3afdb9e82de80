package dev.jrtc.sctp.assoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.DataFormat;
import org.junit.jupiter.api.Test;

/**
 * A receiver that keeps up SACKs every second packet (RFC 9260 §6.2). While the edge says that more
 * packets it already read are waiting, the routine SACK waits for the last of them, for at most
 * {@value DataReceiver#MAX_PACKETS_PER_SACK} packets, so one SACK covers the backlog. What must be
 * reported at once (a gap, a duplicate) never waits, and the delayed-SACK timer still bounds the wait.
 */
class BacklogSackCoversWhatWasReadTest {
    private static final long MS = 1_000_000L;
    private static final long SACK_DELAY = 200 * MS;

    private final SctpCounters counters = new SctpCounters();
    private final DataReceiver receiver = new DataReceiver(1000, DataFormat.DATA, 1 << 20, 16, SACK_DELAY,
            (stream, ppid, data) -> { }, counters);

    /** One packet holding one complete message with {@code tsn}. */
    private void packet(long tsn) {
        receiver.onData(new Chunk.Data(DataFormat.DATA, Chunk.Data.BEGINNING | Chunk.Data.ENDING, tsn, 1,
                tsn - 1000, 51, 0, new byte[100], 0, 100));
        receiver.onPacketEnd(0);
    }

    @Test
    void withoutABacklogEverySecondPacketIsAcknowledged() {
        packet(1000);
        assertFalse(receiver.sackDue(), "one packet waits for the delayed-SACK timer");
        packet(1001);
        assertTrue(receiver.sackDue(), "the second packet is acknowledged at once");
    }

    @Test
    void aBacklogIsAcknowledgedOnceWhenItsLastPacketIsHandled() {
        long last = 1000 + DataReceiver.MAX_PACKETS_PER_SACK - 1;
        receiver.setBacklog(true);
        for (long tsn = 1000; tsn < last; tsn++) {
            packet(tsn);
            assertFalse(receiver.sackDue(), "packet " + tsn + " waits: more were read behind it");
        }
        receiver.setBacklog(false); // the edge says so before the last packet of the batch
        packet(last);
        assertTrue(receiver.sackDue());
        Chunk.Sack sack = receiver.buildSack(1000);
        assertEquals(last, sack.cumulativeTsnAck(), "one SACK covers the whole backlog");
        assertEquals(1, counters.sacksSent);
    }

    @Test
    void aLongBacklogIsStillAcknowledgedEveryFewPackets() {
        receiver.setBacklog(true);
        int sacks = 0;
        for (long tsn = 1000; tsn < 1048; tsn++) {
            packet(tsn);
            if (receiver.sackDue()) {
                receiver.buildSack(1000);
                sacks++;
            }
        }
        assertEquals(48 / DataReceiver.MAX_PACKETS_PER_SACK, sacks);
    }

    @Test
    void aGapIsReportedAtOnceEvenInABacklog() {
        receiver.setBacklog(true);
        packet(1000);
        packet(1002); // 1001 is missing
        assertTrue(receiver.sackDue(), "the sender needs the gap report for fast retransmit");
    }

    @Test
    void aDuplicateIsReportedAtOnceEvenInABacklog() {
        packet(1000);
        packet(1001);
        receiver.buildSack(1000);
        receiver.setBacklog(true);
        packet(1001);
        assertTrue(receiver.sackDue(), "a duplicate TSN is reported at once (§6.2)");
    }

    @Test
    void theDelayedSackTimerStillBoundsTheWait() {
        receiver.setBacklog(true);
        packet(1000);
        packet(1001);
        assertFalse(receiver.sackDue());
        assertEquals(SACK_DELAY, receiver.deadline(), "an edge that never ends the backlog cannot hold the SACK");
        receiver.onTimeout(SACK_DELAY);
        assertTrue(receiver.sackDue());
    }
}
