package dev.jrtc.vp8;

/** Parses the uncompressed chunk and the first-partition frame header (RFC 6386 9 and 19.2). */
final class FrameHeaderParser {
    private FrameHeaderParser() {}

    /** Reads the 3-byte frame tag and, for key frames, the start code and dimensions (9.1). */
    static void parseTag(byte[] data, int off, int len, FrameHeader h) throws Vp8DecodeException {
        if (len < 3) {
            throw new Vp8DecodeException("frame shorter than its 3-byte tag", true);
        }
        int tag = (data[off] & 0xFF) | (data[off + 1] & 0xFF) << 8 | (data[off + 2] & 0xFF) << 16;
        h.keyFrame = (tag & 1) == 0;
        h.version = (tag >> 1) & 7;
        h.showFrame = ((tag >> 4) & 1) != 0;
        h.firstPartitionSize = (tag >> 5) & 0x7FFFF;
        h.firstPartitionOffset = 3;
        if (h.keyFrame) {
            if (len < 10) {
                throw new Vp8DecodeException("key frame shorter than its 10-byte header", true);
            }
            if ((data[off + 3] & 0xFF) != 0x9d || (data[off + 4] & 0xFF) != 0x01
                    || (data[off + 5] & 0xFF) != 0x2a) {
                throw new Vp8DecodeException("key frame without the 9d 01 2a start code", true);
            }
            int w = (data[off + 6] & 0xFF) | (data[off + 7] & 0xFF) << 8;
            int ht = (data[off + 8] & 0xFF) | (data[off + 9] & 0xFF) << 8;
            h.width = w & 0x3FFF;
            h.horizontalScale = w >> 14;
            h.height = ht & 0x3FFF;
            h.verticalScale = ht >> 14;
            if (h.width == 0 || h.height == 0) {
                throw new Vp8DecodeException("key frame with a zero dimension", true);
            }
            h.firstPartitionOffset = 10;
        }
        if (h.firstPartitionSize > len - h.firstPartitionOffset) {
            throw new Vp8DecodeException("first partition size " + h.firstPartitionSize
                    + " exceeds the " + (len - h.firstPartitionOffset) + " bytes left", true);
        }
    }

    /**
     * Reads the frame header from the first partition, updating the persistent segmentation, loop
     * filter and probability state. {@code saved} receives the probabilities to restore after the
     * frame when it does not refresh them.
     */
    static void parseHeader(BoolDecoder bd, FrameHeader h, Segmentation seg, LoopFilterParams lf,
            Probabilities probs, Probabilities saved) {
        if (h.keyFrame) {
            h.colorSpace = bd.readBit();
            h.clampingType = bd.readBit();
        }
        seg.parse(bd);
        lf.parse(bd);
        h.partitionCount = 1 << bd.readLiteral(2);
        h.qIndex = bd.readLiteral(7);
        h.y1DcDelta = bd.readOptionalSigned(4);
        h.y2DcDelta = bd.readOptionalSigned(4);
        h.y2AcDelta = bd.readOptionalSigned(4);
        h.uvDcDelta = bd.readOptionalSigned(4);
        h.uvAcDelta = bd.readOptionalSigned(4);
        if (h.keyFrame) {
            h.refreshGolden = true;
            h.refreshAltRef = true;
            h.copyToGolden = 0;
            h.copyToAltRef = 0;
            h.signBiasGolden = false;
            h.signBiasAltRef = false;
            h.refreshEntropy = bd.readBit() != 0;
            h.refreshLast = true;
        } else {
            h.refreshGolden = bd.readBit() != 0;
            h.refreshAltRef = bd.readBit() != 0;
            h.copyToGolden = h.refreshGolden ? 0 : bd.readLiteral(2);
            h.copyToAltRef = h.refreshAltRef ? 0 : bd.readLiteral(2);
            h.signBiasGolden = bd.readBit() != 0;
            h.signBiasAltRef = bd.readBit() != 0;
            h.refreshEntropy = bd.readBit() != 0;
            h.refreshLast = bd.readBit() != 0;
        }
        if (!h.refreshEntropy) {
            saved.copyFrom(probs);
        }
        int[] coef = probs.coefficients;
        int[] upd = CoefficientTables.UPDATE_PROBS;
        for (int i = 0; i < coef.length; i++) {
            if (bd.readBool(upd[i]) != 0) {
                coef[i] = bd.readLiteral(8);
            }
        }
        h.skipEnabled = bd.readBit() != 0;
        h.probSkipFalse = h.skipEnabled ? bd.readLiteral(8) : 0;
        if (!h.keyFrame) {
            h.probIntra = bd.readLiteral(8);
            h.probLast = bd.readLiteral(8);
            h.probGolden = bd.readLiteral(8);
            if (bd.readBit() != 0) {
                for (int i = 0; i < 4; i++) {
                    probs.yModes[i] = bd.readLiteral(8);
                }
            }
            if (bd.readBit() != 0) {
                for (int i = 0; i < 3; i++) {
                    probs.uvModes[i] = bd.readLiteral(8);
                }
            }
            int[] mv = probs.motionVectors;
            int[] mvUpd = MotionVectorTables.UPDATE_PROBS;
            for (int i = 0; i < mv.length; i++) {
                if (bd.readBool(mvUpd[i]) != 0) {
                    int x = bd.readLiteral(7);
                    mv[i] = x != 0 ? x << 1 : 1;
                }
            }
        }
    }
}
