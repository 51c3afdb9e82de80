package dev.jrtc.srtp;

import static dev.jrtc.srtp.TestPackets.protectedRtp;
import static dev.jrtc.srtp.TestPackets.withTail;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Replayed and stale packets are refused; reordered ones within the window are not. */
class SrtpReplayAttackTest {
    private static final int SSRC = 0xdecafbad;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everyPacketReplayedFiveTimesIsDeliveredOnce(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        SrtpReceiver r = TestPackets.receiver(p);
        int delivered = 0;
        for (int i = 0; i < 300; i++) {
            byte[] packet = protectedRtp(s, (65400 + i) & 0xffff, SSRC, 50); // crosses the rollover
            for (int copy = 0; copy < 6; copy++) {
                if (r.unprotectRtp(withTail(packet), 0, packet.length) >= 0) {
                    delivered++;
                }
            }
        }
        assertEquals(300, delivered);
        assertEquals(300 * 5, r.stats().dropped(SrtpDropReason.REPLAYED));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void everySrtcpPacketReplayedFiveTimesIsDeliveredOnce(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        SrtpReceiver r = TestPackets.receiver(p);
        int delivered = 0;
        for (int i = 0; i < 100; i++) {
            byte[] b = TestPackets.rtcp(SSRC, i);
            byte[] packet = Arrays.copyOf(b, s.protectRtcp(b, 0, TestPackets.RTCP_LENGTH));
            for (int copy = 0; copy < 6; copy++) {
                if (r.unprotectRtcp(withTail(packet), 0, packet.length) >= 0) {
                    delivered++;
                }
            }
        }
        assertEquals(100, delivered);
        assertEquals(100 * 5, r.stats().dropped(SrtpDropReason.REPLAYED));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetOlderThanTheWindowIsRejected(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        SrtpReceiver r = TestPackets.receiver(p); // window 64
        byte[] old = protectedRtp(s, 1000, SSRC, 20);
        byte[] edge = protectedRtp(s, 1001, SSRC, 20);
        byte[] newest = protectedRtp(s, 1064, SSRC, 20);
        assertTrue(r.unprotectRtp(withTail(newest), 0, newest.length) >= 0);
        assertEquals(SrtpDropReason.TOO_OLD.code(), r.unprotectRtp(withTail(old), 0, old.length)); // 64 behind
        assertTrue(r.unprotectRtp(withTail(edge), 0, edge.length) >= 0); // 63 behind: still inside
        assertEquals(1, r.stats().dropped(SrtpDropReason.TOO_OLD));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aLargerConfiguredWindowAcceptsOlderPackets(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        SrtpReceiver r = TestPackets.receiver(p, SrtpConfig.DEFAULT.withReplayWindowSize(1024));
        byte[] tooOld = protectedRtp(s, 4976, SSRC, 20);
        byte[] old = protectedRtp(s, 5000, SSRC, 20);
        byte[] newest = protectedRtp(s, 6000, SSRC, 20);
        assertTrue(r.unprotectRtp(withTail(newest), 0, newest.length) >= 0);
        assertTrue(r.unprotectRtp(withTail(old), 0, old.length) >= 0, "1000 behind fits a 1024 window");
        assertEquals(SrtpDropReason.TOO_OLD.code(), r.unprotectRtp(withTail(tooOld), 0, tooOld.length));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsReorderedWithinTheWindowAreAllDeliveredOnce(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        SrtpReceiver r = TestPackets.receiver(p);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            packets.add(protectedRtp(s, (64000 + i) & 0xffff, SSRC, 30));
        }
        // shuffle within blocks of 32, well inside the 64-packet window, and send each twice
        Random random = new Random(7);
        for (int b = 0; b < packets.size(); b += 32) {
            Collections.shuffle(packets.subList(b, Math.min(b + 32, packets.size())), random);
        }
        int delivered = 0;
        for (byte[] packet : packets) {
            for (int copy = 0; copy < 2; copy++) {
                if (r.unprotectRtp(withTail(packet), 0, packet.length) >= 0) {
                    delivered++;
                }
            }
        }
        assertEquals(2000, delivered);
        assertEquals(1, r.stream(SSRC).rtpIndex.roc(), "crossed one rollover");
    }
}
