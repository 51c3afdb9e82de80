package dev.jrtc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.rtp.ext.AudioLevel;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionReader;
import dev.jrtc.rtp.ext.ExtensionType;
import dev.jrtc.rtp.ext.ExtensionWriter;
import dev.jrtc.rtp.ext.PlayoutDelay;
import dev.jrtc.rtp.ext.VideoOrientation;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RTP headers (RFC 3550) with CSRCs, padding and RFC 8285 extensions parse and write back. */
class RtpPacketParsesRfcLayoutsTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void oneByteExtensionsFromRfc8285Section4_2() throws Exception {
        // RFC 8285 figure 3: three elements (id 1 len 1, id 2 len 2, id 3 len 4) and two padding bytes.
        byte[] p = hex("90 60 1234 00000010 deadbeef" + "bede 0003" + "10 aa 21 bbbb 33 cccccccc 0000" + "0102");
        RtpPacket v = RtpPacket.of(p, 0, p.length);
        assertEquals(96, v.payloadType());
        assertFalse(v.marker());
        assertEquals(0x1234, v.sequenceNumber());
        assertEquals(0xdeadbeefL, v.ssrc());
        assertEquals(RtpPacket.ONE_BYTE_PROFILE, v.extensionProfile());
        assertEquals(3, v.elementCount());
        assertEquals(1, v.elementLength(1));
        assertEquals(2, v.elementLength(2));
        assertEquals(4, v.elementLength(3));
        assertEquals((byte) 0xcc, p[v.elementOffset(3)]);
        assertArrayEquals(new byte[] {1, 2}, v.payload());
    }

    @Test
    void twoByteExtensionsWithZeroLengthElement() throws Exception {
        // RFC 8285 figure 5: id 1 len 0, id 2 len 1, id 3 len 4 in the two-byte form, with appbits 0.
        byte[] p = hex("90 e0 0001 00000001 00000002" + "1000 0003" + "0100 0201 aa 0304 bbbbbbbb 00" + "ff");
        RtpPacket v = RtpPacket.of(p, 0, p.length);
        assertTrue(v.marker());
        assertEquals(0, v.elementLength(1));
        assertEquals(1, v.elementLength(2));
        assertEquals(4, v.elementLength(3));
        assertEquals(1, v.payloadLength());
    }

    @Test
    void csrcsAndPaddingAreSeparatedFromThePayload() throws Exception {
        byte[] p = hex("a2 00 ffff ffffffff 00000001 00000011 00000022" + "cafe" + "000003");
        RtpPacket v = RtpPacket.of(p, 0, p.length);
        assertEquals(2, v.csrcCount());
        assertEquals(0x22, v.csrc(1));
        assertEquals(3, v.paddingLength());
        assertArrayEquals(hex("cafe"), v.payload());
        assertEquals(0xffffffffL, v.timestamp());
    }

    @Test
    void writerPicksTheFormThatFitsAndReadsBackTypedValues() throws Exception {
        ExtensionMap map = new ExtensionMap(Map.of(1, ExtensionType.AUDIO_LEVEL.uri(), 3, ExtensionType.TRANSPORT_SEQUENCE_NUMBER.uri(),
                4, ExtensionType.ABS_SEND_TIME.uri(), 5, ExtensionType.VIDEO_ORIENTATION.uri(),
                6, ExtensionType.PLAYOUT_DELAY.uri(), 7, ExtensionType.MID.uri(), 8, ExtensionType.RID.uri(),
                9, ExtensionType.REPAIRED_RID.uri(), 200, "urn:example:unknown"));
        ExtensionWriter w = new ExtensionWriter(map);
        List<HeaderExtension> ext = List.of(w.audioLevel(new AudioLevel(true, 42)), w.transportSequenceNumber(0xBEEF),
                w.absSendTime(1_500_000_000L), w.videoOrientation(new VideoOrientation(270, true, false)),
                w.playoutDelay(new PlayoutDelay(100, 400)), w.mid("0"), w.rid("hi"), w.repairedRid("lo"));
        byte[] packet = RtpHeader.of(111, true, 7, 960, 0x55).withExtensions(ext).toPacket(new byte[] {9, 9});
        RtpPacket v = RtpPacket.of(packet, 0, packet.length);
        assertEquals(RtpPacket.ONE_BYTE_PROFILE, v.extensionProfile());
        ExtensionReader r = new ExtensionReader(map);
        assertEquals(new AudioLevel(true, 42), r.audioLevel(v));
        assertEquals(0xBEEF, r.transportSequenceNumber(v));
        assertEquals(dev.jrtc.rtp.ext.AbsSendTime.fromNanos(1_500_000_000L), r.absSendTime(v));
        assertEquals(1_500_000_000L, dev.jrtc.rtp.ext.AbsSendTime.toNanos(r.absSendTime(v)), 4000.0);
        assertEquals(new VideoOrientation(270, true, false), r.videoOrientation(v));
        assertEquals(new PlayoutDelay(100, 400), r.playoutDelay(v));
        assertEquals("0", r.mid(v));
        assertEquals("hi", r.rid(v));
        assertEquals("lo", r.repairedRid(v));
        assertArrayEquals(new byte[] {9, 9}, v.payload());

        // An element of 17 bytes or id 15 needs the two-byte form.
        byte[] two = RtpHeader.of(96, false, 1, 1, 1).withExtensions(List.of(new HeaderExtension(20, new byte[17]))).toPacket(new byte[1]);
        RtpPacket t = RtpPacket.of(two, 0, two.length);
        assertEquals(RtpPacket.TWO_BYTE_PROFILE, t.extensionProfile());
        assertEquals(17, t.elementLength(20));
    }

    @Test
    void oneByteIdFifteenStopsParsing() throws Exception {
        byte[] p = hex("90 60 0001 00000001 00000002" + "bede 0001" + "10 aa f0 11" + "00");
        RtpPacket v = RtpPacket.of(p, 0, p.length);
        assertTrue(v.hasElement(1));
        assertEquals(1, v.elementCount());
    }

    @Test
    void unwrapperCountsCyclesAndToleratesReorderingAcrossTheWrap() {
        Unwrapper u = Unwrapper.forSequenceNumbers();
        long a = u.unwrap(65534);
        assertEquals(a + 2, u.unwrap(0));
        assertEquals(a + 1, u.unwrap(65535));
        assertEquals(a + 3, u.unwrap(1));
        Unwrapper t = Unwrapper.forTimestamps();
        long x = t.unwrap(0xFFFFFF00L);
        assertEquals(x + 0x200, t.unwrap(0x100));
    }
}
