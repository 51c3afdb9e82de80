package dev.jrtc.vp8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a small VP8 stream that uses absolute segment values (RFC 6386 9.3,
 * {@code segment_feature_mode = 1}), which libvpx's encoder never emits: it writes segment data
 * only as deltas. The stream is the clip {@code corpus/segment-absolute.ivf}; its oracle is
 * vpxdec, like every other clip (make-corpus.sh runs this class and then vpxdec).
 *
 * <p>Every macroblock is intra coded (16x16 modes only) with random small coefficients, so the
 * pictures depend on each segment's quantizer and loop filter level. The frames switch between
 * absolute and delta values, keep them across frames without an update, update only the map, and
 * end with a key frame that must reset the values to zero deltas.
 *
 * <pre>java -cp codec-vp8/target/test-classes:codec-vp8/target/classes \
 *     dev.jrtc.vp8.AbsoluteSegmentStream OUT.ivf</pre>
 */
final class AbsoluteSegmentStream {
    static final int WIDTH = 176;
    static final int HEIGHT = 144;
    private static final int COLS = (WIDTH + 15) / 16;
    private static final int ROWS = (HEIGHT + 15) / 16;
    private static final int[] MAP_PROBS = {128, 90, 200};

    /** Per frame: what the segmentation header says. */
    private record Plan(boolean key, boolean updateMap, boolean absolute, int[] quantizer,
            int[] filterLevel, int baseQ, int baseLevel) {
        boolean updateData() {
            return quantizer != null;
        }
    }

    private static final Plan[] PLANS = {
        new Plan(true, true, true, new int[] {8, 40, 90, 127}, new int[] {0, 12, 36, 63}, 60, 20),
        // No update: the absolute values and the map persist; the base values must not matter.
        new Plan(false, false, false, null, null, 20, 50),
        new Plan(false, true, false, null, null, 100, 10),
        new Plan(false, false, false, new int[] {-30, 0, 12, 40}, new int[] {-8, 0, 6, 20}, 50, 30),
        new Plan(false, true, true, new int[] {127, 3, 70, 30}, new int[] {63, 5, 0, 40}, 10, 0),
        new Plan(false, false, false, null, null, 70, 45),
        // A key frame resets the values to zero deltas even though segmentation stays on.
        new Plan(true, true, false, null, null, 45, 25),
        new Plan(false, false, false, null, null, 80, 35),
    };

    private final Random random = new Random(9);
    private final byte[] segmentMap = new byte[COLS * ROWS];

    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), new AbsoluteSegmentStream().ivf());
    }

    /** The whole clip as an IVF file. */
    byte[] ivf() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {'D', 'K', 'I', 'F'});
        le(out, 0, 2);
        le(out, 32, 2);
        out.write(new byte[] {'V', 'P', '8', '0'});
        le(out, WIDTH, 2);
        le(out, HEIGHT, 2);
        le(out, 30, 4);
        le(out, 1, 4);
        le(out, PLANS.length, 4);
        le(out, 0, 4);
        for (int i = 0; i < PLANS.length; i++) {
            byte[] frame = frame(PLANS[i]);
            le(out, frame.length, 4);
            le(out, i, 8);
            out.write(frame);
        }
        return out.toByteArray();
    }

    private static void le(OutputStream out, long v, int bytes) throws IOException {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xFF);
        }
    }

    private byte[] frame(Plan plan) {
        BoolEncoder header = new BoolEncoder();
        writeHeader(header, plan);
        if (plan.updateMap) {
            for (int i = 0; i < segmentMap.length; i++) {
                segmentMap[i] = (byte) random.nextInt(4);
            }
        }
        BoolEncoder tokens = new BoolEncoder();
        byte[] above = new byte[COLS * 9];
        byte[] left = new byte[9];
        for (int row = 0; row < ROWS; row++) {
            java.util.Arrays.fill(left, (byte) 0);
            for (int col = 0; col < COLS; col++) {
                writeModes(header, plan, row * COLS + col);
                writeMacroblockTokens(tokens, above, col * 9, left);
            }
        }
        byte[] first = header.finish();
        byte[] second = tokens.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int tag = (plan.key ? 0 : 1) | 1 << 4 | first.length << 5;
        out.write(tag & 0xFF);
        out.write(tag >> 8 & 0xFF);
        out.write(tag >> 16 & 0xFF);
        if (plan.key) {
            out.write(new byte[] {(byte) 0x9d, 0x01, 0x2a}, 0, 3);
            out.write(WIDTH & 0xFF);
            out.write(WIDTH >> 8);
            out.write(HEIGHT & 0xFF);
            out.write(HEIGHT >> 8);
        }
        out.write(first, 0, first.length);
        out.write(second, 0, second.length);
        return out.toByteArray();
    }

    /** The frame header in the order of RFC 6386 19.2. */
    private static void writeHeader(BoolEncoder e, Plan plan) {
        if (plan.key) {
            e.writeLiteral(0, 1); // color space
            e.writeLiteral(0, 1); // clamping type
        }
        e.writeLiteral(1, 1); // segmentation enabled
        e.writeLiteral(plan.updateMap ? 1 : 0, 1);
        e.writeLiteral(plan.updateData() ? 1 : 0, 1);
        if (plan.updateData()) {
            e.writeLiteral(plan.absolute ? 1 : 0, 1);
            for (int q : plan.quantizer) {
                optionalSigned(e, q, 7);
            }
            for (int lf : plan.filterLevel) {
                optionalSigned(e, lf, 6);
            }
        }
        if (plan.updateMap) {
            for (int p : MAP_PROBS) {
                e.writeLiteral(1, 1);
                e.writeLiteral(p, 8);
            }
        }
        e.writeLiteral(0, 1); // normal loop filter
        e.writeLiteral(plan.baseLevel, 6);
        e.writeLiteral(2, 3); // sharpness
        e.writeLiteral(0, 1); // no mode/reference filter deltas
        e.writeLiteral(0, 2); // one token partition
        e.writeLiteral(plan.baseQ, 7);
        for (int i = 0; i < 5; i++) {
            e.writeLiteral(0, 1); // no quantizer deltas
        }
        if (!plan.key) {
            e.writeLiteral(0, 1); // refresh golden
            e.writeLiteral(0, 1); // refresh altref
            e.writeLiteral(0, 2); // copy to golden
            e.writeLiteral(0, 2); // copy to altref
            e.writeLiteral(0, 2); // sign biases
        }
        e.writeLiteral(1, 1); // refresh entropy probabilities
        if (!plan.key) {
            e.writeLiteral(1, 1); // refresh last
        }
        for (int p : CoefficientTables.UPDATE_PROBS) {
            e.writeBool(p, false);
        }
        e.writeLiteral(0, 1); // no skip flags: every macroblock has tokens
        if (!plan.key) {
            e.writeLiteral(255, 8); // prob_intra: every macroblock is intra
            e.writeLiteral(128, 8);
            e.writeLiteral(128, 8);
            e.writeLiteral(0, 1); // no y mode probability update
            e.writeLiteral(0, 1); // no uv mode probability update
            for (int p : MotionVectorTables.UPDATE_PROBS) {
                e.writeBool(p, false);
            }
        }
    }

    private static void optionalSigned(BoolEncoder e, int v, int bits) {
        e.writeLiteral(1, 1);
        e.writeLiteral(Math.abs(v), bits);
        e.writeLiteral(v < 0 ? 1 : 0, 1);
    }

    private void writeModes(BoolEncoder e, Plan plan, int mb) {
        if (plan.updateMap) {
            int s = segmentMap[mb];
            e.writeBool(MAP_PROBS[0], s >= 2);
            e.writeBool(MAP_PROBS[s < 2 ? 1 : 2], (s & 1) != 0);
        }
        int yMode = random.nextInt(4); // DC, V, H or TM: never B_PRED
        int uvMode = random.nextInt(4);
        if (plan.key) {
            e.writeTree(ModeTables.KF_Y_MODE_TREE, ModeTables.KF_Y_MODE_PROBS, 0, yMode);
            e.writeTree(ModeTables.UV_MODE_TREE, ModeTables.KF_UV_MODE_PROBS, 0, uvMode);
        } else {
            e.writeBool(255, false); // intra
            e.writeTree(ModeTables.Y_MODE_TREE, ModeTables.DEFAULT_Y_MODE_PROBS, 0, yMode);
            e.writeTree(ModeTables.UV_MODE_TREE, ModeTables.DEFAULT_UV_MODE_PROBS, 0, uvMode);
        }
    }

    /** Y2, then 16 Y blocks without DC, then 4 U and 4 V blocks, with the RFC's contexts. */
    private void writeMacroblockTokens(BoolEncoder e, byte[] above, int a, byte[] left) {
        above[a + 8] = left[8] = block(e, TokenDecoder.BLOCK_Y2, above[a + 8] + left[8], 0);
        for (int b = 0; b < 16; b++) {
            int ai = a + (b & 3);
            int li = b >> 2;
            above[ai] = left[li] = block(e, TokenDecoder.BLOCK_Y_AFTER_Y2, above[ai] + left[li], 1);
        }
        for (int b = 0; b < 8; b++) {
            int plane = b < 4 ? 4 : 6;
            int ai = a + plane + (b & 1);
            int li = plane + ((b & 3) >> 1);
            above[ai] = left[li] = block(e, TokenDecoder.BLOCK_UV, above[ai] + left[li], 0);
        }
    }

    /** Writes one block of up to three random tokens (values -6..6); returns its non-zero flag. */
    private byte block(BoolEncoder e, int type, int ctx, int first) {
        int[] probs = CoefficientTables.DEFAULT_PROBS;
        int n = random.nextInt(4);
        int i = first;
        boolean afterZero = false;
        for (int k = 0; k < n; k++, i++) {
            // The last token must not be a zero: a zero cannot be followed by the end of block.
            int v = k == n - 1 ? 1 + random.nextInt(6) : random.nextInt(7);
            int p = CoefficientTables.index(type, CoefficientTables.BANDS[i], ctx);
            if (!afterZero) {
                e.writeBool(probs[p], true); // not the end of the block
            }
            token(e, probs, p, v);
            if (v != 0) {
                e.writeBool(128, random.nextBoolean()); // sign
            }
            ctx = v == 0 ? 0 : v == 1 ? 1 : 2;
            afterZero = v == 0;
        }
        e.writeBool(probs[CoefficientTables.index(type, CoefficientTables.BANDS[i], ctx)], false);
        return (byte) (n > 0 ? 1 : 0);
    }

    /** The token tree of RFC 6386 13.2 below the end-of-block branch, for values 0..6. */
    private static void token(BoolEncoder e, int[] probs, int p, int v) {
        e.writeBool(probs[p + 1], v != 0);
        if (v == 0) {
            return;
        }
        e.writeBool(probs[p + 2], v != 1);
        if (v == 1) {
            return;
        }
        e.writeBool(probs[p + 3], v > 4);
        if (v <= 4) {
            e.writeBool(probs[p + 4], v != 2);
            if (v != 2) {
                e.writeBool(probs[p + 5], v == 4);
            }
            return;
        }
        e.writeBool(probs[p + 6], false); // category 1 or 2
        e.writeBool(probs[p + 7], false); // category 1: 5 or 6
        e.writeBool(159, v == 6);
    }
}
