package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;
import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.ChunkParser;
import dev.jrtc.sctp.packet.Crc32c;
import dev.jrtc.sctp.packet.PacketWriter;
import dev.jrtc.sctp.packet.SctpPacket;

/**
 * Any bytes either parse or fail with {@link ParseException}; what parses writes back to a packet
 * that parses to the same chunk types. Plain {@code mvn verify} replays the committed inputs;
 * {@code JAZZER_FUZZ=1} fuzzes.
 */
class ChunkParserFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void parseNeverThrowsUnexpectedly(byte[] data) {
        Crc32c.matches(data, 0, data.length);
        SctpPacket p;
        try {
            p = ChunkParser.parse(data, 0, data.length);
        } catch (ParseException expected) {
            return;
        }
        PacketWriter w = new PacketWriter(65535);
        w.start(p.sourcePort(), p.destinationPort(), p.verificationTag());
        int written = 0;
        for (Chunk c : p.chunks()) {
            if (!(c instanceof Chunk.Unknown) && w.fits(c)) {
                w.add(c);
                written++;
            }
        }
        if (written == 0) {
            return;
        }
        byte[] again = w.finish();
        try {
            assertEquals(written, ChunkParser.parse(again, 0, again.length).chunks().size());
        } catch (ParseException e) {
            throw new AssertionError("a written packet must parse", e);
        }
    }
}
