package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and writes RTCP datagrams: compound packets (RFC 3550, section 6.1) and reduced-size ones
 * (RFC 5506), which may hold a single feedback packet without a leading report.
 *
 * <p>Packet types and feedback formats this stack does not interpret come back as
 * {@link UnknownRtcp}, so one unknown packet does not cost the rest. A datagram whose framing
 * lies (a length that runs past the end, bad padding, a body too short for its type) is rejected
 * as a whole, because nothing after the lie can be trusted.
 */
public final class RtcpCompound {
    private RtcpCompound() {
    }

    /**
     * The packets in {@code buf[off, off + len)}, in order.
     *
     * @throws ParseException if the datagram is empty or any packet is malformed
     */
    public static List<RtcpPacket> parse(byte[] buf, int off, int len) throws ParseException {
        if (buf == null || off < 0 || len < 0 || off > buf.length - len) {
            throw new ParseException("RTCP: slice out of range");
        }
        if (len == 0) {
            throw new ParseException("RTCP: empty datagram");
        }
        ByteReader r = new ByteReader(buf, off, len);
        List<RtcpPacket> out = new ArrayList<>(4);
        while (r.hasRemaining()) {
            out.add(parseOne(r));
        }
        return out;
    }

    /** Parses all of {@code datagram}. */
    public static List<RtcpPacket> parse(byte[] datagram) throws ParseException {
        return parse(datagram, 0, datagram.length);
    }

    private static RtcpPacket parseOne(ByteReader r) throws ParseException {
        int b0 = r.u8();
        if ((b0 >>> 6) != 2) {
            throw new ParseException("RTCP: version " + (b0 >>> 6) + " is not 2");
        }
        int count = b0 & 0x1F;
        int type = r.u8();
        int bodyLength = 4 * r.u16();
        ByteReader body = r.slice(bodyLength);
        if ((b0 & 0x20) != 0) {
            body = withoutPadding(body);
        }
        RtcpPacket packet = parseBody(type, count, body);
        if (!(packet instanceof UnknownRtcp)) {
            requireConsumed(body, type, packet);
        }
        return packet;
    }

    private static ByteReader withoutPadding(ByteReader body) throws ParseException {
        int len = body.remaining();
        if (len == 0) {
            throw new ParseException("RTCP: padding bit set on an empty body");
        }
        int pad = body.array()[body.arrayPosition() + len - 1] & 0xFF;
        if (pad == 0 || pad > len) {
            throw new ParseException("RTCP: padding count " + pad + " does not fit a body of " + len);
        }
        return body.slice(len - pad);
    }

    private static void requireConsumed(ByteReader body, int type, RtcpPacket packet) throws ParseException {
        // SR/RR may carry profile-specific extensions, TWCC ends in padding; others must fit exactly.
        boolean trailingAllowed = type == RtcpHeader.SR || type == RtcpHeader.RR || packet instanceof TransportFeedback;
        if (!trailingAllowed) {
            body.requireEnd("RTCP packet type " + type);
        }
    }

    private static RtcpPacket parseBody(int type, int count, ByteReader body) throws ParseException {
        return switch (type) {
            case RtcpHeader.SR -> SenderReport.parse(body, count);
            case RtcpHeader.RR -> ReceiverReport.parse(body, count);
            case RtcpHeader.SDES -> SourceDescription.parse(body, count);
            case RtcpHeader.BYE -> Bye.parse(body, count);
            case RtcpHeader.APP -> App.parse(body, count);
            case RtcpHeader.RTPFB -> parseTransportFeedback(count, body);
            case RtcpHeader.PSFB -> parsePayloadFeedback(count, body);
            case RtcpHeader.XR -> ExtendedReport.parse(body);
            default -> unknown(type, count, body);
        };
    }

    private static RtcpPacket parseTransportFeedback(int format, ByteReader body) throws ParseException {
        if (format != GenericNack.FORMAT && format != TransportFeedback.FORMAT) {
            return unknown(RtcpHeader.RTPFB, format, body);
        }
        long sender = body.u32();
        long media = body.u32();
        return format == GenericNack.FORMAT
                ? GenericNack.parse(body, sender, media)
                : TransportFeedback.parse(body, sender, media);
    }

    private static RtcpPacket parsePayloadFeedback(int format, ByteReader body) throws ParseException {
        int start = body.arrayPosition();
        if (format != PictureLossIndication.FORMAT && format != FullIntraRequest.FORMAT && format != Remb.FORMAT) {
            return unknown(RtcpHeader.PSFB, format, body);
        }
        long sender = body.u32();
        long media = body.u32();
        if (format == PictureLossIndication.FORMAT) {
            return new PictureLossIndication(sender, media);
        }
        if (format == FullIntraRequest.FORMAT) {
            return FullIntraRequest.parse(body, sender);
        }
        if (Remb.isRemb(body)) {
            return Remb.parse(body, sender);
        }
        // Some other application-layer feedback: keep it whole.
        byte[] raw = java.util.Arrays.copyOfRange(body.array(), start, body.arrayPosition() + body.remaining());
        body.skip(body.remaining());
        return unknown(RtcpHeader.PSFB, format, raw);
    }

    private static UnknownRtcp unknown(int type, int count, ByteReader body) throws ParseException {
        return unknown(type, count, body.bytes(body.remaining()));
    }

    private static UnknownRtcp unknown(int type, int count, byte[] body) {
        // After padding is removed a body may end off the 32-bit grid; pad it back for writing.
        return new UnknownRtcp(type, count, java.util.Arrays.copyOf(body, (body.length + 3) & ~3));
    }

    /** The total encoded length of {@code packets}. */
    public static int encodedLength(List<? extends RtcpPacket> packets) {
        int n = 0;
        for (RtcpPacket p : packets) {
            n += p.encodedLength();
        }
        return n;
    }

    /** Writes {@code packets} back to back as one datagram. */
    public static byte[] write(List<? extends RtcpPacket> packets) {
        ByteWriter w = ByteWriter.allocate(encodedLength(packets));
        for (RtcpPacket p : packets) {
            p.write(w);
        }
        return w.array();
    }

    /** Writes {@code packets} back to back as one datagram. */
    public static byte[] write(RtcpPacket... packets) {
        return write(List.of(packets));
    }
}
