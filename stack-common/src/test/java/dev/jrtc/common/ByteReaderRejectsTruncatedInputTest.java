package dev.jrtc.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ByteReaderRejectsTruncatedInputTest {
    private static final byte[] BYTES = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");

    @Test
    void readsBigEndianFieldsOfEveryWidth() throws ParseException {
        ByteReader r = new ByteReader(BYTES);
        assertEquals(0x01, r.u8());
        assertEquals(0x0203, r.u16());
        assertEquals(0x040506, r.u24());
        assertEquals(0x0708090aL, r.u32());
        assertEquals(0x0b0c0d0e0f10L, (r.u16() & 0xFFFFL) << 32 | r.u32());
        assertFalse(r.hasRemaining());
    }

    @Test
    void unsigned32KeepsTheTopBitPositive() throws ParseException {
        byte[] b = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE};
        assertEquals(0xFFFF_FFFEL, new ByteReader(b).u32());
        assertEquals(-2, new ByteReader(b).s32());
    }

    @Test
    void readsSixtyFourBits() throws ParseException {
        assertEquals(0x0102030405060708L, new ByteReader(BYTES).s64());
    }

    @Test
    void aReadPastTheSliceEndIsAParseExceptionNotAnIndexError() {
        // The slice is bytes 2..5 of a longer array: reading past it must fail even though the array goes on.
        ByteReader r = new ByteReader(BYTES, 2, 4);
        ParseException e = assertThrows(ParseException.class, () -> {
            r.u16();
            r.u24();
        });
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("offset 2"), e.getMessage());
    }

    @Test
    void everyFieldWidthFailsOnAnEmptySlice() {
        ByteReader empty = new ByteReader(BYTES, 16, 0);
        assertThrows(ParseException.class, empty::u8);
        assertThrows(ParseException.class, empty::u16);
        assertThrows(ParseException.class, empty::u24);
        assertThrows(ParseException.class, empty::u32);
        assertThrows(ParseException.class, empty::s64);
        assertThrows(ParseException.class, () -> empty.bytes(1));
        assertThrows(ParseException.class, () -> empty.skip(1));
        assertThrows(ParseException.class, () -> empty.slice(1));
    }

    @Test
    void aNegativeLengthFromTheWireIsAParseException() {
        ByteReader r = new ByteReader(BYTES);
        assertThrows(ParseException.class, () -> r.bytes(-1));
        assertThrows(ParseException.class, () -> r.skip(-5));
    }

    @Test
    void aSliceCannotReadIntoWhatFollowsIt() throws ParseException {
        ByteReader r = new ByteReader(BYTES);
        ByteReader sub = r.slice(3);
        assertEquals(0x04, r.u8(), "the parent moved past the slice");
        assertArrayEquals(new byte[] {1, 2, 3}, sub.bytes(3));
        assertThrows(ParseException.class, sub::u8);
    }

    @Test
    void requireEndRejectsTrailingBytes() throws ParseException {
        ByteReader r = new ByteReader(BYTES, 0, 2);
        r.u8();
        ParseException e = assertThrows(ParseException.class, () -> r.requireEnd("test message"));
        assertTrue(e.getMessage().startsWith("test message: 1 unexpected trailing byte"), e.getMessage());
        r.u8();
        r.requireEnd("test message");
    }

    @Test
    void aSliceOutsideTheArrayIsAnApiError() {
        assertThrows(IndexOutOfBoundsException.class, () -> new ByteReader(BYTES, 10, 7));
    }

    @Test
    void reportsPositionsRelativeToTheSliceAndTheArray() throws ParseException {
        ByteReader r = new ByteReader(BYTES, 4, 8);
        r.skip(3);
        assertEquals(3, r.position());
        assertEquals(7, r.arrayPosition());
        assertEquals(5, r.remaining());
    }
}
