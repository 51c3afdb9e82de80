package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Over DTLS the SCTP packet size is what one record may carry (1163 bytes with AES-GCM under a
 * 1200-byte datagram), which need not be a multiple of 4. Chunks are padded to 4 bytes, so the
 * association must fill packets to the size rounded down, never beyond the limit, with DATA and
 * with I-DATA.
 */
class PacketSizeNotAMultipleOfFourTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void messagesOfEverySizeCrossAndNoPacketExceedsTheLimit(boolean interleaving) {
        int limit = 1163;
        SctpConfig config = SctpConfig.defaults().withMaxPacketSize(limit).withInterleaving(interleaving);
        SimulatedPair p = new SimulatedPair(config, config,
                new SimulatedLink(91, LossModel.none(), 5 * SimulatedPair.MS, 0, 0, 0),
                new SimulatedLink(92, LossModel.none(), 5 * SimulatedPair.MS, 0, 0, 0), 91);
        p.connectBoth();
        assertTrue(p.runUntil(p::established, 5 * SimulatedPair.SECOND));
        DataChannel a = p.a.createDataChannel(p.now, DataChannelInit.reliable("sizes"));
        p.drain();
        SplittableRandom random = new SplittableRandom(5);
        byte[][] sent = new byte[300][];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = new byte[i < 100 ? i * 13 + 1 : random.nextInt(20_000) + 1];
            random.nextBytes(sent[i]);
            a.send(p.now, sent[i]);
        }
        p.drain();
        p.runFor(10 * SimulatedPair.SECOND);
        List<SctpEvent.Message> got = p.eventsB.stream().filter(SctpEvent.Message.class::isInstance)
                .map(SctpEvent.Message.class::cast).toList();
        assertEquals(sent.length, got.size());
        for (int i = 0; i < sent.length; i++) {
            assertArrayEquals(sent[i], got.get(i).data(), "message " + i);
        }
        assertTrue(p.ab.largestPacket() <= limit, "largest packet " + p.ab.largestPacket());
        assertTrue(p.ab.largestPacket() >= limit - 3, "packets are filled: largest " + p.ab.largestPacket());
    }
}
