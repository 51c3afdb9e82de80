package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;

/**
 * The VP8 payload descriptor (RFC 7741, section 4.2).
 *
 * @param length         its length in bytes: the VP8 data starts after it
 * @param start          the S bit: this packet starts a partition
 * @param partitionIndex PID
 * @param pictureId      7- or 15-bit picture ID, or -1
 * @param tl0PicIdx      TL0PICIDX, or -1
 * @param temporalLayer  TID, or -1
 * @param layerSync      the Y bit
 */
record Vp8Descriptor(int length, boolean start, int partitionIndex, int pictureId, int tl0PicIdx,
                     int temporalLayer, boolean layerSync) {

    static Vp8Descriptor parse(byte[] b, int off, int len) throws ParseException {
        if (len < 1) {
            throw new ParseException("VP8: empty payload");
        }
        int end = off + len;
        int pos = off;
        int first = b[pos++] & 0xFF;
        int pictureId = -1;
        int tl0 = -1;
        int tid = -1;
        boolean sync = false;
        if ((first & 0x80) != 0) {
            int x = need(b, pos++, end);
            if ((x & 0x80) != 0) {
                int m = need(b, pos++, end);
                if ((m & 0x80) != 0) {
                    pictureId = ((m & 0x7F) << 8) | need(b, pos++, end);
                } else {
                    pictureId = m;
                }
            }
            if ((x & 0x40) != 0) {
                tl0 = need(b, pos++, end);
            }
            if ((x & 0x30) != 0) {
                int t = need(b, pos++, end);
                if ((x & 0x20) != 0) {
                    tid = t >>> 6;
                    sync = (t & 0x20) != 0;
                }
            }
        }
        if (pos >= end) {
            throw new ParseException("VP8: payload holds only a descriptor");
        }
        return new Vp8Descriptor(pos - off, (first & 0x10) != 0, first & 0x07, pictureId, tl0, tid, sync);
    }

    private static int need(byte[] b, int pos, int end) throws ParseException {
        if (pos >= end) {
            throw new ParseException("VP8: payload descriptor truncated");
        }
        return b[pos] & 0xFF;
    }
}
