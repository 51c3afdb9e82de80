package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;
import java.io.ByteArrayOutputStream;

/**
 * AV1 depacketizer (AV1 RTP payload specification, section 4), far enough to assemble temporal
 * units and spot key frames. Each payload is an aggregation header {@code Z Y W W N - - -} and OBU
 * elements; an OBU may be cut across packets (Y in one, Z in the next). The output is the
 * low-overhead bitstream format: every OBU with {@code obu_has_size_field} set and its size written,
 * temporal delimiters dropped. N=1 marks the first packet of a coded video sequence: a key frame.
 */
public final class Av1Depacketizer implements Depacketizer {
    private static final int Z = 0x80;
    private static final int Y = 0x40;
    private static final int N = 0x08;
    private static final int OBU_TEMPORAL_DELIMITER = 2;

    @Override
    public boolean startsFrame(byte[] buf, int off, int len) {
        return len > 0 && (buf[off] & N) != 0 && (buf[off] & Z) == 0;
    }

    @Override
    public boolean endsFrame(byte[] buf, int off, int len, boolean marker) {
        return marker;
    }

    @Override
    public DepacketizedFrame depacketize(PayloadSequence payloads) throws ParseException {
        if (payloads.size() == 0) {
            throw new ParseException("AV1: no payloads");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(payloads.totalLength() + 16);
        ByteArrayOutputStream pending = null; // an OBU cut across packets
        boolean key = false;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] b = payloads.array(i);
            int pos = payloads.offset(i);
            int end = pos + payloads.length(i);
            if (pos >= end) {
                throw new ParseException("AV1: empty payload");
            }
            int agg = b[pos++] & 0xFF;
            if (i == 0) {
                if ((agg & Z) != 0) {
                    throw new ParseException("AV1: frame starts with a continued OBU");
                }
                key = (agg & N) != 0;
            } else if (((agg & Z) != 0) != (pending != null)) {
                throw new ParseException("AV1: Z bit does not match the previous packet's Y bit");
            }
            int w = (agg >>> 4) & 0x03;
            int element = 0;
            while (pos < end) {
                element++;
                int size;
                if (w == 0 || element < w) {
                    long v = 0;
                    int shift = 0;
                    int b0;
                    do {
                        if (pos >= end || shift > 28) {
                            throw new ParseException("AV1: bad element length");
                        }
                        b0 = b[pos++] & 0xFF;
                        v |= (long) (b0 & 0x7F) << shift;
                        shift += 7;
                    } while ((b0 & 0x80) != 0);
                    if (v > end - pos) {
                        throw new ParseException("AV1: element of " + v + " bytes does not fit");
                    }
                    size = (int) v;
                } else {
                    size = end - pos;
                }
                boolean continued = element == 1 && (agg & Z) != 0;
                boolean cut = pos + size == end && (agg & Y) != 0;
                if (!continued) {
                    if (pending != null) {
                        throw new ParseException("AV1: OBU fragment not continued");
                    }
                    pending = new ByteArrayOutputStream(size);
                }
                pending.write(b, pos, size);
                pos += size;
                if (!cut) {
                    writeObu(pending.toByteArray(), out);
                    pending = null;
                }
            }
            if (w != 0 && element != w) {
                throw new ParseException("AV1: W=" + w + " but " + element + " elements");
            }
        }
        if (pending != null) {
            throw new ParseException("AV1: temporal unit ends inside an OBU");
        }
        byte[] data = out.toByteArray();
        if (data.length == 0) {
            throw new ParseException("AV1: no OBUs");
        }
        return new DepacketizedFrame(data, key, CodecInfo.NONE);
    }

    /** Writes one OBU with its size field set; an OBU that already has one is copied as is. */
    private static void writeObu(byte[] obu, ByteArrayOutputStream out) throws ParseException {
        if (obu.length == 0) {
            throw new ParseException("AV1: empty OBU element");
        }
        int header = obu[0] & 0xFF;
        if ((header & 0x80) != 0) {
            throw new ParseException("AV1: obu_forbidden_bit set");
        }
        int type = (header >>> 3) & 0x0F;
        if (type == OBU_TEMPORAL_DELIMITER) {
            return;
        }
        if ((header & 0x02) != 0) {
            out.writeBytes(obu);
            return;
        }
        int headerLength = (header & 0x04) != 0 ? 2 : 1;
        if (obu.length < headerLength) {
            throw new ParseException("AV1: OBU extension header truncated");
        }
        out.write(header | 0x02);
        out.write(obu, 1, headerLength - 1);
        long size = obu.length - headerLength;
        do {
            int b = (int) (size & 0x7F);
            size >>>= 7;
            out.write(size != 0 ? b | 0x80 : b);
        } while (size != 0);
        out.write(obu, headerLength, obu.length - headerLength);
    }
}
