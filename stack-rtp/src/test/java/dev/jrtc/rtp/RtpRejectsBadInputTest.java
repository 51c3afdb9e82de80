package dev.jrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.VirtualClock;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.receive.ReceiveConfig;
import dev.jrtc.rtp.receive.ReceiveStream;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Truncated and garbage RTP and RTCP of every length from 0 to 64 bytes, lying length fields and an
 * extension longer than the packet are rejected with {@link ParseException} by the parsers, and
 * dropped and counted, never thrown, by the receive stream.
 */
class RtpRejectsBadInputTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void everyTruncationOfAValidPacketIsRejectedAndCounted() throws Exception {
        // The padding count is the last byte, so the payload bytes are zero: no truncation can pass
        // for a shorter padded packet.
        byte[] full = hex("b1 60 0001 00000001 00000002 00000003" + "bede 0001 10aa0000" + "0000 0002");
        RtpPacket.of(full, 0, full.length); // the whole packet is fine
        ReceiveStream rx = new ReceiveStream(ReceiveConfig.of(1, 2, 96, 90_000, Vp8Depacketizer::new), new VirtualClock());
        for (int len = 0; len < full.length; len++) {
            int l = len;
            assertThrows(ParseException.class, () -> RtpPacket.of(full, 0, l), "length " + len);
            rx.handleRtp(len, full, 0, len);
        }
        assertEquals(rx.drops().get(DropReason.MALFORMED_RTP), rx.drops().total());
        assertEquals(full.length, rx.drops().get(DropReason.MALFORMED_RTP));
    }

    @Test
    void garbageOfEveryLengthIsDroppedNeverThrown() {
        RandomSource r = RandomSource.seeded(99);
        ReceiveStream rx = new ReceiveStream(ReceiveConfig.of(1, 2, 96, 90_000, Vp8Depacketizer::new), new VirtualClock());
        int parsedRtcp = 0;
        int otherStreamRtp = 0;
        for (int len = 0; len <= 64; len++) {
            for (int trial = 0; trial < 50; trial++) {
                byte[] b = new byte[len];
                r.nextBytes(b);
                if (len > 0 && trial % 2 == 0) {
                    b[0] = (byte) (0x80 | (b[0] & 0x3F)); // version 2, to get past the first check
                }
                rx.handleRtp(len * 100L + trial, b, 0, len);
                try {
                    RtpPacket.of(b, 0, len);
                    otherStreamRtp++; // valid RTP, but not of the configured SSRC
                } catch (ParseException expected) {
                    // counted as malformed
                }
                rx.handleRtcp(len * 100L + trial, b, 0, len);
                try {
                    RtcpCompound.parse(b, 0, len);
                    parsedRtcp++;
                } catch (ParseException expected) {
                    // rejected is fine; thrown anything else is not
                }
            }
        }
        assertEquals(65 * 50 - otherStreamRtp, rx.drops().get(DropReason.MALFORMED_RTP));
        assertEquals(otherStreamRtp, rx.drops().get(DropReason.UNKNOWN_STREAM));
        assertEquals(65 * 50 - parsedRtcp, rx.drops().get(DropReason.MALFORMED_RTCP));
    }

    @Test
    void extensionLongerThanThePacketIsRejected() {
        byte[] p = hex("90 60 0001 00000001 00000002" + "bede 00ff" + "10aa0000");
        assertThrows(ParseException.class, () -> RtpPacket.of(p, 0, p.length));
    }

    @Test
    void oneByteElementOverrunningTheExtensionIsRejected() {
        byte[] p = hex("90 60 0001 00000001 00000002" + "bede 0001" + "3f aa0000" + "01");
        assertThrows(ParseException.class, () -> RtpPacket.of(p, 0, p.length));
    }

    @Test
    void paddingCountLargerThanThePayloadIsRejected() {
        byte[] p = hex("a0 60 0001 00000001 00000002" + "01 02 09");
        assertThrows(ParseException.class, () -> RtpPacket.of(p, 0, p.length));
        byte[] zero = hex("a0 60 0001 00000001 00000002" + "01 02 00");
        assertThrows(ParseException.class, () -> RtpPacket.of(zero, 0, zero.length));
    }

    @Test
    void rtcpLengthFieldsThatLieAreRejected() {
        // RR claiming 2 report blocks in a 1-block packet; SR whose length runs past the datagram;
        // a NACK with no FCI; a padding count larger than the body.
        String[] lies = {
            "82c9 0007 00000001" + "00000002 00000000 00000000 00000000 00000000 00000000",
            "80c8 0010 00000001 0000000000000000 00000000 00000000 00000000",
            "81cd 0002 00000001 00000002",
            "a0c9 0001 00000001 " ,
            "81ce 0001 00000001",
        };
        for (String l : lies) {
            byte[] b = hex(l.trim());
            assertThrows(ParseException.class, () -> RtcpCompound.parse(b), l);
        }
    }
}
