package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jrtc.common.ParseException;
import dev.jrtc.sctp.dcep.ChannelType;
import dev.jrtc.sctp.dcep.Dcep;
import dev.jrtc.sctp.dcep.DcepMessage;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DcepMessagesMatchRfc8832Test {

    @Test
    void openLayoutIsTypeChannelTypePriorityReliabilityLengthsLabelProtocol() throws ParseException {
        byte[] b = Dcep.encode(new DcepMessage.Open(ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED, 256, 3, "chat", "x"));
        // 0x03, 0x81, priority 0x0100, reliability 3, label length 4, protocol length 1, "chat", "x"
        assertEquals("03" + "81" + "0100" + "00000003" + "0004" + "0001" + "63686174" + "78", HexFormat.of().formatHex(b));
        DcepMessage.Open back = assertInstanceOf(DcepMessage.Open.class, Dcep.parse(b, 0, b.length));
        assertEquals("chat", back.label());
        assertEquals("x", back.protocol());
        assertEquals(3, back.reliabilityParameter());
        assertEquals(ChannelType.PARTIAL_RELIABLE_REXMIT_UNORDERED, back.channelType());
    }

    @Test
    void ackIsTheSingleByteTwo() throws ParseException {
        assertEquals("02", HexFormat.of().formatHex(Dcep.encode(new DcepMessage.Ack())));
        assertInstanceOf(DcepMessage.Ack.class, Dcep.parse(new byte[] {2}, 0, 1));
    }

    @Test
    void channelTypeCodesAreThoseOfTheRegistry() {
        assertEquals(0x00, ChannelType.of(true, false, false).code());
        assertEquals(0x80, ChannelType.of(false, false, false).code());
        assertEquals(0x01, ChannelType.of(true, true, false).code());
        assertEquals(0x81, ChannelType.of(false, true, false).code());
        assertEquals(0x02, ChannelType.of(true, false, true).code());
        assertEquals(0x82, ChannelType.of(false, false, true).code());
    }

    @Test
    void malformedOpenMessagesAreParseErrors() {
        byte[] shortLabel = HexFormat.of().parseHex("0300000000000000" + "00050000" + "6162");
        assertThrows(ParseException.class, () -> Dcep.parse(shortLabel, 0, shortLabel.length));
        byte[] badType = HexFormat.of().parseHex("0305000000000000" + "00000000");
        assertThrows(ParseException.class, () -> Dcep.parse(badType, 0, badType.length));
        byte[] badUtf8 = HexFormat.of().parseHex("0300000000000000" + "00010000" + "ff");
        assertThrows(ParseException.class, () -> Dcep.parse(badUtf8, 0, badUtf8.length));
        assertThrows(ParseException.class, () -> Dcep.parse(new byte[] {7}, 0, 1));
        assertThrows(ParseException.class, () -> Dcep.parse(new byte[0], 0, 0));
    }
}
