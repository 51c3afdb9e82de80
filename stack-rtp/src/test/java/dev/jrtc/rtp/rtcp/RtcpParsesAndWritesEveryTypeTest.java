package dev.jrtc.rtp.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every RTCP type parses from bytes laid out as the RFC figures draw them, gives the fields the
 * figure names, and writes back the same bytes.
 */
class RtcpParsesAndWritesEveryTypeTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    private static RtcpPacket single(byte[] b) throws Exception {
        List<RtcpPacket> ps = RtcpCompound.parse(b);
        assertEquals(1, ps.size());
        assertArrayEquals(b, RtcpCompound.write(ps), "writes back the same bytes");
        return ps.get(0);
    }

    private static final String REPORT_BLOCK = "0000beef 10 fffffe 00020005 00000033 a1b2c3d4 00018000";

    @Test
    void senderReportRfc3550Section6_4_1() throws Exception {
        SenderReport sr = (SenderReport) single(hex("81c8 000c 12345678 e1234567 80000000 0001e240 0000000a 00000400" + REPORT_BLOCK));
        assertEquals(0x12345678L, sr.ssrc());
        assertEquals(0xe123456780000000L, sr.ntpTimestamp());
        assertEquals(123456, sr.rtpTimestamp());
        assertEquals(10, sr.packetCount());
        assertEquals(1024, sr.octetCount());
        ReportBlock b = sr.reports().get(0);
        assertEquals(0xbeef, b.ssrc());
        assertEquals(16, b.fractionLost());
        assertEquals(-2, b.cumulativeLost(), "24-bit signed");
        assertEquals(0x20005, b.extendedHighestSequence());
        assertEquals(0x33, b.jitter());
        assertEquals(0xa1b2c3d4L, b.lastSenderReport());
        assertEquals(0x18000, b.delaySinceLastSenderReport());
    }

    @Test
    void receiverReportAndCompoundWithSdesAndBye() throws Exception {
        byte[] b = hex("81c9 0007 00000001" + REPORT_BLOCK
                + "81ca 0003 00000001 0104 6a727463 0000" // SDES CNAME "jrtc", null item, padded
                + "81cb 0003 00000001 04 62796521 000000"); // BYE with reason "bye!"
        List<RtcpPacket> ps = RtcpCompound.parse(b);
        assertEquals(3, ps.size());
        assertEquals(1, ((ReceiverReport) ps.get(0)).reports().size());
        SourceDescription sdes = (SourceDescription) ps.get(1);
        assertEquals("jrtc", sdes.chunks().get(0).items().get(0).value());
        assertEquals(SourceDescription.CNAME, sdes.chunks().get(0).items().get(0).type());
        Bye bye = (Bye) ps.get(2);
        assertEquals(List.of(1L), bye.ssrcs());
        assertEquals("bye!", bye.reason());
        assertArrayEquals(b, RtcpCompound.write(ps));
    }

    @Test
    void appRfc3550Section6_7() throws Exception {
        App app = (App) single(hex("85cc 0003 00000007 71757578 01020304"));
        assertEquals(5, app.subtype());
        assertEquals("quux", app.name());
        assertArrayEquals(hex("01020304"), app.data());
    }

    @Test
    void genericNackRfc4585Section6_2_1() throws Exception {
        // PID 1000 with BLP bits 0 and 15: 1000, 1001 and 1016 lost; then PID 65535 alone.
        GenericNack n = (GenericNack) single(hex("81cd 0004 00000001 00000002 03e8 8001 ffff 0000"));
        assertEquals(List.of(1000, 1001, 1016, 65535), n.lostSequences());
        assertEquals(1, new GenericNack(1, 2, List.of(65535, 0, 3)).encodedLength() / 4 - 3, "wraps into one entry");
    }

    @Test
    void pliAloneIsAReducedSizePacketRfc5506() throws Exception {
        PictureLossIndication pli = (PictureLossIndication) single(hex("81ce 0002 00000001 00000002"));
        assertEquals(new PictureLossIndication(1, 2), pli);
    }

    @Test
    void firRfc5104Section4_3_1() throws Exception {
        FullIntraRequest fir = (FullIntraRequest) single(hex("84ce 0004 00000001 00000000 0000abcd 07000000"));
        assertEquals(List.of(new FullIntraRequest.Entry(0xabcd, 7)), fir.entries());
    }

    @Test
    void rembDraftAlvestrand() throws Exception {
        // 1 SSRC, exponent 3, mantissa 0x3d090 (250000): 2 000 000 bit/s.
        Remb remb = (Remb) single(hex("8fce 0005 00000001 00000000 52454d42 01 0f d090 00001234"));
        assertEquals(2_000_000L, remb.bitrate());
        assertEquals(List.of(0x1234L), remb.ssrcs());
    }

    @Test
    void transportFeedbackRunLengthChunkFromTheDraft() throws Exception {
        // Base 1, 3 packets, reference time 16 (x 64 ms), count 5; a run-length chunk of 3 small
        // deltas (0 01 0000000000011), deltas 4, 1, 2 ticks, one byte of padding.
        byte[] b = hex("8fcd 0006 00000001 00000002 0001 0003 000010 05 2003 04 01 02 000000");
        TransportFeedback fb = (TransportFeedback) RtcpCompound.parse(b).get(0);
        assertEquals(1, fb.baseSequence());
        assertEquals(16, fb.referenceTime());
        assertEquals(5, fb.feedbackPacketCount());
        assertEquals(List.of(TransportFeedback.Status.received(4), TransportFeedback.Status.received(1),
                TransportFeedback.Status.received(2)), fb.packets());
        assertEquals(fb, RtcpCompound.parse(fb.toBytes()).get(0), "round trip through our own encoding");
    }

    @Test
    void transportFeedbackTwoBitVectorWithLossAndLargeDelta() throws Exception {
        // 1 1 0 1 0 0 0 0 ... a two-bit vector: small, lost, large(-4), lost x4 (padding symbols).
        // Zero padding without the P bit is accepted.
        byte[] b = hex("8fcd 0006 00000001 00000002 fffe 0003 fffff0 00 d200 01 fffc 000000");
        TransportFeedback fb = (TransportFeedback) RtcpCompound.parse(b).get(0);
        assertEquals(0xfffe, fb.baseSequence());
        assertEquals(-16, fb.referenceTime());
        assertEquals(List.of(TransportFeedback.Status.received(1), TransportFeedback.Status.LOST,
                TransportFeedback.Status.received(-4)), fb.packets());
        // It is written back padded with the P bit and a count byte, as Chromium pads (see the captures).
        assertArrayEquals(hex("afcd 0006 00000001 00000002 fffe 0003 fffff0 00 d200 01 fffc 0000 03"), fb.toBytes());
        assertEquals(fb, single(fb.toBytes()));
    }

    @Test
    void transportFeedbackWriterUsesRunLengthForLongRuns() throws Exception {
        List<TransportFeedback.Status> many = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(i % 100 == 99 ? TransportFeedback.Status.LOST : TransportFeedback.Status.received(i % 7));
        }
        TransportFeedback fb = new TransportFeedback(1, 2, 65500, 100, 9, many);
        assertEquals(fb, RtcpCompound.parse(fb.toBytes()).get(0));
    }

    @Test
    void extendedReportRrtrAndDlrrRfc3611() throws Exception {
        ExtendedReport xr = (ExtendedReport) single(hex("80cf 0008 00000001"
                + "04 00 0002 e1234567 89abcdef"
                + "05 00 0003 00000002 45678901 00010000"));
        assertEquals(new ExtendedReport.ReceiverReferenceTime(0xe123456789abcdefL), xr.blocks().get(0));
        assertEquals(new ExtendedReport.Dlrr(List.of(new ExtendedReport.DlrrItem(2, 0x45678901L, 0x10000))), xr.blocks().get(1));
    }

    @Test
    void unknownTypesAndFormatsAreKeptNotFatal() throws Exception {
        byte[] b = hex("80d0 0001 01020304" // PT 208: unknown
                + "83cd 0002 00000001 00000002" // RTPFB FMT 3 (TMMBR-like): unknown format
                + "81ca 0002 00000001 00000000"); // SDES with an empty chunk
        List<RtcpPacket> ps = RtcpCompound.parse(b);
        assertInstanceOf(UnknownRtcp.class, ps.get(0));
        assertInstanceOf(UnknownRtcp.class, ps.get(1));
        assertInstanceOf(SourceDescription.class, ps.get(2));
        assertArrayEquals(b, RtcpCompound.write(ps));
    }

    @Test
    void paddedPacketParses() throws Exception {
        // An RR with 4 bytes of padding (P bit, last byte 04) inside its length.
        List<RtcpPacket> ps = RtcpCompound.parse(hex("a0c9 0002 00000001 00000004"));
        assertEquals(new ReceiverReport(1, List.of()), ps.get(0));
    }
}
