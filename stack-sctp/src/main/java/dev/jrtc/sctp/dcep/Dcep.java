package dev.jrtc.sctp.dcep;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Parses and writes DCEP messages (RFC 8832 §5). Labels and protocols are UTF-8. */
public final class Dcep {
    private Dcep() {
    }

    /** Parses a message carried with PPID 50. */
    public static DcepMessage parse(byte[] buf, int offset, int length) throws ParseException {
        ByteReader r = new ByteReader(buf, offset, length);
        int type = r.u8();
        if (type == DcepMessage.TYPE_ACK) {
            // RFC 8832 §5.2: the ACK is the type byte alone; trailing bytes are tolerated.
            return new DcepMessage.Ack();
        }
        if (type != DcepMessage.TYPE_OPEN) {
            throw new ParseException("unknown DCEP message type " + type);
        }
        int code = r.u8();
        ChannelType channelType = ChannelType.fromCode(code);
        if (channelType == null) {
            throw new ParseException("unknown DCEP channel type 0x" + Integer.toHexString(code));
        }
        int priority = r.u16();
        long reliability = r.u32();
        int labelLength = r.u16();
        int protocolLength = r.u16();
        String label = utf8(r.slice(labelLength));
        String protocol = utf8(r.slice(protocolLength));
        return new DcepMessage.Open(channelType, priority, reliability, label, protocol);
    }

    private static String utf8(ByteReader r) throws ParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(r.array(), r.arrayPosition(), r.remaining())).toString();
        } catch (CharacterCodingException e) {
            throw new ParseException("DCEP label or protocol is not UTF-8", e);
        }
    }

    /** The bytes of a message. */
    public static byte[] encode(DcepMessage m) {
        if (m instanceof DcepMessage.Open o) {
            byte[] label = o.label().getBytes(StandardCharsets.UTF_8);
            byte[] protocol = o.protocol().getBytes(StandardCharsets.UTF_8);
            if (label.length > 0xFFFF || protocol.length > 0xFFFF) {
                throw new IllegalArgumentException("label or protocol longer than 65535 bytes");
            }
            ByteWriter w = ByteWriter.allocate(12 + label.length + protocol.length);
            w.u8(DcepMessage.TYPE_OPEN).u8(o.channelType().code()).u16(o.priority()).u32(o.reliabilityParameter())
                    .u16(label.length).u16(protocol.length).bytes(label).bytes(protocol);
            return w.toByteArray();
        }
        return new byte[] {DcepMessage.TYPE_ACK};
    }
}
