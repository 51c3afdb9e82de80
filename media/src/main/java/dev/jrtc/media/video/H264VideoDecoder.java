package dev.jrtc.media.video;

import dev.jrtc.rtp.codec.AnnexB;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.jcodec.codecs.h264.H264Decoder;
import org.jcodec.codecs.h264.io.model.Frame;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.model.Rect;

/**
 * H.264 through jcodec's decoder. Input is one access unit in Annex B form (as the RTP
 * depacketizer gives it). Parameter sets are checked first ({@link H264ParameterSets}), so a
 * stream jcodec cannot decode raises {@link UnsupportedStreamException} instead of giving wrong
 * pictures.
 *
 * <p>jcodec returns pictures in decoding order; pictures are put back into display order by
 * picture order count, holding as many as the SPS says can be reordered.
 */
final class H264VideoDecoder implements VideoDecoder {
    private static final int NAL_SLICE = 1;
    private static final int NAL_IDR = 5;
    private static final int NAL_SPS = 7;
    private static final int NAL_PPS = 8;

    private final H264ParameterSets parameterSets;
    private final Comparator<Held> byPoc = Comparator.comparingInt(Held::poc);
    private final PriorityQueue<Held> reorder = new PriorityQueue<>(byPoc);
    private final ArrayDeque<I420Frame> ready = new ArrayDeque<>();
    private H264Decoder decoder = newJcodecDecoder();
    private byte[][] buffer = new byte[3][0];
    private boolean needsKeyFrame = true;
    private boolean freshJcodec = true;
    private boolean closed;

    private record Held(int poc, I420Frame frame) {
    }

    H264VideoDecoder() {
        this(4096 * 2304);
    }

    H264VideoDecoder(int maxPixels) {
        this.parameterSets = new H264ParameterSets(maxPixels);
    }

    @Override
    public Optional<I420Frame> decode(byte[] encodedFrame, long rtpTimestamp, boolean keyFrame) throws DecodeException {
        if (closed) {
            throw new IllegalStateException("decoder is closed");
        }
        List<byte[]> nals = AnnexB.split(encodedFrame);
        List<ByteBuffer> forJcodec = new ArrayList<>(nals.size());
        boolean idr = false;
        SeqParameterSet activeSps = null;
        try {
            for (byte[] nal : nals) {
                int type = nal[0] & 0x1F;
                switch (type) {
                    case NAL_SPS -> {
                        if (parameterSets.addSps(nal)) {
                            // A changed SPS starts a new sequence; jcodec sizes its reference lists from the first one.
                            resetJcodec();
                        }
                    }
                    case NAL_PPS -> parameterSets.addPps(nal);
                    case NAL_IDR, NAL_SLICE -> {
                        idr |= type == NAL_IDR;
                        SeqParameterSet s = parameterSets.spsForPps(H264ParameterSets.slicePpsId(nal));
                        if (s == null) {
                            throw new DecodeException("H.264: slice refers to an unknown SPS/PPS", true, null);
                        }
                        activeSps = s;
                    }
                    default -> {
                        // SEI, access unit delimiters and the like carry nothing jcodec needs.
                        continue;
                    }
                }
                // jcodec unescapes in place; parameter sets are kept, so it gets copies of those.
                forJcodec.add(ByteBuffer.wrap(type == NAL_SPS || type == NAL_PPS ? nal.clone() : nal));
            }
        } catch (DecodeException e) {
            needsKeyFrame = true;
            throw e;
        }
        if (activeSps == null) {
            return Optional.empty();
        }
        if (!idr && needsKeyFrame) {
            throw new DecodeException("H.264: waiting for an IDR picture", true, null);
        }
        if (idr) {
            flush();
        }
        if (freshJcodec) {
            // A new jcodec decoder knows no parameter sets; give it all we have seen.
            List<ByteBuffer> primed = new ArrayList<>();
            for (byte[] nal : parameterSets.allRaw()) {
                primed.add(ByteBuffer.wrap(nal.clone()));
            }
            primed.addAll(forJcodec);
            forJcodec = primed;
            freshJcodec = false;
        }
        Frame picture;
        I420Frame copy;
        try {
            ensureBuffer(activeSps);
            picture = decoder.decodeFrameFromNals(forJcodec, buffer);
            copy = picture == null ? null : copyOut(picture, rtpTimestamp);
        } catch (RuntimeException | StackOverflowError e) {
            // jcodec signals both corrupt data and its own gaps with runtime exceptions.
            resetAfterError();
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("Unsupported h264 feature")) {
                throw new UnsupportedStreamException("H.264: " + m);
            }
            throw new DecodeException("H.264: corrupt access unit: " + e, true, e);
        }
        if (picture == null) {
            return Optional.empty();
        }
        needsKeyFrame = false;
        reorder.add(new Held(picture.getPOC(), copy));
        int depth = reorderDepth(activeSps);
        while (reorder.size() > depth) {
            ready.add(reorder.poll().frame());
        }
        return Optional.ofNullable(ready.poll());
    }

    @Override
    public Optional<I420Frame> nextFrame() {
        return Optional.ofNullable(ready.poll());
    }

    @Override
    public void flush() {
        while (!reorder.isEmpty()) {
            ready.add(reorder.poll().frame());
        }
    }

    /** How many pictures may come before one that precedes them in display order. */
    private static int reorderDepth(SeqParameterSet sps) {
        if (sps.vuiParams != null && sps.vuiParams.bitstreamRestriction != null) {
            return sps.vuiParams.bitstreamRestriction.numReorderFrames;
        }
        // Baseline has no B slices; otherwise assume the worst the SPS allows.
        return sps.profileIdc == H264ParameterSets.PROFILE_BASELINE ? 0 : Math.max(1, sps.numRefFrames);
    }

    private void ensureBuffer(SeqParameterSet sps) {
        int lumaSize = H264ParameterSets.codedWidth(sps) * H264ParameterSets.codedHeight(sps);
        if (buffer[0].length < lumaSize) {
            buffer = new byte[][] {new byte[lumaSize], new byte[lumaSize / 4], new byte[lumaSize / 4]};
        }
    }

    private static I420Frame copyOut(Frame picture, long rtpTimestamp) {
        Rect crop = picture.getCrop();
        int x0 = crop == null ? 0 : crop.getX();
        int y0 = crop == null ? 0 : crop.getY();
        int w = crop == null ? picture.getWidth() : crop.getWidth();
        int h = crop == null ? picture.getHeight() : crop.getHeight();
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        byte[] y = new byte[w * h];
        byte[] u = new byte[cw * ch];
        byte[] v = new byte[cw * ch];
        copyPlane(picture.getPlaneData(0), picture.getPlaneWidth(0), x0, y0, y, w, h);
        copyPlane(picture.getPlaneData(1), picture.getPlaneWidth(1), x0 / 2, y0 / 2, u, cw, ch);
        copyPlane(picture.getPlaneData(2), picture.getPlaneWidth(2), x0 / 2, y0 / 2, v, cw, ch);
        // jcodec stores samples as signed bytes centred on 0; I420 is unsigned.
        toUnsigned(y);
        toUnsigned(u);
        toUnsigned(v);
        return new I420Frame(w, h, y, w, u, cw, v, cw, rtpTimestamp);
    }

    private static void copyPlane(byte[] src, int srcStride, int x0, int y0, byte[] dst, int w, int h) {
        for (int r = 0; r < h; r++) {
            System.arraycopy(src, (y0 + r) * srcStride + x0, dst, r * w, w);
        }
    }

    private static void toUnsigned(byte[] plane) {
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (byte) (plane[i] + 128);
        }
    }

    /** Pictures already decoded stay available ({@link #nextFrame()}); the references do not. */
    private void resetAfterError() {
        resetJcodec();
        flush();
        needsKeyFrame = true;
    }

    private void resetJcodec() {
        decoder = newJcodecDecoder();
        freshJcodec = true;
    }

    /**
     * A jcodec decoder that decodes slices on the calling thread (jcodec would otherwise start a
     * thread pool per decoder for multi-slice pictures, outside the bounded pool we run on) and
     * reads slices through {@link GuardedFrameReader}, so corrupt CABAC data cannot loop forever.
     * Both are private fields of jcodec 0.2.5, the version this module pins.
     */
    private static H264Decoder newJcodecDecoder() {
        H264Decoder d = new H264Decoder();
        try {
            Field threaded = H264Decoder.class.getDeclaredField("threaded");
            threaded.setAccessible(true);
            threaded.setBoolean(d, false);
            Field reader = H264Decoder.class.getDeclaredField("reader");
            reader.setAccessible(true);
            reader.set(d, new GuardedFrameReader());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("this jcodec version is not the one media was built for (0.2.5)", e);
        }
        return d;
    }

    @Override
    public boolean needsKeyFrame() {
        return needsKeyFrame;
    }

    @Override
    public String codec() {
        return "H264";
    }

    @Override
    public void close() {
        closed = true;
        decoder = null;
        buffer = null;
        reorder.clear();
        ready.clear();
    }
}
