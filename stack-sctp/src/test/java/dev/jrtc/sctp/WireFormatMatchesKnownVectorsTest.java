package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.ChunkParser;
import dev.jrtc.sctp.packet.Crc32c;
import dev.jrtc.sctp.packet.DataFormat;
import dev.jrtc.sctp.packet.ErrorCause;
import dev.jrtc.sctp.packet.Extensions;
import dev.jrtc.sctp.packet.InitParams;
import dev.jrtc.sctp.packet.PacketWriter;
import dev.jrtc.sctp.packet.ReConfigParam;
import dev.jrtc.sctp.packet.SctpPacket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes on the wire match published vectors and the RFC layouts, so real peers read them. */
class WireFormatMatchesKnownVectorsTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void crc32cMatchesTheIscsiVectorsOfRfc3720() {
        byte[] zeros = new byte[32];
        byte[] ones = new byte[32];
        byte[] up = new byte[32];
        byte[] down = new byte[32];
        for (int i = 0; i < 32; i++) {
            ones[i] = (byte) 0xFF;
            up[i] = (byte) i;
            down[i] = (byte) (31 - i);
        }
        assertEquals(0x8A9136AA, Crc32c.of(zeros, 0, 32));
        assertEquals(0x62A8AB43, Crc32c.of(ones, 0, 32));
        assertEquals(0x46DD794E, Crc32c.of(up, 0, 32));
        assertEquals(0x113FDB5C, Crc32c.of(down, 0, 32));
        assertEquals(0xE3069283, Crc32c.of("123456789".getBytes(StandardCharsets.US_ASCII), 0, 9));
    }

    @Test
    void checksumIsStoredLeastSignificantByteFirstAsRealStacksDo() {
        // A header-only packet from port 5000 to 5000, tag 0, as the pion tests carry it.
        byte[] header = hex("1388 1388 00000000 06a900e1");
        assertTrue(Crc32c.matches(header, 0, header.length));
        byte[] restamped = header.clone();
        restamped[8] = restamped[9] = restamped[10] = restamped[11] = 0;
        Crc32c.stamp(restamped, 0, restamped.length);
        assertArrayEquals(header, restamped);
        header[11] ^= 1;
        assertFalse(Crc32c.matches(header, 0, header.length));
    }

    /** An INIT sent by usrsctp (Chrome), with AUTH parameters we skip. */
    private static final byte[] USRSCTP_INIT = hex("13881388 00000000 81469dfc"
            + "01000056 55b964a5 00020000 04000800 e86d1030"
            + "c0000004 80080009 c00fc18082000000"
            + "80020024 9febbb5c50c9bf759cb12c574fa45a51ba601778" + "27945c31e65d5b0947e22206"
            + "80040006 00010000 80030006 80c10000");

    @Test
    void aUsrsctpInitParsesWithItsChecksumAndExtensions() throws ParseException {
        assertTrue(Crc32c.matches(USRSCTP_INIT, 0, USRSCTP_INIT.length));
        SctpPacket p = ChunkParser.parse(USRSCTP_INIT, 0, USRSCTP_INIT.length);
        assertEquals(5000, p.sourcePort());
        assertEquals(0, p.verificationTag());
        Chunk.Init init = assertInstanceOf(Chunk.Init.class, p.chunks().get(0));
        InitParams ip = init.params();
        assertEquals(1438213285L, ip.initiateTag());
        assertEquals(131072, ip.advertisedReceiverWindow());
        assertEquals(1024, ip.outboundStreams());
        assertEquals(2048, ip.inboundStreams());
        assertEquals(0xe86d1030L, ip.initialTsn());
        assertEquals(new Extensions(true, true, false), ip.extensions());
        assertNull(ip.stateCookie());
    }

    @Test
    void dataChunkLayoutFollowsRfc9260Section331() {
        byte[] payload = "hi!".getBytes(StandardCharsets.US_ASCII);
        Chunk.Data d = new Chunk.Data(DataFormat.DATA, Chunk.Data.BEGINNING | Chunk.Data.ENDING, 0x01020304L, 7, 9,
                51, 0, payload, 0, 3);
        PacketWriter w = new PacketWriter(1200);
        w.start(5000, 5000, 0xCAFEBABEL);
        w.add(d);
        byte[] packet = w.finish();
        // type 0, flags B|E, length 16+3 = 19, then TSN, stream 7, SSN 9, PPID 51, data, one pad byte
        assertEquals("13881388cafebabe", HexFormat.of().formatHex(packet, 0, 8));
        assertEquals("00030013" + "01020304" + "0007" + "0009" + "00000033" + "686921" + "00",
                HexFormat.of().formatHex(packet, 12, packet.length));
        assertTrue(Crc32c.matches(packet, 0, packet.length));
    }

    @Test
    void iDataChunkCarriesMessageIdAndPpidOrFragmentSequenceNumber() throws ParseException {
        byte[] payload = {1, 2, 3, 4};
        PacketWriter w = new PacketWriter(1200);
        w.start(5000, 5000, 1);
        w.add(new Chunk.Data(DataFormat.I_DATA, Chunk.Data.BEGINNING | Chunk.Data.UNORDERED, 5, 2, 0x10000L, 53, 0,
                payload, 0, 4));
        w.add(new Chunk.Data(DataFormat.I_DATA, Chunk.Data.ENDING, 6, 2, 0x10000L, 0, 1, payload, 0, 4));
        byte[] packet = w.finish();
        // I-DATA: type 64, flags, length 20+4, TSN, stream, reserved, MID, PPID (first) or FSN
        assertEquals("40060018" + "00000005" + "0002" + "0000" + "00010000" + "00000035" + "01020304",
                HexFormat.of().formatHex(packet, 12, 12 + 24));
        assertEquals("40010018" + "00000006" + "0002" + "0000" + "00010000" + "00000001" + "01020304",
                HexFormat.of().formatHex(packet, 36, 60));
        List<Chunk> parsed = ChunkParser.parse(packet, 0, packet.length).chunks();
        Chunk.Data second = (Chunk.Data) parsed.get(1);
        assertEquals(1, second.fragmentSequence());
        assertEquals(0x10000L, second.messageId());
    }

    @Test
    void everyChunkTypeSurvivesWriteAndParse() throws ParseException {
        List<Chunk> chunks = List.of(
                new Chunk.Init(new InitParams(0x11223344L, 1 << 20, 65535, 65535, 42, new Extensions(true, true, true), null)),
                new Chunk.InitAck(new InitParams(7, 1000, 10, 10, 43, Extensions.NONE, new byte[] {1, 2, 3, 4, 5})),
                new Chunk.Sack(100, 5000, new int[] {2, 3, 5, 9}, new long[] {99, 98}),
                new Chunk.Heartbeat(new byte[] {9, 8, 7}),
                new Chunk.HeartbeatAck(new byte[] {9, 8, 7}),
                new Chunk.Shutdown(77),
                new Chunk.ShutdownAck(),
                new Chunk.CookieEcho(new byte[] {1, 2, 3}),
                new Chunk.CookieAck(),
                new Chunk.Error(List.of(new ErrorCause(ErrorCause.STALE_COOKIE, new byte[4]))),
                new Chunk.ForwardTsn(DataFormat.DATA, 500, List.of(new Chunk.SkippedMessage(1, false, 3))),
                new Chunk.ForwardTsn(DataFormat.I_DATA, 501, List.of(new Chunk.SkippedMessage(1, true, 70000))),
                new Chunk.ReConfig(List.of(new ReConfigParam.OutgoingReset(10, 9, 400, new int[] {1, 3, 5}),
                        new ReConfigParam.Response(8, ReConfigParam.Response.SUCCESS_PERFORMED))),
                new Chunk.Abort(true, List.of(ErrorCause.withReason(ErrorCause.USER_INITIATED_ABORT, "bye"))));
        for (Chunk c : chunks) {
            PacketWriter w = new PacketWriter(1200);
            w.start(1, 2, 3);
            w.add(c);
            byte[] packet = w.finish();
            assertEquals(12 + PacketWriter.encodedLength(c), packet.length, c.toString());
            Chunk back = ChunkParser.parse(packet, 0, packet.length).chunks().get(0);
            assertEquals(c.type(), back.type());
            assertEquals(describe(c), describe(back), "round trip of " + c.getClass().getSimpleName());
        }
    }

    /** Records with arrays compare by identity; compare their rendered contents instead. */
    private static String describe(Chunk c) {
        StringBuilder sb = new StringBuilder(c.getClass().getSimpleName());
        for (var comp : c.getClass().getRecordComponents()) {
            try {
                Object v = comp.getAccessor().invoke(c);
                sb.append(' ').append(comp.getName()).append('=').append(render(v));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return sb.toString();
    }

    private static String render(Object v) {
        if (v instanceof byte[] b) {
            return HexFormat.of().formatHex(b);
        } else if (v instanceof int[] a) {
            return java.util.Arrays.toString(a);
        } else if (v instanceof long[] a) {
            return java.util.Arrays.toString(a);
        } else if (v instanceof InitParams p) {
            return p.initiateTag() + "/" + p.advertisedReceiverWindow() + "/" + p.outboundStreams() + "/"
                    + p.inboundStreams() + "/" + p.initialTsn() + "/" + p.extensions() + "/"
                    + (p.stateCookie() == null ? "-" : HexFormat.of().formatHex(p.stateCookie()));
        } else if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object o : l) {
                if (o instanceof ErrorCause e) {
                    sb.append(e.code()).append(':').append(HexFormat.of().formatHex(e.info()));
                } else if (o instanceof ReConfigParam.OutgoingReset r) {
                    sb.append(r.requestSequence()).append(',').append(r.responseSequence()).append(',')
                            .append(r.lastAssignedTsn()).append(java.util.Arrays.toString(r.streams()));
                } else {
                    sb.append(o);
                }
                sb.append(';');
            }
            return sb.append(']').toString();
        }
        return String.valueOf(v);
    }

    @Test
    void truncatedAndInconsistentChunksAreParseErrors() {
        assertThrows(ParseException.class, () -> ChunkParser.parse(new byte[11], 0, 11));
        byte[] header = hex("1388 1388 00000000 06a900e1");
        assertThrows(ParseException.class, () -> ChunkParser.parse(header, 0, header.length), "no chunks");
        byte[] badLength = hex("1388138800000000 00000000 00030002");
        assertThrows(ParseException.class, () -> ChunkParser.parse(badLength, 0, badLength.length));
        byte[] overrun = hex("1388138800000000 00000000 00030020 00000001");
        assertThrows(ParseException.class, () -> ChunkParser.parse(overrun, 0, overrun.length));
        byte[] shortData = hex("1388138800000000 00000000 0003000c 00000001 00000000");
        assertThrows(ParseException.class, () -> ChunkParser.parse(shortData, 0, shortData.length), "DATA header cut short");
        byte[] sackCountLies = hex("1388138800000000 00000000 03000014 00000001 00001000 0005 0000 00010002");
        assertThrows(ParseException.class, () -> ChunkParser.parse(sackCountLies, 0, sackCountLies.length));
    }
}
