package dev.jrtc.srtp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes unprotect: whatever the bytes, it returns a length or a drop code and never throws.
 *
 * <p>The first input byte picks the profile (bits 0-1) and SRTP or SRTCP (bit 2); the rest is the
 * packet. The committed inputs in {@code SrtpUnprotectFuzzTestInputs/unprotect/} include packets that
 * authenticate under the fixed test keys, so regression runs in {@code mvn verify} reach decryption
 * and the state updates, not only the early length checks. Fuzz with {@code JAZZER_FUZZ=1}.
 */
class SrtpUnprotectFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void unprotect(byte[] input) {
        if (input.length == 0) {
            return;
        }
        SrtpProfile profile = SrtpProfile.values()[input[0] & 3];
        boolean rtcp = (input[0] & 4) != 0;
        byte[] packet = Arrays.copyOfRange(input, 1, input.length);
        SrtpReceiver receiver = TestPackets.receiver(profile);
        byte[] buf = Arrays.copyOf(packet, packet.length + 8);
        int result = rtcp ? receiver.unprotectRtcp(buf, 0, packet.length) : receiver.unprotectRtp(buf, 0, packet.length);
        if (result >= 0) {
            assertTrue(result < packet.length, "plaintext must be shorter than the protected packet");
            // the same bytes again are a replay
            byte[] again = Arrays.copyOf(packet, packet.length + 8);
            int replay = rtcp ? receiver.unprotectRtcp(again, 0, packet.length) : receiver.unprotectRtp(again, 0, packet.length);
            assertTrue(replay == SrtpDropReason.REPLAYED.code(), "a replay was accepted: " + replay);
        } else {
            SrtpDropReason.fromCode(result); // throws if it is not a drop code
        }
        assertTrue(receiver.stats().droppedTotal() + receiver.stats().rtpPacketsDelivered()
                + receiver.stats().rtcpPacketsDelivered() >= 1, "every packet is counted");
    }
}
