package dev.jrtc.vp8;

/**
 * The last, golden and altref reference pictures (RFC 6386 9.7-9.8) over a pool of four buffers
 * with reference counts: a frame being decoded takes a free buffer, and the refresh and copy flags
 * then point the references at buffers without copying pixels.
 */
final class ReferenceFrames {
    static final int LAST = 1;
    static final int GOLDEN = 2;
    static final int ALTREF = 3;

    private final FrameBuffer[] pool = new FrameBuffer[4];
    private final Vp8Frame[] views = new Vp8Frame[4];
    /** Indexed by LAST, GOLDEN, ALTREF; index 0 unused. */
    private final FrameBuffer[] refs = new FrameBuffer[4];
    private int width;
    private int height;

    /** Allocates buffers for a new picture size and forgets all references. */
    void allocate(int width, int height) {
        this.width = width;
        this.height = height;
        int aw = (width + 15) & ~15;
        int ah = (height + 15) & ~15;
        for (int i = 0; i < pool.length; i++) {
            pool[i] = new FrameBuffer(aw, ah);
            views[i] = new Vp8Frame(width, height, pool[i]);
        }
        java.util.Arrays.fill(refs, null);
    }

    boolean matches(int width, int height) {
        return pool[0] != null && this.width == width && this.height == height;
    }

    boolean allocated() {
        return pool[0] != null;
    }

    FrameBuffer get(int ref) {
        return refs[ref];
    }

    /** A buffer no reference uses; there is always one, since there are three references. */
    FrameBuffer acquireFree() {
        for (FrameBuffer b : pool) {
            if (b.references == 0) {
                return b;
            }
        }
        throw new IllegalStateException("no free frame buffer");
    }

    Vp8Frame view(FrameBuffer buffer) {
        for (int i = 0; i < pool.length; i++) {
            if (pool[i] == buffer) {
                return views[i];
            }
        }
        throw new IllegalStateException("not a pooled buffer");
    }

    private void set(int ref, FrameBuffer b) {
        FrameBuffer old = refs[ref];
        if (old != null) {
            old.references--;
        }
        refs[ref] = b;
        b.references++;
    }

    /**
     * Applies a decoded frame's buffer updates, in the reference decoder's order: copies into
     * altref, then into golden, then the refreshes with the new frame.
     */
    void update(FrameHeader h, FrameBuffer current) {
        if (h.copyToAltRef == 1) {
            set(ALTREF, refs[LAST]);
        } else if (h.copyToAltRef == 2) {
            set(ALTREF, refs[GOLDEN]);
        }
        if (h.copyToGolden == 1) {
            set(GOLDEN, refs[LAST]);
        } else if (h.copyToGolden == 2) {
            set(GOLDEN, refs[ALTREF]);
        }
        if (h.refreshGolden) {
            set(GOLDEN, current);
        }
        if (h.refreshAltRef) {
            set(ALTREF, current);
        }
        if (h.refreshLast) {
            set(LAST, current);
        }
    }
}
