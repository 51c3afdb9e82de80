package dev.jrtc.vp8;

/**
 * One decoded picture at macroblock-aligned size: Y, U and V planes without borders. Inter
 * prediction clamps coordinates instead, which is what the reference decoder's border extension
 * amounts to (RFC 6386 5: pixels beyond the edge repeat the edge).
 */
final class FrameBuffer {
    final int width;
    final int height;
    final int chromaWidth;
    final int chromaHeight;
    final byte[] y;
    final byte[] u;
    final byte[] v;
    /** How many of current/last/golden/altref (and the caller's view) refer to this buffer. */
    int references;

    FrameBuffer(int alignedWidth, int alignedHeight) {
        this.width = alignedWidth;
        this.height = alignedHeight;
        this.chromaWidth = alignedWidth / 2;
        this.chromaHeight = alignedHeight / 2;
        this.y = new byte[width * height];
        this.u = new byte[chromaWidth * chromaHeight];
        this.v = new byte[chromaWidth * chromaHeight];
    }
}
