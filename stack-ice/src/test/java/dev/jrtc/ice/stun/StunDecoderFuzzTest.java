package dev.jrtc.ice.stun;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;

/**
 * Any bytes either decode or fail with {@link ParseException}; a decoded message can be checked,
 * inspected and re-encoded without an exception. {@code JAZZER_FUZZ=1} fuzzes; plain runs replay
 * the committed inputs.
 */
class StunDecoderFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void decodeNeverThrowsUnexpectedly(FuzzedDataProvider data) {
        byte[] key = data.consumeBytes(16);
        byte[] packet = data.consumeRemainingAsBytes();
        StunPacket.looksLikeStun(packet, 0, packet.length);
        try {
            StunPacket p = StunPacket.decode(packet, 0, packet.length);
            p.isAuthentic(key);
            p.fingerprintValid();
            p.message().unknownComprehensionRequired();
            p.message().errorCode();
            p.message().encode(StunProtection.shortTerm(key));
        } catch (ParseException expected) {
            // malformed input is reported as such
        }
    }
}
