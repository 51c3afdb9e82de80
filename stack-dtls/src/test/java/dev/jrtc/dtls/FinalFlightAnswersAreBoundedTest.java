package dev.jrtc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After the handshake, a datagram that looks like the peer's retransmitted final flight makes us
 * send our last flight again (RFC 6347 section 4.2.4). Those answers must be bounded: the engine
 * fuzzer found two engines bouncing flights between them forever, and without a bound every
 * small handshake-typed datagram on the validated path buys a whole flight back.
 */
class FinalFlightAnswersAreBoundedTest {
    private static final byte HANDSHAKE = 22;
    private static final byte APPLICATION_DATA = 23;
    private static final long MS = 1_000_000L;

    private final List<byte[]> sent = new ArrayList<>();
    private final BridgedDatagramTransport transport =
            new BridgedDatagramTransport(new InboundDatagramQueue(8), sent::add, 1200, 100);

    private int answersAfterHandshake() {
        return sent.size() - 1;
    }

    private void finishHandshakeHavingSentTheLastFlight() {
        byte[] record = new byte[DatagramGuard.RECORD_HEADER_LENGTH + 4];
        record[0] = HANDSHAKE;
        record[1] = (byte) 0xFE;
        record[2] = (byte) 0xFD;
        record[12] = 4;
        transport.send(record, 0, record.length);
        transport.enterLoopMode();
    }

    @Test
    void aBurstOfRetransmittedRecordsGetsOneAnswer() {
        finishHandshakeHavingSentTheLastFlight();
        for (int i = 0; i < 1000; i++) {
            transport.onDatagramAfterHandshake(5_000 * MS, HANDSHAKE);
        }
        assertEquals(1, answersAfterHandshake());
        transport.onDatagramAfterHandshake(5_000 * MS + BridgedDatagramTransport.MIN_ANSWER_INTERVAL_NANOS, HANDSHAKE);
        assertEquals(2, answersAfterHandshake(), "a retransmission one interval later is answered again");
    }

    @Test
    void answersStopAtTheCapHoweverSlowlyTheyCome() {
        finishHandshakeHavingSentTheLastFlight();
        for (int i = 0; i < 10_000; i++) {
            transport.onDatagramAfterHandshake(i * 100 * MS, HANDSHAKE);
        }
        assertEquals(BridgedDatagramTransport.MAX_FINAL_FLIGHT_ANSWERS, answersAfterHandshake());
    }

    @Test
    void applicationDataFromThePeerEndsTheAnswers() {
        finishHandshakeHavingSentTheLastFlight();
        transport.onDatagramAfterHandshake(0, HANDSHAKE);
        transport.onDatagramAfterHandshake(100 * MS, APPLICATION_DATA);
        transport.onDatagramAfterHandshake(200 * MS, HANDSHAKE);
        assertEquals(1, answersAfterHandshake());
    }
}
