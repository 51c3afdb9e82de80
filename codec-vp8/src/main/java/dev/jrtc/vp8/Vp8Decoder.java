package dev.jrtc.vp8;

/**
 * A VP8 decoder (RFC 6386): feed it one compressed frame at a time, get back the picture to show.
 *
 * <p>It is a plain state machine: no threads, no clocks, no I/O. After the first key frame and
 * any later change of picture size it allocates nothing per frame; the returned {@link Vp8Frame}
 * is a view of its buffers, valid until the next {@link #decode} call.
 *
 * <p>A corrupt or truncated frame raises {@link Vp8DecodeException}. Every such error leaves the
 * references unusable, so the decoder then refuses inter frames (also with
 * {@code needsKeyFrame() == true}) until a key frame decodes; the same happens for inter frames
 * before the first key frame. Not thread-safe.
 */
public final class Vp8Decoder {
    /** Default limit on width x height: 4096 x 2304 (4K). */
    public static final int DEFAULT_MAX_PIXELS = 4096 * 2304;

    private final int maxPixels;
    private final FrameHeader header = new FrameHeader();
    private final Segmentation segmentation = new Segmentation();
    private final LoopFilterParams loopFilterParams = new LoopFilterParams();
    private final Probabilities probabilities = new Probabilities();
    private final Probabilities savedProbabilities = new Probabilities();
    private final Quantizer quantizer = new Quantizer();
    private final BoolDecoder firstPartition = new BoolDecoder();
    private final BoolDecoder[] tokenPartitions = new BoolDecoder[8];
    private final ModeParser modeParser = new ModeParser();
    private final TokenDecoder tokens = new TokenDecoder();
    private final MacroblockReconstructor reconstructor = new MacroblockReconstructor();
    private final LoopFilter loopFilter = new LoopFilter();
    private final ReferenceFrames references = new ReferenceFrames();
    private final DecodeStatistics statistics = new DecodeStatistics();
    private MacroblockInfo info;
    private boolean needsKeyFrame = true;

    /** A decoder for pictures of up to {@link #DEFAULT_MAX_PIXELS}. */
    public Vp8Decoder() {
        this(DEFAULT_MAX_PIXELS);
    }

    /** @param maxPixels the largest width x height accepted; larger key frames are rejected */
    public Vp8Decoder(int maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive");
        }
        this.maxPixels = maxPixels;
        for (int i = 0; i < tokenPartitions.length; i++) {
            tokenPartitions[i] = new BoolDecoder();
        }
    }

    /** @return whether only a key frame can be decoded next (the receiver should send a PLI) */
    public boolean needsKeyFrame() {
        return needsKeyFrame;
    }

    /**
     * Decodes one frame.
     *
     * @return the picture to display, or {@code null} for a frame that is decoded but not shown
     *     (for example an altref frame)
     * @throws Vp8DecodeException if the frame is corrupt or truncated, or is an inter frame while
     *     the decoder waits for a key frame
     */
    public Vp8Frame decode(byte[] data, int off, int len) throws Vp8DecodeException {
        if (off < 0 || len < 0 || off > data.length - len) {
            throw new IllegalArgumentException("bad range " + off + "+" + len + " of " + data.length);
        }
        try {
            Vp8Frame frame = decodeFrame(data, off, len);
            needsKeyFrame = false;
            return frame;
        } catch (Vp8DecodeException e) {
            needsKeyFrame = true;
            throw e;
        }
    }

    private Vp8Frame decodeFrame(byte[] data, int off, int len) throws Vp8DecodeException {
        FrameHeader h = header;
        FrameHeaderParser.parseTag(data, off, len, h);
        if (!h.keyFrame && needsKeyFrame) {
            throw new Vp8DecodeException("inter frame while waiting for a key frame", true);
        }
        if (h.keyFrame) {
            startKeyFrame(h);
        }
        int cols = info.cols;
        int rows = info.rows;

        BoolDecoder bd = firstPartition;
        bd.init(data, off + h.firstPartitionOffset, h.firstPartitionSize);
        FrameHeaderParser.parseHeader(bd, h, segmentation, loopFilterParams, probabilities,
                savedProbabilities);
        if (bd.overran()) {
            throw new Vp8DecodeException("frame header runs past the first partition", true);
        }
        initTokenPartitions(data, off + h.firstPartitionOffset + h.firstPartitionSize,
                len - h.firstPartitionOffset - h.firstPartitionSize, h.partitionCount);

        statistics.frame(h, segmentation, loopFilterParams);
        quantizer.update(h, segmentation);
        loopFilter.startFrame(loopFilterParams, h.keyFrame);
        reconstructor.startFrame(h.version);
        modeParser.startFrame(h);
        tokens.startFrame(cols);
        FrameBuffer current = references.acquireFree();
        int frameLevel = loopFilterParams.level;
        int[] coefProbs = probabilities.coefficients;
        int[] q = quantizer.factors;
        MacroblockInfo mi = info;

        for (int row = 0; row < rows; row++) {
            BoolDecoder tp = tokenPartitions[row & (h.partitionCount - 1)];
            tokens.startRow();
            // Modes come from the first partition and do not depend on the tokens, so a whole
            // row is parsed first; inter frames then predict runs of equal whole-pixel vectors.
            for (int col = 0; col < cols; col++) {
                modeParser.parse(bd, h, segmentation, probabilities, mi, row, col);
            }
            if (!h.keyFrame) {
                reconstructor.predictRow(current, references, mi, row);
            }
            for (int col = 0; col < cols; col++) {
                int mb = row * cols + col;
                int mode = mi.yMode[mb];
                statistics.macroblock(h.keyFrame, mode, mi.refFrame[mb]);
                boolean hasY2 = mode != ModeTables.B_PRED && mode != ModeTables.SPLITMV;
                boolean hasCoefficients;
                if (mi.skipCoefficients[mb]) {
                    tokens.skipMacroblock(col, hasY2);
                    hasCoefficients = false;
                } else {
                    int seg = segmentation.enabled ? mi.segment[mb] : 0;
                    hasCoefficients = tokens.decodeMacroblock(tp, coefProbs, col, hasY2, q, seg * 6);
                }
                int level = 0;
                if (frameLevel != 0) {
                    int segLevel = segmentation.filterLevel(mi.segment[mb], frameLevel);
                    level = loopFilterParams.macroblockLevel(segLevel, mi.refFrame[mb], mode);
                }
                mi.filterLevel[mb] = (byte) level;
                mi.skipInnerEdges[mb] = hasY2 && !hasCoefficients;
                reconstructor.reconstruct(current, references, mi, row, col, tokens, hasCoefficients);
            }
            if (bd.overran()) {
                throw new Vp8DecodeException("first partition truncated at macroblock row " + row, true);
            }
            if (tp.overran()) {
                throw new Vp8DecodeException("token partition truncated at macroblock row " + row, true);
            }
            // Filtering lags one row: intra prediction of this row needed the row above unfiltered.
            if (frameLevel != 0 && row > 0) {
                loopFilter.filterRow(current, mi, row - 1);
            }
        }
        if (frameLevel != 0) {
            loopFilter.filterRow(current, mi, rows - 1);
        }
        if (!h.refreshEntropy) {
            probabilities.copyFrom(savedProbabilities);
        }
        references.update(h, current);
        if (!h.showFrame) {
            return null;
        }
        Vp8Frame frame = references.view(current);
        frame.setFrameInfo(h.keyFrame, h.horizontalScale, h.verticalScale);
        return frame;
    }

    /** Features met so far, for tests. */
    DecodeStatistics statistics() {
        statistics.signBiasInversions = modeParser.signBiasInversions();
        reconstructor.recordRuns(statistics);
        return statistics;
    }

    /** Key frames reset the entropy and adjustment state and may change the picture size. */
    private void startKeyFrame(FrameHeader h) throws Vp8DecodeException {
        if ((long) h.width * h.height > maxPixels) {
            throw new Vp8DecodeException("picture " + h.width + "x" + h.height
                    + " exceeds the limit of " + maxPixels + " pixels", true);
        }
        if (!references.matches(h.width, h.height)) {
            references.allocate(h.width, h.height);
            info = new MacroblockInfo((h.width + 15) >> 4, (h.height + 15) >> 4);
        }
        probabilities.setDefaults();
        segmentation.resetForKeyFrame();
        loopFilterParams.resetForKeyFrame();
    }

    /** Splits the data after the first partition into the token partitions (RFC 6386 9.5). */
    private void initTokenPartitions(byte[] data, int start, int avail, int count)
            throws Vp8DecodeException {
        int table = 3 * (count - 1);
        if (avail < table) {
            throw new Vp8DecodeException("partition size table truncated", true);
        }
        int p = start + table;
        int left = avail - table;
        for (int i = 0; i < count - 1; i++) {
            int o = start + 3 * i;
            int size = (data[o] & 0xFF) | (data[o + 1] & 0xFF) << 8 | (data[o + 2] & 0xFF) << 16;
            if (size > left) {
                throw new Vp8DecodeException("token partition " + i + " size " + size
                        + " exceeds the " + left + " bytes left", true);
            }
            tokenPartitions[i].init(data, p, size);
            p += size;
            left -= size;
        }
        tokenPartitions[count - 1].init(data, p, left);
    }
}
