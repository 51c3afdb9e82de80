package dev.jrtc.media.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** EBML encoding (RFC 8794) against octets worked out by hand from the RFC's text. */
class EbmlWriterTest {
    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void theRfcsExampleOfTheValue2AtEveryWidth() {
        // RFC 8794 section 4.4: 2 as 1, 2, 3 and 4 octets.
        assertArrayEquals(hex("82"), EbmlWriter.sizeVint(2));
        assertArrayEquals(hex("4002"), EbmlWriter.sizeVint(2, 2));
        assertArrayEquals(hex("200002"), EbmlWriter.sizeVint(2, 3));
        assertArrayEquals(hex("10000002"), EbmlWriter.sizeVint(2, 4));
        assertArrayEquals(hex("0100000000000002"), EbmlWriter.sizeVint(2, 8));
    }

    @Test
    void allOnesIsReservedForUnknownSizeSoSuchValuesGoOneOctetWider() {
        assertArrayEquals(hex("80"), EbmlWriter.sizeVint(0));
        assertArrayEquals(hex("FE"), EbmlWriter.sizeVint(126));
        assertArrayEquals(hex("407F"), EbmlWriter.sizeVint(127)); // 0xFF would mean "unknown"
        assertArrayEquals(hex("4080"), EbmlWriter.sizeVint(128));
        assertArrayEquals(hex("7FFE"), EbmlWriter.sizeVint(16382));
        assertArrayEquals(hex("203FFF"), EbmlWriter.sizeVint(16383));
        assertArrayEquals(hex("01FFFFFFFFFFFFFF"), EbmlWriter.UNKNOWN_SIZE);
        assertThrows(IllegalArgumentException.class, () -> EbmlWriter.sizeVint(127, 1));
        assertThrows(IllegalArgumentException.class, () -> EbmlWriter.sizeVint(-1));
        assertThrows(IllegalArgumentException.class, () -> EbmlWriter.sizeVint((1L << 56) - 1));
    }

    @Test
    void idsKeepTheirMarkerBits() {
        assertArrayEquals(hex("EC"), new EbmlWriter().id(0xEC).toByteArray());
        assertArrayEquals(hex("4286"), new EbmlWriter().id(0x4286).toByteArray());
        assertArrayEquals(hex("2AD7B1"), new EbmlWriter().id(0x2AD7B1).toByteArray());
        assertArrayEquals(hex("1A45DFA3"), new EbmlWriter().id(0x1A45DFA3).toByteArray());
        assertThrows(IllegalArgumentException.class, () -> new EbmlWriter().id(0x7F)); // no marker in the first octet
        assertThrows(IllegalArgumentException.class, () -> new EbmlWriter().id(0x0000_0100));
    }

    @Test
    void scalarElements() {
        assertArrayEquals(hex("E7 81 00"), new EbmlWriter().uint(0xE7, 0).toByteArray());
        assertArrayEquals(hex("2AD7B1 83 0F4240"), new EbmlWriter().uint(0x2AD7B1, 1_000_000).toByteArray());
        assertArrayEquals(hex("53AC 88 0000000000000123"), new EbmlWriter().uint(0x53AC, 0x123, 8).toByteArray());
        assertArrayEquals(hex("73C5 88 8000000000000001"), new EbmlWriter().uint(0x73C5, 0x8000000000000001L).toByteArray());
        // 1000.0 as an IEEE 754 double is 0x408F400000000000.
        assertArrayEquals(hex("4489 88 408F400000000000"), new EbmlWriter().float64(0x4489, 1000.0).toByteArray());
        assertArrayEquals(hex("4282 84 7765626D"), new EbmlWriter().string(0x4282, "webm").toByteArray());
        assertArrayEquals(hex("63A2 80"), new EbmlWriter().binary(0x63A2, new byte[0]).toByteArray());
    }

    @Test
    void theEbmlHeaderOfAWebmFile() {
        byte[] header = new EbmlWriter().master(MatroskaIds.EBML, e -> e.uint(MatroskaIds.EBML_VERSION, 1)
                .uint(MatroskaIds.EBML_READ_VERSION, 1)
                .uint(MatroskaIds.EBML_MAX_ID_LENGTH, 4)
                .uint(MatroskaIds.EBML_MAX_SIZE_LENGTH, 8)
                .string(MatroskaIds.DOC_TYPE, "webm")
                .uint(MatroskaIds.DOC_TYPE_VERSION, 4)
                .uint(MatroskaIds.DOC_TYPE_READ_VERSION, 2)).toByteArray();
        // Six 4-octet children and the 7-octet DocType: 31 = 0x1F octets of data.
        assertArrayEquals(hex("1A45DFA3 9F 428681 01 42F781 01 42F281 04 42F381 08 428284 7765626D 428781 04 428581 02"),
                header);
    }

    @Test
    void voidElementsFillExactlyTheRoomGiven() {
        assertArrayEquals(hex("EC80"), new EbmlWriter().fill(2).toByteArray());
        assertArrayEquals(hex("EC83 000000"), new EbmlWriter().fill(5).toByteArray());
        byte[] most = new EbmlWriter().fill(128).toByteArray();
        assertEquals(128, most.length);
        assertArrayEquals(hex("ECFE"), java.util.Arrays.copyOf(most, 2));
        byte[] wide = new EbmlWriter().fill(129).toByteArray(); // 127 data octets would need a 2-octet size
        assertEquals(129, wide.length);
        assertArrayEquals(hex("EC 0100000000000078"), java.util.Arrays.copyOf(wide, 9));
        assertEquals(0, new EbmlWriter().fill(0).length());
        assertThrows(IllegalArgumentException.class, () -> new EbmlWriter().fill(1));
    }
}
