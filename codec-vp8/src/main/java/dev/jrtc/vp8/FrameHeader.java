package dev.jrtc.vp8;

/**
 * The per-frame fields of a VP8 frame header (RFC 6386 sections 9 and 19). One instance is reused
 * for every frame; the state that persists across frames lives in {@link Segmentation},
 * {@link LoopFilterParams} and {@link Probabilities}.
 */
final class FrameHeader {
    // Uncompressed data chunk (RFC 6386 9.1).
    boolean keyFrame;
    int version;
    boolean showFrame;
    int firstPartitionSize;
    /** Offset of the first partition from the start of the frame: 10 for key frames, else 3. */
    int firstPartitionOffset;
    int width;
    int height;
    int horizontalScale;
    int verticalScale;

    // Frame header (RFC 6386 19.2).
    int colorSpace;
    int clampingType;
    int partitionCount;
    int qIndex;
    int y1DcDelta;
    int y2DcDelta;
    int y2AcDelta;
    int uvDcDelta;
    int uvAcDelta;
    boolean refreshGolden;
    boolean refreshAltRef;
    /** 0: none, 1: last frame, 2: altref frame. */
    int copyToGolden;
    /** 0: none, 1: last frame, 2: golden frame. */
    int copyToAltRef;
    boolean signBiasGolden;
    boolean signBiasAltRef;
    boolean refreshEntropy;
    boolean refreshLast;
    boolean skipEnabled;
    int probSkipFalse;
    int probIntra;
    int probLast;
    int probGolden;
}
