package dev.jrtc.rtp.rtcp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;
import java.util.List;

/**
 * Any bytes given to the compound parser are rejected with {@link ParseException} or parse into
 * packets that we can write, and what we write is stable: parsed and written again, it gives the
 * same bytes (a NACK list may be normalised once: duplicates and order within one 17-packet window). Plain {@code mvn verify} replays the
 * committed inputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class RtcpCompoundFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void parseNeverThrowsUnexpectedlyAndRoundTrips(byte[] data) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.parse(data, 0, data.length);
        } catch (ParseException rejected) {
            return;
        }
        byte[] again = RtcpCompound.write(packets);
        try {
            List<RtcpPacket> reparsed = RtcpCompound.parse(again);
            if (!java.util.Arrays.equals(again, RtcpCompound.write(reparsed))) {
                throw new AssertionError("writing is not stable for " + packets + ": " + reparsed);
            }
        } catch (ParseException e) {
            throw new AssertionError("we wrote something we cannot parse", e);
        }
    }
}
