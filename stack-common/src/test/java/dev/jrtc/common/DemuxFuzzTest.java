package dev.jrtc.common;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any datagram, at any offset and length, is classified without an exception, and a reader
 * walking it field by field fails only with {@link ParseException}. Plain {@code mvn verify} replays
 * the committed inputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class DemuxFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void classifyAndReadNeverThrowUnexpectedly(FuzzedDataProvider data) {
        int offset = data.consumeInt(0, 8);
        int widths = data.consumeInt(0, 64);
        byte[] packet = data.consumeRemainingAsBytes();
        int length = Math.max(0, packet.length - offset);
        assertNotNull(PacketKind.classify(packet, offset, length));
        if (offset > packet.length) {
            return;
        }
        ByteReader r = new ByteReader(packet, offset, length);
        try {
            for (int i = 0; i < widths; i++) {
                switch (i % 5) {
                    case 0 -> r.u8();
                    case 1 -> r.u16();
                    case 2 -> r.u24();
                    case 3 -> r.u32();
                    default -> r.slice(r.u8()).requireEnd("sub-field");
                }
            }
        } catch (ParseException expected) {
            // truncated or trailing input is exactly what the reader reports
        }
    }
}
