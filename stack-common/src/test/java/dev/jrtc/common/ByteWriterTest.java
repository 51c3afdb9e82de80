package dev.jrtc.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ByteWriterTest {
    @Test
    void writesBigEndianFieldsThatTheReaderReadsBack() throws ParseException {
        ByteWriter w = ByteWriter.allocate(32);
        w.u8(0xAB).u16(0xCDEF).u24(0x123456).u32(0xFFFF_FFFEL).u64(0x0102030405060708L).zeros(2).bytes(new byte[] {9, 8});
        assertEquals(22, w.position());
        assertEquals("abcdef123456fffffffe010203040506070800000908", HexFormat.of().formatHex(w.toByteArray()));
        ByteReader r = new ByteReader(w.toByteArray());
        assertEquals(0xAB, r.u8());
        assertEquals(0xCDEF, r.u16());
        assertEquals(0x123456, r.u24());
        assertEquals(0xFFFF_FFFEL, r.u32());
        assertEquals(0x0102030405060708L, r.s64());
    }

    @Test
    void writesAtAnOffsetAndLeavesTheRestOfTheArrayAlone() {
        byte[] buf = new byte[8];
        java.util.Arrays.fill(buf, (byte) 0x55);
        new ByteWriter(buf, 2, 4).u16(0x0102).putU16At(0, 0x0A0B);
        assertArrayEquals(HexFormat.of().parseHex("55550a0b55555555"), buf);
    }

    @Test
    void overflowSaysHowMuchRoomWasMissing() {
        ByteWriter w = new ByteWriter(new byte[10], 4, 3);
        w.u16(1);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> w.u32(7));
        assertTrue(e.getMessage().contains("needs 3 more byte(s)"), e.getMessage());
    }

    @Test
    void aBackPatchMustLandOnWrittenBytes() {
        ByteWriter w = ByteWriter.allocate(8).u16(0);
        assertThrows(IndexOutOfBoundsException.class, () -> w.putU16At(1, 5));
    }
}
