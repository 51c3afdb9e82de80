package dev.jrtc.srtp;

import static dev.jrtc.srtp.TestPackets.withTail;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Any modified, truncated or forged packet is rejected, without an exception and without changing state. */
class SrtpForgeryTest {
    private static final int SSRC = 0x11223344;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void oneFlippedBitAnywhereInAnSrtpPacketIsRejected(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        byte[] b = TestPackets.rtp(40000, SSRC, 37, 2, true, 1); // CSRCs and an extension: every header part
        int len = TestPackets.rtpLength(37, 2, true);
        byte[] packet = Arrays.copyOf(b, s.protectRtp(b, 0, len));
        SrtpReceiver r = TestPackets.receiver(p);
        for (int bit = 0; bit < packet.length * 8; bit++) {
            byte[] forged = withTail(packet);
            forged[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
            byte[] before = forged.clone();
            int result = r.unprotectRtp(forged, 0, packet.length);
            assertTrue(result < 0, "bit " + bit + " flipped was accepted");
            assertArrayEquals(before, forged, "a rejected packet must be left as it was (bit " + bit + ")");
        }
        assertEquals(0, r.streamCount(), "no forged packet may create a stream");
        assertTrue(r.unprotectRtp(withTail(packet), 0, packet.length) >= 0, "the original still authenticates");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void oneFlippedBitAnywhereInAnSrtcpPacketIsRejected(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        byte[] b = TestPackets.rtcp(SSRC, 3);
        byte[] packet = Arrays.copyOf(b, s.protectRtcp(b, 0, TestPackets.RTCP_LENGTH));
        SrtpReceiver r = TestPackets.receiver(p);
        for (int bit = 0; bit < packet.length * 8; bit++) {
            byte[] forged = withTail(packet);
            forged[bit >>> 3] ^= (byte) (0x80 >>> (bit & 7));
            assertTrue(r.unprotectRtcp(forged, 0, packet.length) < 0, "bit " + bit + " flipped was accepted");
        }
        assertTrue(r.unprotectRtcp(withTail(packet), 0, packet.length) >= 0, "the original still authenticates");
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aFloodOfBadTagsMovesNeitherTheRolloverCounterNorTheWindow(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        SrtpReceiver r = TestPackets.receiver(p);
        byte[][] packets = new byte[200][];
        for (int i = 0; i < packets.length; i++) {
            packets[i] = TestPackets.protectedRtp(s, 65500 + i & 0xffff, SSRC, 40);
        }
        for (int i = 0; i < 100; i++) { // up to seq 65535+64: ROC 1
            assertTrue(r.unprotectRtp(withTail(packets[i]), 0, packets[i].length) >= 0);
        }
        SrtpStreamContext stream = r.stream(SSRC);
        long roc = stream.rtpIndex.roc();
        int highestSeq = stream.rtpIndex.highestSequence();
        long highestIndex = stream.rtpReplay.highest();
        assertEquals(1, roc);

        // Forgeries: the not-yet-received packets with a corrupted tag, and random sequence numbers
        // that would push the ROC forward or back, or the window far ahead, if they were believed.
        Random random = new Random(5);
        int forgeries = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] forged = withTail(i < 100 ? packets[100 + i] : packets[random.nextInt(200)]);
            int len = i < 100 ? packets[100 + i].length : packets[0].length;
            if (i >= 100) {
                int seq = random.nextInt(65536);
                forged[2] = (byte) (seq >>> 8);
                forged[3] = (byte) seq;
            }
            forged[len - 1] ^= (byte) (1 + random.nextInt(255));
            int result = r.unprotectRtp(forged, 0, len);
            assertTrue(result < 0);
            forgeries++;
        }
        assertEquals(roc, stream.rtpIndex.roc());
        assertEquals(highestSeq, stream.rtpIndex.highestSequence());
        assertEquals(highestIndex, stream.rtpReplay.highest());
        assertTrue(r.stats().dropped(SrtpDropReason.AUTH_FAILED) > 0);
        assertEquals(forgeries, r.stats().droppedTotal());

        // The genuine packets whose sequence numbers were forged are still new to the window.
        for (int i = 100; i < 200; i++) {
            assertTrue(r.unprotectRtp(withTail(packets[i]), 0, packets[i].length) >= 0, "packet " + i);
        }
        assertEquals(200, r.stats().rtpPacketsDelivered());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedPacketsOfEveryLengthAreRejectedWithoutAnException(SrtpProfile p) {
        SrtpSender s = TestPackets.sender(p);
        byte[] rtp = TestPackets.protectedRtp(s, 7, SSRC, 60);
        byte[] b = TestPackets.rtcp(SSRC, 9);
        byte[] rtcp = Arrays.copyOf(b, s.protectRtcp(b, 0, TestPackets.RTCP_LENGTH));
        SrtpReceiver r = TestPackets.receiver(p);
        for (int len = 0; len <= 40; len++) {
            assertTrue(r.unprotectRtp(Arrays.copyOf(rtp, len), 0, len) < 0, "RTP length " + len);
            assertTrue(r.unprotectRtcp(Arrays.copyOf(rtcp, len), 0, len) < 0, "RTCP length " + len);
            // and the same prefix inside a larger buffer, where reading past len would find real bytes
            assertTrue(r.unprotectRtp(withTail(rtp), 0, len) < 0, "RTP length " + len + " in a larger buffer");
            assertTrue(r.unprotectRtcp(withTail(rtcp), 0, len) < 0, "RTCP length " + len + " in a larger buffer");
        }
        assertEquals(41 * 4, r.stats().droppedTotal());
        assertTrue(r.stats().dropped(SrtpDropReason.TOO_SHORT) > 0);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aFloodOfSsrcsIsBoundedByTheStreamLimit(SrtpProfile p) {
        SrtpSender s = new SrtpSender(p, TestPackets.masterKey(p, 1), TestPackets.masterSalt(p, 2),
                SrtpConfig.DEFAULT.withMaxStreams(1000));
        SrtpReceiver r = TestPackets.receiver(p, SrtpConfig.DEFAULT.withMaxStreams(8));

        // forged packets from 10,000 SSRCs create no state at all
        Random random = new Random(11);
        byte[] template = TestPackets.protectedRtp(s, 1, SSRC, 20);
        for (int i = 0; i < 10_000; i++) {
            byte[] forged = withTail(template);
            SrtpTransform.putInt(forged, 8, random.nextInt());
            assertTrue(r.unprotectRtp(forged, 0, template.length) < 0);
        }
        assertEquals(0, r.streamCount());

        // authenticated packets from 100 SSRCs: the first 8 get streams, the rest are dropped
        int delivered = 0;
        for (int i = 0; i < 100; i++) {
            byte[] packet = TestPackets.protectedRtp(s, 1, 0x7000 + i, 20);
            if (r.unprotectRtp(withTail(packet), 0, packet.length) >= 0) {
                delivered++;
            }
        }
        assertEquals(8, delivered);
        assertEquals(8, r.streamCount());
        assertEquals(92, r.stats().dropped(SrtpDropReason.STREAM_LIMIT));
        assertNull(r.stream(0x7000 + 8));
        // the admitted streams keep working
        byte[] next = TestPackets.protectedRtp(s, 2, 0x7000, 20);
        assertTrue(r.unprotectRtp(withTail(next), 0, next.length) >= 0);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aPacketUnderTheWrongKeyIsRejected(SrtpProfile p) {
        SrtpSender s = new SrtpSender(p, TestPackets.masterKey(p, 9), TestPackets.masterSalt(p, 2), SrtpConfig.DEFAULT);
        byte[] packet = TestPackets.protectedRtp(s, 1, SSRC, 20);
        SrtpReceiver r = TestPackets.receiver(p);
        assertEquals(SrtpDropReason.AUTH_FAILED.code(), r.unprotectRtp(withTail(packet), 0, packet.length));
    }
}
