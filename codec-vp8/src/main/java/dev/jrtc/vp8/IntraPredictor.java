package dev.jrtc.vp8;

import static dev.jrtc.vp8.ModeTables.*;

/**
 * Intra prediction (RFC 6386 12) into a macroblock workspace whose row 0 holds the pixels above
 * (with the above-left pixel at column 0 and, for luma, four above-right pixels after the block)
 * and whose column 0 holds the pixels to the left. The caller fills the edges with the frame's
 * reconstructed pixels or the out-of-frame values 127 (above) and 129 (left).
 */
final class IntraPredictor {
    private IntraPredictor() {}

    /**
     * Predicts a {@code size}x{@code size} block (16 luma or 8 chroma) with a whole-block mode.
     * {@code haveAbove}/{@code haveLeft} matter only for DC_PRED, which averages just the edges
     * inside the frame (RFC 6386 12.2).
     */
    static void predictBlock(byte[] ws, int stride, int size, int mode, boolean haveAbove,
            boolean haveLeft) {
        int shift = size == 16 ? 4 : 3;
        switch (mode) {
            case DC_PRED: {
                int sum = 0;
                int count = 0;
                if (haveAbove) {
                    for (int i = 1; i <= size; i++) {
                        sum += ws[i] & 0xFF;
                    }
                    count++;
                }
                if (haveLeft) {
                    for (int r = 1; r <= size; r++) {
                        sum += ws[r * stride] & 0xFF;
                    }
                    count++;
                }
                int dc;
                if (count == 0) {
                    dc = 128;
                } else {
                    int s = shift + count - 1;
                    dc = (sum + (1 << (s - 1))) >> s;
                }
                byte v = (byte) dc;
                for (int r = 1; r <= size; r++) {
                    java.util.Arrays.fill(ws, r * stride + 1, r * stride + 1 + size, v);
                }
                break;
            }
            case V_PRED:
                for (int r = 1; r <= size; r++) {
                    System.arraycopy(ws, 1, ws, r * stride + 1, size);
                }
                break;
            case H_PRED:
                for (int r = 1; r <= size; r++) {
                    java.util.Arrays.fill(ws, r * stride + 1, r * stride + 1 + size, ws[r * stride]);
                }
                break;
            default: { // TM_PRED
                int p = ws[0] & 0xFF;
                for (int r = 1; r <= size; r++) {
                    int l = (ws[r * stride] & 0xFF) - p;
                    int o = r * stride;
                    for (int c = 1; c <= size; c++) {
                        ws[o + c] = Idct.clamp255(l + (ws[c] & 0xFF));
                    }
                }
                break;
            }
        }
    }

    /**
     * Predicts one 4x4 luma subblock (RFC 6386 12.3) into {@code ws[o]} (stride {@code stride})
     * from the edge {@code e}: e[0..3] = left column bottom-up (L[3]..L[0]), e[4] = above-left,
     * e[5..12] = the above row A[0..7] including the four above-right pixels.
     */
    static void predictSubblock(int[] e, int mode, byte[] ws, int o, int stride) {
        int o1 = o + stride;
        int o2 = o1 + stride;
        int o3 = o2 + stride;
        // Names as in the RFC: A = above row, L = left column, P = above-left.
        int p = e[4];
        int a0 = e[5], a1 = e[6], a2 = e[7], a3 = e[8], a4 = e[9], a5 = e[10], a6 = e[11], a7 = e[12];
        int l0 = e[3], l1 = e[2], l2 = e[1], l3 = e[0];
        switch (mode) {
            case B_DC_PRED: {
                byte v = (byte) ((a0 + a1 + a2 + a3 + l0 + l1 + l2 + l3 + 4) >> 3);
                fill4(ws, o, v);
                fill4(ws, o1, v);
                fill4(ws, o2, v);
                fill4(ws, o3, v);
                break;
            }
            case B_TM_PRED: {
                tmRow(ws, o, l0 - p, a0, a1, a2, a3);
                tmRow(ws, o1, l1 - p, a0, a1, a2, a3);
                tmRow(ws, o2, l2 - p, a0, a1, a2, a3);
                tmRow(ws, o3, l3 - p, a0, a1, a2, a3);
                break;
            }
            case B_VE_PRED: {
                byte c0 = avg3(p, a0, a1);
                byte c1 = avg3(a0, a1, a2);
                byte c2 = avg3(a1, a2, a3);
                byte c3 = avg3(a2, a3, a4);
                for (int r = 0, oo = o; r < 4; r++, oo += stride) {
                    ws[oo] = c0;
                    ws[oo + 1] = c1;
                    ws[oo + 2] = c2;
                    ws[oo + 3] = c3;
                }
                break;
            }
            case B_HE_PRED: {
                fill4(ws, o, avg3(p, l0, l1));
                fill4(ws, o1, avg3(l0, l1, l2));
                fill4(ws, o2, avg3(l1, l2, l3));
                fill4(ws, o3, avg3(l2, l3, l3));
                break;
            }
            case B_LD_PRED: {
                ws[o] = avg3(a0, a1, a2);
                ws[o + 1] = ws[o1] = avg3(a1, a2, a3);
                ws[o + 2] = ws[o1 + 1] = ws[o2] = avg3(a2, a3, a4);
                ws[o + 3] = ws[o1 + 2] = ws[o2 + 1] = ws[o3] = avg3(a3, a4, a5);
                ws[o1 + 3] = ws[o2 + 2] = ws[o3 + 1] = avg3(a4, a5, a6);
                ws[o2 + 3] = ws[o3 + 2] = avg3(a5, a6, a7);
                ws[o3 + 3] = avg3(a6, a7, a7);
                break;
            }
            case B_RD_PRED: {
                // Edge E[0..8] = L3 L2 L1 L0 P A0 A1 A2 A3.
                ws[o3] = avg3(l3, l2, l1);
                ws[o3 + 1] = ws[o2] = avg3(l2, l1, l0);
                ws[o3 + 2] = ws[o2 + 1] = ws[o1] = avg3(l1, l0, p);
                ws[o3 + 3] = ws[o2 + 2] = ws[o1 + 1] = ws[o] = avg3(l0, p, a0);
                ws[o2 + 3] = ws[o1 + 2] = ws[o + 1] = avg3(p, a0, a1);
                ws[o1 + 3] = ws[o + 2] = avg3(a0, a1, a2);
                ws[o + 3] = avg3(a1, a2, a3);
                break;
            }
            case B_VR_PRED: {
                ws[o3] = avg3(l2, l1, l0);
                ws[o2] = avg3(l1, l0, p);
                ws[o3 + 1] = ws[o1] = avg3(l0, p, a0);
                ws[o2 + 1] = ws[o] = avg2(p, a0);
                ws[o3 + 2] = ws[o1 + 1] = avg3(p, a0, a1);
                ws[o2 + 2] = ws[o + 1] = avg2(a0, a1);
                ws[o3 + 3] = ws[o1 + 2] = avg3(a0, a1, a2);
                ws[o2 + 3] = ws[o + 2] = avg2(a1, a2);
                ws[o1 + 3] = avg3(a1, a2, a3);
                ws[o + 3] = avg2(a2, a3);
                break;
            }
            case B_VL_PRED: {
                ws[o] = avg2(a0, a1);
                ws[o1] = avg3(a0, a1, a2);
                ws[o2] = ws[o + 1] = avg2(a1, a2);
                ws[o1 + 1] = ws[o3] = avg3(a1, a2, a3);
                ws[o2 + 1] = ws[o + 2] = avg2(a2, a3);
                ws[o3 + 1] = ws[o1 + 2] = avg3(a2, a3, a4);
                ws[o2 + 2] = ws[o + 3] = avg2(a3, a4);
                ws[o3 + 2] = ws[o1 + 3] = avg3(a3, a4, a5);
                ws[o2 + 3] = avg3(a4, a5, a6);
                ws[o3 + 3] = avg3(a5, a6, a7);
                break;
            }
            case B_HD_PRED: {
                ws[o3] = avg2(l3, l2);
                ws[o3 + 1] = avg3(l3, l2, l1);
                ws[o2] = ws[o3 + 2] = avg2(l2, l1);
                ws[o2 + 1] = ws[o3 + 3] = avg3(l2, l1, l0);
                ws[o2 + 2] = ws[o1] = avg2(l1, l0);
                ws[o2 + 3] = ws[o1 + 1] = avg3(l1, l0, p);
                ws[o1 + 2] = ws[o] = avg2(l0, p);
                ws[o1 + 3] = ws[o + 1] = avg3(l0, p, a0);
                ws[o + 2] = avg3(p, a0, a1);
                ws[o + 3] = avg3(a0, a1, a2);
                break;
            }
            default: { // B_HU_PRED
                ws[o] = avg2(l0, l1);
                ws[o + 1] = avg3(l0, l1, l2);
                ws[o + 2] = ws[o1] = avg2(l1, l2);
                ws[o + 3] = ws[o1 + 1] = avg3(l1, l2, l3);
                ws[o1 + 2] = ws[o2] = avg2(l2, l3);
                ws[o1 + 3] = ws[o2 + 1] = avg3(l2, l3, l3);
                byte v = (byte) l3;
                ws[o2 + 2] = ws[o2 + 3] = ws[o3] = ws[o3 + 1] = ws[o3 + 2] = ws[o3 + 3] = v;
                break;
            }
        }
    }

    private static void fill4(byte[] ws, int o, byte v) {
        ws[o] = v;
        ws[o + 1] = v;
        ws[o + 2] = v;
        ws[o + 3] = v;
    }

    private static void tmRow(byte[] ws, int o, int l, int a0, int a1, int a2, int a3) {
        ws[o] = Idct.clamp255(l + a0);
        ws[o + 1] = Idct.clamp255(l + a1);
        ws[o + 2] = Idct.clamp255(l + a2);
        ws[o + 3] = Idct.clamp255(l + a3);
    }

    private static byte avg3(int x, int y, int z) {
        return (byte) ((x + y + y + z + 2) >> 2);
    }

    private static byte avg2(int x, int y) {
        return (byte) ((x + y + 1) >> 1);
    }
}
