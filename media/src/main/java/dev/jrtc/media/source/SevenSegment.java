package dev.jrtc.media.source;

import java.awt.Graphics2D;

/**
 * Draws digits as seven-segment shapes with plain rectangles, so the test pattern needs no fonts
 * (headless machines often have none) and looks the same everywhere.
 */
final class SevenSegment {
    // Segments a..g as bits 0..6, for digits 0..9.
    private static final int[] DIGITS = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};

    private SevenSegment() {
    }

    /**
     * Draws {@code text} (digits, ':' and '.'; other characters leave a gap) with its top-left
     * corner at (x, y), each digit {@code h} pixels high.
     */
    static void draw(Graphics2D g, String text, int x, int y, int h) {
        int w = Math.max(3, h / 2);
        int t = Math.max(1, h / 8);
        int cx = x;
        for (char ch : text.toCharArray()) {
            if (ch >= '0' && ch <= '9') {
                digit(g, DIGITS[ch - '0'], cx, y, w, h, t);
                cx += w + 2 * t;
            } else if (ch == ':') {
                g.fillRect(cx, y + h / 3, t, t);
                g.fillRect(cx, y + 2 * h / 3, t, t);
                cx += 3 * t;
            } else if (ch == '.') {
                g.fillRect(cx, y + h - t, t, t);
                cx += 3 * t;
            } else {
                cx += w + 2 * t;
            }
        }
    }

    private static void digit(Graphics2D g, int bits, int x, int y, int w, int h, int t) {
        int mid = y + h / 2 - t / 2;
        if ((bits & 1) != 0) {
            g.fillRect(x, y, w, t); // a
        }
        if ((bits & 2) != 0) {
            g.fillRect(x + w - t, y, t, h / 2); // b
        }
        if ((bits & 4) != 0) {
            g.fillRect(x + w - t, y + h / 2, t, h - h / 2); // c
        }
        if ((bits & 8) != 0) {
            g.fillRect(x, y + h - t, w, t); // d
        }
        if ((bits & 16) != 0) {
            g.fillRect(x, y + h / 2, t, h - h / 2); // e
        }
        if ((bits & 32) != 0) {
            g.fillRect(x, y, t, h / 2); // f
        }
        if ((bits & 64) != 0) {
            g.fillRect(x, mid, w, t); // g
        }
    }
}
