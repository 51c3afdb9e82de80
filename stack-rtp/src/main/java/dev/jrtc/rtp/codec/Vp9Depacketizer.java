package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;

/**
 * VP9 depacketizer (RFC 9628), far enough to assemble frames and spot key frames. A frame here is a
 * whole picture (all packets of one timestamp); its layer frames are concatenated in order.
 * A picture starts at B=1 in its lowest spatial layer and is a key frame when that packet has P=0
 * (not inter-picture predicted).
 */
public final class Vp9Depacketizer implements Depacketizer {
    private static final int I = 0x80;
    private static final int P = 0x40;
    private static final int L = 0x20;
    private static final int F = 0x10;
    private static final int B = 0x08;
    private static final int V = 0x02;

    @Override
    public boolean startsFrame(byte[] buf, int off, int len) {
        if (len < 1 || (buf[off] & B) == 0) {
            return false;
        }
        try {
            Vp9Info info = parse(buf, off, len).info();
            return info.spatialId() <= 0;
        } catch (ParseException e) {
            return false;
        }
    }

    @Override
    public boolean endsFrame(byte[] buf, int off, int len, boolean marker) {
        return marker;
    }

    private record Parsed(int headerLength, Vp9Info info) {
    }

    private static Parsed parse(byte[] b, int off, int len) throws ParseException {
        Cursor c = new Cursor(b, off, off + len);
        int first = c.next();
        int pictureId = -1;
        int tid = -1;
        int sid = -1;
        if ((first & I) != 0) {
            int m = c.next();
            pictureId = (m & 0x80) != 0 ? ((m & 0x7F) << 8) | c.next() : m;
        }
        if ((first & L) != 0) {
            int layer = c.next();
            tid = layer >>> 5;
            sid = (layer >>> 1) & 0x07;
            if ((first & F) == 0) {
                c.next(); // TL0PICIDX
            }
        }
        if ((first & F) != 0 && (first & P) != 0) {
            int refs = 0;
            int diff;
            do {
                diff = c.next();
                if (++refs > 3) {
                    throw new ParseException("VP9: more than 3 reference indices");
                }
            } while ((diff & 0x01) != 0);
        }
        boolean ss = (first & V) != 0;
        if (ss) {
            skipScalabilityStructure(c);
        }
        if (c.pos >= c.end) {
            throw new ParseException("VP9: payload holds only a descriptor");
        }
        return new Parsed(c.pos - off, new Vp9Info(pictureId, tid, sid, (first & F) != 0, ss));
    }

    private static void skipScalabilityStructure(Cursor c) throws ParseException {
        int head = c.next();
        int layers = (head >>> 5) + 1;
        if ((head & 0x10) != 0) {
            c.skip(4 * layers); // width and height per spatial layer
        }
        if ((head & 0x08) != 0) {
            int pictures = c.next();
            for (int i = 0; i < pictures; i++) {
                int g = c.next();
                c.skip((g >>> 2) & 0x03); // R reference differences
            }
        }
    }

    @Override
    public DepacketizedFrame depacketize(PayloadSequence payloads) throws ParseException {
        if (payloads.size() == 0) {
            throw new ParseException("VP9: no payloads");
        }
        Parsed[] parsed = new Parsed[payloads.size()];
        int total = 0;
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = parse(payloads.array(i), payloads.offset(i), payloads.length(i));
            total += payloads.length(i) - parsed[i].headerLength();
        }
        byte[] first = payloads.array(0);
        int firstByte = first[payloads.offset(0)];
        if ((firstByte & B) == 0) {
            throw new ParseException("VP9: the first packet does not begin a layer frame");
        }
        byte[] data = new byte[total];
        int pos = 0;
        for (int i = 0; i < parsed.length; i++) {
            int n = payloads.length(i) - parsed[i].headerLength();
            System.arraycopy(payloads.array(i), payloads.offset(i) + parsed[i].headerLength(), data, pos, n);
            pos += n;
        }
        Vp9Info info = parsed[0].info();
        boolean key = (firstByte & P) == 0 && info.spatialId() <= 0;
        return new DepacketizedFrame(data, key, info);
    }

    /** A bounds-checked walk over descriptor bytes. */
    private static final class Cursor {
        final byte[] b;
        final int end;
        int pos;

        Cursor(byte[] b, int pos, int end) {
            this.b = b;
            this.pos = pos;
            this.end = end;
        }

        int next() throws ParseException {
            if (pos >= end) {
                throw new ParseException("VP9: payload descriptor truncated");
            }
            return b[pos++] & 0xFF;
        }

        void skip(int n) throws ParseException {
            if (n > end - pos) {
                throw new ParseException("VP9: scalability structure truncated");
            }
            pos += n;
        }
    }
}
