package dev.jrtc.rtp.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** VP9 (RFC 9628), AV1 (AOM RTP spec), Opus (RFC 7587) and G.711 payloads assemble and flag key frames. */
class Vp9Av1AndAudioDepacketizersTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    @Test
    void vp9KeyFrameWithScalabilityStructureAndDeltaFrameWithReferences() throws Exception {
        Vp9Depacketizer d = new Vp9Depacketizer();
        // I=1 (15-bit picture id 0x0123), B=1, V=1; SS: one layer, Y (320x240), no G. Then E=1 packet.
        byte[] first = hex("8a 81 23 10 0140 00f0 aa bb");
        byte[] last = hex("84 81 23 cc");
        assertTrue(d.startsFrame(first, 0, first.length));
        assertFalse(d.startsFrame(last, 0, last.length));
        DepacketizedFrame key = d.depacketize(PayloadSequence.of(List.of(first, last)));
        assertArrayEquals(hex("aabbcc"), key.data());
        assertTrue(key.keyFrame());
        assertEquals(0x123, ((Vp9Info) key.info()).pictureId());
        // Flexible mode, P=1 with two reference diffs (N bit on the first): an inter frame.
        byte[] delta = hex("dc 05 03 04 dd");
        DepacketizedFrame f = d.depacketize(PayloadSequence.of(List.of(delta)));
        assertFalse(f.keyFrame());
        assertArrayEquals(hex("dd"), f.data());
        assertThrows(ParseException.class, () -> d.depacketize(PayloadSequence.of(List.of(hex("dc 05 03 03 03 03 dd")))),
                "more than three references");
    }

    @Test
    void av1ReassemblesAnObuSplitAcrossPacketsAndAddsSizeFields() throws Exception {
        Av1Depacketizer d = new Av1Depacketizer();
        // Packet 1: N=1, W=2: a sequence header OBU (type 1, header 0x08) with length 2, then the
        // first 2 bytes of a frame OBU (type 6, header 0x30), continued (Y=1).
        byte[] p1 = hex("68 03 08 aa bb 30 11 22");
        // Packet 2: Z=1, W=1: the rest of the frame OBU.
        byte[] p2 = hex("90 33 44");
        assertTrue(d.startsFrame(p1, 0, p1.length));
        DepacketizedFrame f = d.depacketize(PayloadSequence.of(List.of(p1, p2)));
        assertTrue(f.keyFrame());
        assertArrayEquals(hex("0a 02 aabb" + "32 04 11223344"), f.data());
        // A temporal delimiter (type 2) is dropped.
        assertArrayEquals(hex("32 01 55"), d.depacketize(PayloadSequence.of(List.of(hex("00 01 12 02 30 55")))).data());
        assertThrows(ParseException.class, () -> d.depacketize(PayloadSequence.of(List.of(p2))), "starts with a continuation");
    }

    @Test
    void audioFramesAreSinglePacketsAndAlwaysDecodable() throws Exception {
        OpusDepacketizer opus = new OpusDepacketizer();
        byte[] toc = hex("fc ff fe");
        assertTrue(opus.startsFrame(toc, 0, 3) && opus.endsFrame(toc, 0, 3, false));
        DepacketizedFrame f = opus.depacketize(PayloadSequence.of(List.of(toc)));
        assertArrayEquals(toc, f.data());
        assertTrue(f.keyFrame());
        assertThrows(ParseException.class, () -> opus.depacketize(PayloadSequence.of(List.of(hex("03")))), "code 3 without count");
        assertThrows(ParseException.class, () -> opus.depacketize(PayloadSequence.of(List.of(new byte[0]))));
        G711Depacketizer g711 = new G711Depacketizer();
        assertArrayEquals(hex("ff7f"), g711.depacketize(PayloadSequence.of(List.of(hex("ff7f")))).data());
        assertThrows(ParseException.class, () -> g711.depacketize(PayloadSequence.of(List.of(hex("ff"), hex("7f")))));
        assertEquals(List.of(160), new OpusPacketizer().packetize(new byte[160], 1000).stream().map(b -> b.length).toList());
    }

    @Test
    void h264Mode0RejectsAggregatesAndTheDepacketizerPrependsKeptParameterSets() throws Exception {
        byte[] sps = hex("67 42 00 1e");
        byte[] pps = hex("68 ce 3c 80");
        byte[] idr = hex("65 88 80 00");
        H264Depacketizer mode0 = new H264Depacketizer(0);
        assertThrows(ParseException.class, () -> mode0.depacketize(PayloadSequence.of(List.of(hex("18 0004 6742001e")))));
        H264Depacketizer d = new H264Depacketizer();
        assertTrue(d.depacketize(PayloadSequence.of(List.of(sps, pps, idr))).keyFrame());
        DepacketizedFrame later = d.depacketize(PayloadSequence.of(List.of(idr)));
        assertArrayEquals(hex("00000001 6742001e 00000001 68ce3c80 00000001 65888000"), later.data());
        assertTrue(later.keyFrame());
        assertThrows(ParseException.class, () -> d.depacketize(PayloadSequence.of(List.of(hex("7c 05 aa")))),
                "FU-A continuation without start");
    }
}
