package dev.jrtc.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PacketKindDemuxesPerRfc7983Test {

    private static byte[] packet(int first, int second, int length) {
        byte[] b = new byte[length];
        b[0] = (byte) first;
        if (length > 1) {
            b[1] = (byte) second;
        }
        return b;
    }

    @ParameterizedTest(name = "first byte {0} is {2}")
    @CsvSource({
        "0, 1, STUN", "1, 1, STUN", "3, 0, STUN",
        "4, 0, UNKNOWN", "15, 0, UNKNOWN",
        "16, 0, ZRTP", "19, 0, ZRTP",
        "20, 254, DTLS", "22, 254, DTLS", "23, 254, DTLS", "63, 0, DTLS",
        "64, 0, TURN_CHANNEL", "79, 0, TURN_CHANNEL",
        "80, 0, UNKNOWN", "127, 0, UNKNOWN",
        "128, 96, RTP", "144, 224, RTP", "191, 111, RTP",
        "192, 0, UNKNOWN", "255, 0, UNKNOWN"})
    void classifiesByTheFirstByte(int first, int second, PacketKind expected) {
        assertEquals(expected, PacketKind.classify(packet(first, second, 20), 0, 20));
    }

    @ParameterizedTest(name = "second byte {0} is {1}")
    @CsvSource({
        // RTCP packet types 200 (SR) .. 207 (XR), and the edges 192 and 223 of the RTCP range.
        "192, RTCP", "200, RTCP", "201, RTCP", "205, RTCP", "206, RTCP", "207, RTCP", "223, RTCP",
        // With the marker bit off, the same values are RTCP too: 72 = 200 & 0x7f.
        "72, RTCP",
        // RTP payload types either side of the RTCP range, with and without the marker bit.
        "63, RTP", "96, RTP", "191, RTP", "224, RTP", "0, RTP", "111, RTP"})
    void splitsRtcpFromRtpByTheMaskedPayloadType(int second, PacketKind expected) {
        assertEquals(expected, PacketKind.classify(packet(0x80, second, 28), 0, 28));
    }

    @Test
    void aRealStunBindingRequestIsStun() {
        // RFC 5769 section 2.1 starts 00 01 00 58 21 12 a4 42.
        byte[] b = HexFormat.of().parseHex("000100582112a442b7e7a701bc34d686fa87dfae");
        assertEquals(PacketKind.STUN, PacketKind.classify(b, 0, b.length));
    }

    @Test
    void packetsTooShortToBeRtpOrRtcpAreUnknown() {
        assertEquals(PacketKind.UNKNOWN, PacketKind.classify(packet(0x80, 200, 7), 0, 7));
        assertEquals(PacketKind.RTCP, PacketKind.classify(packet(0x80, 200, 8), 0, 8));
        assertEquals(PacketKind.UNKNOWN, PacketKind.classify(packet(0x80, 96, 11), 0, 11));
        assertEquals(PacketKind.RTP, PacketKind.classify(packet(0x80, 96, 12), 0, 12));
    }

    @Test
    void classifiesWithinTheGivenSliceOnly() {
        byte[] b = {0x00, 0x00, 0x17, (byte) 0xfe, (byte) 0xfd};
        assertEquals(PacketKind.DTLS, PacketKind.classify(b, 2, 3));
        assertEquals(PacketKind.STUN, PacketKind.classify(b, 0, 2));
    }

    @Test
    void neverThrowsForEmptyNullOrOutOfRangeInput() {
        assertEquals(PacketKind.UNKNOWN, PacketKind.classify(new byte[0], 0, 0));
        assertEquals(PacketKind.UNKNOWN, PacketKind.classify(null, 0, 4));
        assertEquals(PacketKind.UNKNOWN, PacketKind.classify(new byte[4], 2, 4));
        assertEquals(PacketKind.UNKNOWN, PacketKind.classify(new byte[4], -1, 2));
    }
}
