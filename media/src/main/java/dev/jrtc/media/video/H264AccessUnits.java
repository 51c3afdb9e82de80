package dev.jrtc.media.video;

import dev.jrtc.rtp.codec.AnnexB;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an H.264 Annex B byte stream (a {@code .h264} file) into access units, each the input of
 * one {@link VideoDecoder#decode} call. A new access unit starts at an access unit delimiter, at
 * an SPS, PPS or SEI after a slice, or at a slice whose first_mb_in_slice is 0 after a slice
 * (ITU-T H.264 7.4.1.2.3, enough for streams without redundant pictures).
 */
public final class H264AccessUnits {
    private H264AccessUnits() {
    }

    /** @return the access units in Annex B form (four-byte start codes) */
    public static List<byte[]> split(byte[] stream) {
        List<byte[]> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean sawSlice = false;
        for (byte[] nal : AnnexB.split(stream)) {
            int type = nal[0] & 0x1F;
            boolean slice = type == 1 || type == 5;
            boolean starts;
            if (type == 9) {
                starts = true;
            } else if (type == 6 || type == 7 || type == 8) {
                starts = sawSlice;
            } else if (slice) {
                starts = sawSlice && firstSliceOfPicture(nal);
            } else {
                starts = false;
            }
            if (starts && !current.isEmpty()) {
                units.add(AnnexB.join(current));
                current.clear();
                sawSlice = false;
            }
            current.add(nal);
            sawSlice |= slice;
        }
        if (!current.isEmpty()) {
            units.add(AnnexB.join(current));
        }
        return units;
    }

    private static boolean firstSliceOfPicture(byte[] nal) {
        try {
            return H264ParameterSets.isFirstSlice(nal);
        } catch (DecodeException e) {
            return true;
        }
    }
}
