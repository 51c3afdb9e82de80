package dev.jrtc.ice.stun;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Encodes and decodes attribute values by type (RFC 8489 section 14, RFC 8656 section 18, RFC 8445 section 16). */
final class StunAttributeCodec {
    static final int MAGIC_COOKIE = 0x2112A442;
    private static final int FAMILY_IPV4 = 0x01;
    private static final int FAMILY_IPV6 = 0x02;
    /** RFC 8489 limits USERNAME to 513 bytes and REALM, NONCE, SOFTWARE to 763 bytes. */
    private static final int MAX_TEXT_BYTES = 763;

    private StunAttributeCodec() {
    }

    static StunAttribute decode(int type, ByteReader value, TransactionId tid) throws ParseException {
        if (StunAttributeType.isXorAddress(type)) {
            return new StunAttribute.Address(type, readAddress(value, tid));
        }
        if (StunAttributeType.isPlainAddress(type)) {
            return new StunAttribute.Address(type, readAddress(value, null));
        }
        if (StunAttributeType.isText(type)) {
            return new StunAttribute.Text(type, readText(value));
        }
        switch (type) {
            case StunAttributeType.PRIORITY, StunAttributeType.LIFETIME, StunAttributeType.CONNECTION_ID:
                return new StunAttribute.Number32(type, exactly(value, 4).u32());
            case StunAttributeType.ICE_CONTROLLED, StunAttributeType.ICE_CONTROLLING, StunAttributeType.RESERVATION_TOKEN:
                return new StunAttribute.Number64(type, exactly(value, 8).s64());
            case StunAttributeType.USE_CANDIDATE, StunAttributeType.DONT_FRAGMENT:
                exactly(value, 0);
                return new StunAttribute.Flag(type);
            case StunAttributeType.ERROR_CODE:
                return readErrorCode(value);
            case StunAttributeType.UNKNOWN_ATTRIBUTES:
                return readUnknown(value);
            case StunAttributeType.CHANNEL_NUMBER: {
                ByteReader r = exactly(value, 4);
                int channel = r.u16();
                r.u16(); // RFFU
                return new StunAttribute.ChannelNumber(channel);
            }
            case StunAttributeType.REQUESTED_TRANSPORT: {
                ByteReader r = exactly(value, 4);
                int protocol = r.u8();
                r.u24(); // RFFU
                return new StunAttribute.RequestedTransport(protocol);
            }
            default:
                return new StunAttribute.Opaque(type, value.bytes(value.remaining()));
        }
    }

    private static ByteReader exactly(ByteReader value, int n) throws ParseException {
        if (value.remaining() != n) {
            throw new ParseException("attribute value must be " + n + " bytes, got " + value.remaining());
        }
        return value;
    }

    private static InetSocketAddress readAddress(ByteReader r, TransactionId tid) throws ParseException {
        r.u8(); // reserved
        int family = r.u8();
        int port = r.u16();
        byte[] ip;
        if (family == FAMILY_IPV4) {
            ip = exactly(r, 4).bytes(4);
        } else if (family == FAMILY_IPV6) {
            ip = exactly(r, 16).bytes(16);
        } else {
            throw new ParseException("unknown address family " + family);
        }
        if (tid != null) {
            port ^= MAGIC_COOKIE >>> 16;
            xorIp(ip, tid);
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** XORs an IP with the magic cookie (then the transaction ID for IPv6), in place; its own inverse. */
    private static void xorIp(byte[] ip, TransactionId tid) {
        for (int i = 0; i < ip.length; i++) {
            int mask = i < 4 ? (MAGIC_COOKIE >>> (24 - 8 * i)) & 0xFF : tid.at(i - 4) & 0xFF;
            ip[i] = (byte) (ip[i] ^ mask);
        }
    }

    private static String readText(ByteReader r) throws ParseException {
        if (r.remaining() > MAX_TEXT_BYTES) {
            throw new ParseException("text attribute of " + r.remaining() + " bytes is too long");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(r.array(), r.arrayPosition(), r.remaining()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ParseException("text attribute is not UTF-8", e);
        }
    }

    private static StunAttribute.ErrorCode readErrorCode(ByteReader r) throws ParseException {
        if (r.remaining() < 4) {
            throw new ParseException("ERROR-CODE shorter than 4 bytes");
        }
        r.u16(); // reserved
        int cls = r.u8() & 0x07;
        int number = r.u8();
        if (cls < 3 || cls > 6 || number > 99) {
            throw new ParseException("ERROR-CODE class " + cls + " number " + number + " is out of range");
        }
        return new StunAttribute.ErrorCode(cls * 100 + number, readText(r));
    }

    private static StunAttribute.UnknownAttributes readUnknown(ByteReader r) throws ParseException {
        if (r.remaining() % 2 != 0) {
            throw new ParseException("UNKNOWN-ATTRIBUTES has an odd length");
        }
        List<Integer> types = new ArrayList<>();
        while (r.hasRemaining()) {
            types.add(r.u16());
        }
        return new StunAttribute.UnknownAttributes(types);
    }

    /** The value length (before padding) that {@link #encodeValue} writes. */
    static int valueLength(StunAttribute a) {
        if (a instanceof StunAttribute.Address ad) {
            return ad.address().getAddress() instanceof Inet4Address ? 8 : 20;
        } else if (a instanceof StunAttribute.Text t) {
            return t.value().getBytes(StandardCharsets.UTF_8).length;
        } else if (a instanceof StunAttribute.Number64) {
            return 8;
        } else if (a instanceof StunAttribute.Flag) {
            return 0;
        } else if (a instanceof StunAttribute.ErrorCode e) {
            return 4 + e.reason().getBytes(StandardCharsets.UTF_8).length;
        } else if (a instanceof StunAttribute.UnknownAttributes u) {
            return 2 * u.types().size();
        } else if (a instanceof StunAttribute.Opaque o) {
            return o.length();
        }
        return 4; // Number32, ChannelNumber, RequestedTransport
    }

    static void encodeValue(StunAttribute a, ByteWriter w, TransactionId tid) {
        if (a instanceof StunAttribute.Address ad) {
            writeAddress(w, ad.address(), StunAttributeType.isXorAddress(ad.type()) ? tid : null);
        } else if (a instanceof StunAttribute.Text t) {
            w.bytes(t.value().getBytes(StandardCharsets.UTF_8));
        } else if (a instanceof StunAttribute.Number32 n) {
            w.u32(n.value());
        } else if (a instanceof StunAttribute.Number64 n) {
            w.u64(n.value());
        } else if (a instanceof StunAttribute.ErrorCode e) {
            w.u16(0).u8(e.code() / 100).u8(e.code() % 100).bytes(e.reason().getBytes(StandardCharsets.UTF_8));
        } else if (a instanceof StunAttribute.UnknownAttributes u) {
            u.types().forEach(w::u16);
        } else if (a instanceof StunAttribute.ChannelNumber c) {
            w.u16(c.channel()).u16(0);
        } else if (a instanceof StunAttribute.RequestedTransport t) {
            w.u8(t.protocol()).u24(0);
        } else if (a instanceof StunAttribute.Opaque o) {
            w.bytes(o.valueNoCopy());
        }
        // Flag: no value
    }

    private static void writeAddress(ByteWriter w, InetSocketAddress address, TransactionId tid) {
        byte[] ip = address.getAddress().getAddress();
        int port = address.getPort();
        if (tid != null) {
            port ^= MAGIC_COOKIE >>> 16;
            xorIp(ip, tid);
        }
        w.u8(0).u8(ip.length == 4 ? FAMILY_IPV4 : FAMILY_IPV6).u16(port).bytes(ip);
    }
}
