package dev.jrtc.rtp.codec;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The H.264 byte-stream format (ITU-T H.264, annex B): NAL units separated by start codes
 * {@code 00 00 01} or {@code 00 00 00 01}.
 */
public final class AnnexB {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private AnnexB() {
    }

    /**
     * The NAL units of a byte stream, without start codes. Trailing zero bytes before a start code
     * belong to the start code (a NAL unit never ends in a zero byte), so they are dropped.
     */
    public static List<byte[]> split(byte[] stream) {
        List<byte[]> nals = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i + 2 < stream.length) {
            if (stream[i] == 0 && stream[i + 1] == 0 && stream[i + 2] == 1) {
                if (start >= 0) {
                    addTrimmed(nals, stream, start, i);
                }
                i += 3;
                start = i;
            } else {
                i++;
            }
        }
        if (start >= 0) {
            addTrimmed(nals, stream, start, stream.length);
        }
        return nals;
    }

    private static void addTrimmed(List<byte[]> nals, byte[] s, int from, int to) {
        while (to > from && s[to - 1] == 0) {
            to--;
        }
        if (to > from) {
            nals.add(java.util.Arrays.copyOfRange(s, from, to));
        }
    }

    /** NAL units joined with four-byte start codes. */
    public static byte[] join(List<byte[]> nals) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] n : nals) {
            out.writeBytes(START_CODE);
            out.writeBytes(n);
        }
        return out.toByteArray();
    }
}
