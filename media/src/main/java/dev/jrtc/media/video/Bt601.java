package dev.jrtc.media.video;

import java.awt.image.BufferedImage;

/**
 * BT.601 limited-range conversion in 16-bit fixed point. The coefficients are the matrix of
 * ITU-R BT.601 (Kr = 0.299, Kb = 0.114) scaled by 255/219 (luma) and 255/224 (chroma).
 */
final class Bt601 {
    private static final int SHIFT = 16;
    private static final int HALF = 1 << (SHIFT - 1);
    // YUV -> RGB
    private static final int Y_GAIN = 76309;   // 1.164384 = 255/219
    private static final int V_TO_R = 104597;  // 1.596027 = 1.402 * 255/224
    private static final int U_TO_G = 25675;   // 0.391762 = 0.344136 * 255/224
    private static final int V_TO_G = 53279;   // 0.812968 = 0.714136 * 255/224
    private static final int U_TO_B = 132201;  // 2.017232 = 1.772 * 255/224
    // RGB -> YUV
    private static final int R_TO_Y = 16829;   // 0.256788 = 0.299 * 219/255
    private static final int G_TO_Y = 33039;   // 0.504129 = 0.587 * 219/255
    private static final int B_TO_Y = 6416;    // 0.097906 = 0.114 * 219/255
    private static final int R_TO_U = -9714;   // -0.148223
    private static final int G_TO_U = -19070;  // -0.290993
    private static final int B_TO_U = 28784;   // 0.439216 = 0.5 * 224/255
    private static final int R_TO_V = 28784;   // 0.439216
    private static final int G_TO_V = -24103;  // -0.367788
    private static final int B_TO_V = -4681;   // -0.071427

    private Bt601() {
    }

    static void toRgb(I420Frame f, int[] rgb) {
        int w = f.width();
        int h = f.height();
        byte[] yp = f.y();
        byte[] up = f.u();
        byte[] vp = f.v();
        for (int row = 0; row < h; row++) {
            int yo = row * f.strideY();
            int uo = (row >> 1) * f.strideU();
            int vo = (row >> 1) * f.strideV();
            int out = row * w;
            for (int col = 0; col < w; col++) {
                int c = Y_GAIN * ((yp[yo + col] & 0xFF) - 16) + HALF;
                int u = (up[uo + (col >> 1)] & 0xFF) - 128;
                int v = (vp[vo + (col >> 1)] & 0xFF) - 128;
                int r = clamp((c + V_TO_R * v) >> SHIFT);
                int g = clamp((c - U_TO_G * u - V_TO_G * v) >> SHIFT);
                int b = clamp((c + U_TO_B * u) >> SHIFT);
                rgb[out + col] = (r << 16) | (g << 8) | b;
            }
        }
    }

    static I420Frame fromRgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        byte[] y = new byte[w * h];
        byte[] u = new byte[cw * ch];
        byte[] v = new byte[cw * ch];
        for (int i = 0; i < w * h; i++) {
            int p = rgb[i];
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            y[i] = (byte) (16 + ((R_TO_Y * r + G_TO_Y * g + B_TO_Y * b + HALF) >> SHIFT));
        }
        for (int cy = 0; cy < ch; cy++) {
            for (int cx = 0; cx < cw; cx++) {
                int r = 0;
                int g = 0;
                int b = 0;
                int n = 0;
                for (int dy = 0; dy < 2 && 2 * cy + dy < h; dy++) {
                    for (int dx = 0; dx < 2 && 2 * cx + dx < w; dx++) {
                        int p = rgb[(2 * cy + dy) * w + 2 * cx + dx];
                        r += (p >> 16) & 0xFF;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                        n++;
                    }
                }
                // Averaging the block first keeps the rounding to one division.
                long su = (long) R_TO_U * r + (long) G_TO_U * g + (long) B_TO_U * b;
                long sv = (long) R_TO_V * r + (long) G_TO_V * g + (long) B_TO_V * b;
                u[cy * cw + cx] = (byte) (128 + Math.round(su / (double) (n << SHIFT)));
                v[cy * cw + cx] = (byte) (128 + Math.round(sv / (double) (n << SHIFT)));
            }
        }
        return new I420Frame(w, h, y, w, u, cw, v, cw, 0);
    }

    private static int clamp(int x) {
        return x < 0 ? 0 : (x > 255 ? 255 : x);
    }
}
