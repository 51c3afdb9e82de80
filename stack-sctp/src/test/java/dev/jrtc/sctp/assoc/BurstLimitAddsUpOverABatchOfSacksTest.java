package dev.jrtc.sctp.assoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.DataFormat;
import dev.jrtc.sctp.packet.PacketWriter;
import org.junit.jupiter.api.Test;

/**
 * Max.Burst (RFC 9260 §6.1) is a number of packets per input. The edge hands a read batch of
 * datagrams to SCTP before it drains once, so several SACKs may arrive with no chance to send in
 * between: their allowances must add up, or the sender would send four packets where the same SACKs
 * one by one let it send many more, and a batching receiver would throttle it. An input that finds
 * nothing queued must not save up a burst for later.
 */
class BurstLimitAddsUpOverABatchOfSacksTest {
    private static final long MS = 1_000_000L;
    private static final int MTU = 1200;
    private static final int MAX_PAYLOAD = MTU - 12 - 16;
    private static final int MAX_BURST = 4;
    private static final long RWND = 1 << 20;

    private final SctpCounters counters = new SctpCounters();
    private final RtoEstimator rto = new RtoEstimator(1000 * MS, 200 * MS, 60_000 * MS);
    private final PacketWriter writer = new PacketWriter(MTU);
    private long cumAck = 99;

    private DataSender sender() {
        return new DataSender(DataFormat.DATA, false, 100, RWND, MAX_PAYLOAD, MAX_BURST, rto, (id, bytes) -> { },
                counters);
    }

    private static OutboundMessage message(int bytes) {
        return new OutboundMessage(1, 51, new byte[bytes], false, OutboundMessage.UNLIMITED,
                OutboundMessage.NO_EXPIRY);
    }

    /** Drains the sender as the association does: packets until it has nothing more to add now. */
    private int sendAll(DataSender s, long now) {
        s.onPoll();
        int packets = 0;
        while (s.wantsToSend()) {
            writer.start(5000, 5000, 1);
            if (!s.fill(writer, now)) {
                break;
            }
            packets++;
        }
        return packets;
    }

    /** An input carrying a SACK that acknowledges the next {@code chunks} chunks in order. */
    private void sackNext(DataSender s, int chunks, long now) {
        s.newSendOpportunity();
        cumAck += chunks;
        assertTrue(s.onSack(new Chunk.Sack(cumAck, RWND, new int[0], new long[0]), now));
    }

    /** A sender in slow start with 40 chunks in flight, grown SACK by SACK. */
    private DataSender withWindowOpen(int sacksToGrow) {
        DataSender s = sender();
        s.enqueue(message(4000 * MAX_PAYLOAD));
        s.newSendOpportunity();
        sendAll(s, 0);
        long now = 0;
        for (int i = 0; i < sacksToGrow; i++) {
            now += MS;
            sackNext(s, 2, now);
            sendAll(s, now);
        }
        return s;
    }

    @Test
    void sacksHandledAsOneBatchLetTheSenderSendWhatTheyWouldOneByOne() {
        DataSender oneByOne = withWindowOpen(20);
        long before = counters.chunksSent;
        for (int i = 0; i < 8; i++) {
            sackNext(oneByOne, 2, 100 * MS);
            sendAll(oneByOne, 100 * MS);
        }
        long sentOneByOne = counters.chunksSent - before;

        cumAck = 99;
        DataSender batched = withWindowOpen(20);
        assertEquals(oneByOne.cwnd() - 8 * 2L * MAX_PAYLOAD, batched.cwnd(), "both grew alike before the batch");
        before = counters.chunksSent;
        for (int i = 0; i < 8; i++) {
            sackNext(batched, 2, 100 * MS); // eight SACKs in one read batch, drained once
        }
        sendAll(batched, 100 * MS);
        long sentBatched = counters.chunksSent - before;

        assertTrue(sentOneByOne > MAX_BURST, "the SACKs opened room for more than one burst: " + sentOneByOne);
        assertEquals(sentOneByOne, sentBatched, "a batch of SACKs sends what the same SACKs one by one send");
    }

    @Test
    void aSackDrainedOnItsOwnGivesOneBurstEvenIfTheLastLeftRoomUnused() {
        DataSender s = withWindowOpen(20);
        sackNext(s, 2, 100 * MS);
        sendAll(s, 100 * MS); // the window allows only part of a burst, or none
        sackNext(s, 1, 101 * MS);
        sackNext(s, 1, 101 * MS);
        sackNext(s, 1, 101 * MS);
        s.onPoll(); // drained, with nothing the window allowed to send
        sackNext(s, 2, 102 * MS);
        assertEquals(MAX_BURST, sendAll(s, 102 * MS), "inputs drained apart do not add up");
    }

    @Test
    void inputsWithNothingQueuedDoNotSaveUpABurst() {
        DataSender s = sender();
        for (int i = 0; i < 10; i++) {
            s.newSendOpportunity(); // e.g. heartbeats while the application is quiet
        }
        s.enqueue(message(100 * MAX_PAYLOAD));
        assertEquals(MAX_BURST, sendAll(s, 0), "one input's burst, then the next input is needed");
    }

    @Test
    void aSackThatCoversABacklogBringsTheBurstsOfTheSacksItStandsFor() {
        DataSender s = withWindowOpen(200);
        sackNext(s, 2, 500 * MS);
        assertEquals(MAX_BURST, sendAll(s, 500 * MS), "a SACK of two packets: one burst");
        sackNext(s, 20, 501 * MS); // a receiver that handled a backlog of twenty packets at once
        int sent = sendAll(s, 501 * MS);
        assertTrue(sent > 4 * MAX_BURST, "twenty packets stand for ten SACKs: " + sent);
        assertTrue(s.flightBytes() >= s.cwnd(), "the window, not the burst, stopped the sender");
    }

    @Test
    void sacksOfEightPacketsStillLetTheFlightGrow() {
        DataSender s = withWindowOpen(0);
        long now = MS;
        for (int i = 0; i < 30; i++) {
            int inFlight = s.outstandingChunks();
            now += MS;
            sackNext(s, Math.min(8, inFlight), now);
            sendAll(s, now);
        }
        assertTrue(s.outstandingChunks() > 40, "with one burst per SACK the flight could never grow past "
                + "what one SACK frees; it is " + s.outstandingChunks());
    }

    @Test
    void aBatchAddsUpToAtMostSixteenInputs() {
        DataSender s = withWindowOpen(200);
        assertTrue(s.cwnd() > 200L * MAX_PAYLOAD, "the window has room for far more than the cap: " + s.cwnd());
        for (int i = 0; i < 40; i++) {
            sackNext(s, 3, 500 * MS);
        }
        assertEquals(16 * MAX_BURST, sendAll(s, 500 * MS));
    }
}
