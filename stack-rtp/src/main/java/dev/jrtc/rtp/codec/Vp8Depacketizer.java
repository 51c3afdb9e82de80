package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * VP8 depacketizer (RFC 7741). Each payload starts with a payload descriptor; the first packet of a
 * frame has S=1 and partition index 0, and the frame is a key frame when the inverse key-frame bit
 * of the VP8 frame tag (RFC 6386, section 9.1) is clear.
 */
public final class Vp8Depacketizer implements Depacketizer {
    private static final List<Integer> FIRST_PARTITION_ONLY = List.of(0);

    @Override
    public boolean startsFrame(byte[] buf, int off, int len) {
        return len > 0 && (buf[off] & 0x10) != 0 && (buf[off] & 0x07) == 0;
    }

    @Override
    public boolean startsKeyFrame(byte[] buf, int off, int len) {
        if (!startsFrame(buf, off, len)) {
            return false;
        }
        try {
            int header = Vp8Descriptor.parse(buf, off, len).length();
            // RFC 6386, section 9.1: the frame tag's lowest bit is 0 for a key frame.
            return len > header && (buf[off + header] & 0x01) == 0;
        } catch (ParseException e) {
            return false;
        }
    }

    @Override
    public boolean endsFrame(byte[] buf, int off, int len, boolean marker) {
        return marker;
    }

    @Override
    public DepacketizedFrame depacketize(PayloadSequence payloads) throws ParseException {
        if (payloads.size() == 0) {
            throw new ParseException("VP8: no payloads");
        }
        Vp8Descriptor first = Vp8Descriptor.parse(payloads.array(0), payloads.offset(0), payloads.length(0));
        if (!first.start() || first.partitionIndex() != 0) {
            throw new ParseException("VP8: the first packet does not start partition 0");
        }
        int total = payloads.length(0) - first.length(); // parse() refuses a descriptor with no data after it
        for (int i = 1; i < payloads.size(); i++) {
            total += payloads.length(i) - headerLength(payloads, i);
        }
        if (total == 0) {
            throw new ParseException("VP8: empty frame");
        }
        byte[] data = new byte[total];
        List<Integer> partitions = null; // most frames have one partition, at 0: no list to build
        int pos = 0;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] b = payloads.array(i);
            int off = payloads.offset(i);
            if ((b[off] & 0x10) != 0 && i > 0) {
                if (partitions == null) {
                    partitions = new ArrayList<>();
                    partitions.add(0);
                }
                partitions.add(pos);
            }
            int header = i == 0 ? first.length() : headerLength(payloads, i);
            int n = payloads.length(i) - header;
            System.arraycopy(b, off + header, data, pos, n);
            pos += n;
        }
        boolean key = (data[0] & 0x01) == 0;
        Vp8Info info = new Vp8Info(first.pictureId(), first.tl0PicIdx(), first.temporalLayer(), first.layerSync(),
                partitions == null ? FIRST_PARTITION_ONLY : partitions);
        return new DepacketizedFrame(data, key, info);
    }

    private static int headerLength(PayloadSequence payloads, int i) throws ParseException {
        return Vp8Descriptor.parse(payloads.array(i), payloads.offset(i), payloads.length(i)).length();
    }
}
