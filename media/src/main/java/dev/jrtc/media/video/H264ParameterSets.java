package dev.jrtc.media.video;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.model.ColorSpace;

/**
 * The SPS and PPS seen so far, each checked against what jcodec decodes correctly. jcodec rejects
 * some features itself but silently mis-decodes others (scaling lists, slice groups), so every
 * parameter set is checked here before jcodec sees a slice that uses it.
 */
final class H264ParameterSets {
    static final int PROFILE_BASELINE = 66;
    static final int PROFILE_MAIN = 77;
    static final int PROFILE_HIGH = 100;

    private final int maxPixels;
    private final Map<Integer, SeqParameterSet> sps = new HashMap<>();
    private final Map<Integer, PictureParameterSet> pps = new HashMap<>();
    private final Map<Integer, byte[]> rawSps = new HashMap<>();
    private final Map<Integer, byte[]> rawPps = new HashMap<>();

    H264ParameterSets(int maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * Parses and checks an SPS NAL unit (with its one-byte header).
     *
     * @return whether it differs from the SPS held under its id (a new sequence)
     */
    boolean addSps(byte[] nal) throws DecodeException {
        SeqParameterSet s;
        try {
            s = SeqParameterSet.read(rbsp(nal));
        } catch (RuntimeException e) {
            throw new DecodeException("H.264: unreadable SPS: " + e, true, e);
        }
        try {
            checkSupported(s);
        } catch (DecodeException e) {
            // Forget any earlier SPS with this id: slices that use it must not decode with stale data.
            sps.remove(s.seqParameterSetId);
            rawSps.remove(s.seqParameterSetId);
            throw e;
        }
        sps.put(s.seqParameterSetId, s);
        byte[] old = rawSps.put(s.seqParameterSetId, nal);
        return old != null && !java.util.Arrays.equals(old, nal);
    }

    /** Parses and checks a PPS NAL unit (with its one-byte header). */
    void addPps(byte[] nal) throws DecodeException {
        PictureParameterSet p;
        try {
            p = PictureParameterSet.read(rbsp(nal));
        } catch (RuntimeException e) {
            throw new DecodeException("H.264: unreadable PPS: " + e, true, e);
        }
        try {
            checkSupported(p);
        } catch (DecodeException e) {
            pps.remove(p.picParameterSetId);
            rawPps.remove(p.picParameterSetId);
            throw e;
        }
        pps.put(p.picParameterSetId, p);
        rawPps.put(p.picParameterSetId, nal);
    }

    private static void checkSupported(PictureParameterSet p) throws DecodeException {
        if (p.constrainedIntraPredFlag) {
            throw new UnsupportedStreamException("H.264 constrained_intra_pred_flag (jcodec cannot decode it)");
        }
        if (p.numSliceGroupsMinus1 > 0) {
            throw new UnsupportedStreamException("H.264 slice groups (FMO)");
        }
        if (p.redundantPicCntPresentFlag) {
            throw new UnsupportedStreamException("H.264 redundant pictures");
        }
        if (p.extended != null && p.extended.scalingMatrix != null) {
            throw new UnsupportedStreamException("H.264 scaling lists in the PPS");
        }
    }

    /** @return every SPS and then every PPS NAL unit seen, to prime a fresh jcodec decoder */
    java.util.List<byte[]> allRaw() {
        java.util.List<byte[]> all = new java.util.ArrayList<>(rawSps.values());
        all.addAll(rawPps.values());
        return all;
    }

    private void checkSupported(SeqParameterSet s) throws DecodeException {
        int profile = s.profileIdc;
        if (profile != PROFILE_BASELINE && profile != PROFILE_MAIN && profile != PROFILE_HIGH) {
            throw new UnsupportedStreamException("H.264 profile_idc " + profile + " (" + profileName(profile)
                    + "); supported: Baseline, Main, High");
        }
        if (s.chromaFormatIdc != ColorSpace.YUV420J) {
            throw new UnsupportedStreamException("H.264 chroma format " + s.chromaFormatIdc + " (only 4:2:0)");
        }
        if (s.bitDepthLumaMinus8 != 0 || s.bitDepthChromaMinus8 != 0) {
            throw new UnsupportedStreamException("H.264 bit depth above 8");
        }
        if (!s.frameMbsOnlyFlag || s.mbAdaptiveFrameFieldFlag) {
            throw new UnsupportedStreamException("H.264 interlaced coding (field pictures or MBAFF)");
        }
        if (s.scalingMatrix != null) {
            throw new UnsupportedStreamException("H.264 scaling lists in the SPS");
        }
        if (s.qpprimeYZeroTransformBypassFlag) {
            throw new UnsupportedStreamException("H.264 lossless transform bypass");
        }
        // Values outside the ranges of ITU-T H.264 7.4.2.1.1 come only from corrupt data.
        if (s.log2MaxFrameNumMinus4 > 12 || s.log2MaxPicOrderCntLsbMinus4 > 12 || s.numRefFrames > 16
                || s.picWidthInMbsMinus1 < 0 || s.picHeightInMapUnitsMinus1 < 0) {
            throw new DecodeException("H.264: SPS values out of range", true, null);
        }
        if (s.frameCroppingFlag && (2L * (s.frameCropLeftOffset + (long) s.frameCropRightOffset) >= codedWidth(s)
                || 2L * (s.frameCropTopOffset + (long) s.frameCropBottomOffset) >= codedHeight(s)
                || s.frameCropLeftOffset < 0 || s.frameCropRightOffset < 0 || s.frameCropTopOffset < 0
                || s.frameCropBottomOffset < 0)) {
            throw new DecodeException("H.264: SPS cropping larger than the picture", true, null);
        }
        long pixels = (long) codedWidth(s) * codedHeight(s);
        if (pixels > maxPixels) {
            throw new DecodeException("H.264 picture of " + codedWidth(s) + "x" + codedHeight(s)
                    + " exceeds the limit of " + maxPixels + " pixels", true, null);
        }
    }

    private static String profileName(int profile) {
        return switch (profile) {
            case 88 -> "Extended";
            case 110 -> "High 10";
            case 122 -> "High 4:2:2";
            case 244 -> "High 4:4:4 Predictive";
            case 44 -> "CAVLC 4:4:4 Intra";
            default -> "unknown";
        };
    }

    static int codedWidth(SeqParameterSet s) {
        return (s.picWidthInMbsMinus1 + 1) * 16;
    }

    static int codedHeight(SeqParameterSet s) {
        return SeqParameterSet.getPicHeightInMbs(s) * 16;
    }

    /** @return the SPS a slice refers to through its PPS, or null if either is unknown */
    SeqParameterSet spsForPps(int ppsId) {
        PictureParameterSet p = pps.get(ppsId);
        return p == null ? null : sps.get(p.seqParameterSetId);
    }

    /**
     * @return the pic_parameter_set_id of a slice NAL unit (with its header byte): the third
     *     Exp-Golomb code of the slice header, after first_mb_in_slice and slice_type
     */
    static int slicePpsId(byte[] nal) throws DecodeException {
        ExpGolomb r = new ExpGolomb(nal, 1);
        r.ue();
        r.ue();
        return r.ue();
    }

    /** @return whether the slice's first_mb_in_slice is 0 (a new picture starts) */
    static boolean isFirstSlice(byte[] nal) throws DecodeException {
        return new ExpGolomb(nal, 1).ue() == 0;
    }

    boolean isEmpty() {
        return sps.isEmpty() || pps.isEmpty();
    }

    private static ByteBuffer rbsp(byte[] nal) {
        // unescapeNAL works in place, so it gets a copy.
        ByteBuffer b = ByteBuffer.wrap(java.util.Arrays.copyOfRange(nal, 1, nal.length));
        H264Utils.unescapeNAL(b);
        return b;
    }

    /** Reads unsigned Exp-Golomb codes from escaped NAL bytes, skipping emulation prevention bytes. */
    private static final class ExpGolomb {
        private final byte[] b;
        private int pos;
        private int bit;
        private int zeros;
        private int cur;

        ExpGolomb(byte[] b, int off) {
            this.b = b;
            this.pos = off;
            this.bit = 8;
        }

        private int readBit() throws DecodeException {
            if (bit == 8) {
                if (pos >= b.length) {
                    throw new DecodeException("H.264: truncated slice header", true, null);
                }
                cur = b[pos++] & 0xFF;
                if (zeros >= 2 && cur == 3) {
                    zeros = 0;
                    if (pos >= b.length) {
                        throw new DecodeException("H.264: truncated slice header", true, null);
                    }
                    cur = b[pos++] & 0xFF;
                }
                zeros = cur == 0 ? zeros + 1 : 0;
                bit = 0;
            }
            return (cur >> (7 - bit++)) & 1;
        }

        int ue() throws DecodeException {
            int leading = 0;
            while (readBit() == 0) {
                if (++leading > 31) {
                    throw new DecodeException("H.264: bad Exp-Golomb code in slice header", true, null);
                }
            }
            long v = 0;
            for (int i = 0; i < leading; i++) {
                v = (v << 1) | readBit();
            }
            return (int) ((1L << leading) - 1 + v);
        }
    }
}
