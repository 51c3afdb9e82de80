package dev.jrtc.media.video;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jcodec.codecs.common.biari.MDecoder;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.decode.FrameReader;
import org.jcodec.codecs.h264.decode.SliceHeaderReader;
import org.jcodec.codecs.h264.decode.SliceReader;
import org.jcodec.codecs.h264.decode.aso.MapManager;
import org.jcodec.codecs.h264.io.CABAC;
import org.jcodec.codecs.h264.io.CAVLC;
import org.jcodec.codecs.h264.io.model.NALUnit;
import org.jcodec.codecs.h264.io.model.NALUnitType;
import org.jcodec.codecs.h264.io.model.PictureParameterSet;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.codecs.h264.io.model.SliceHeader;
import org.jcodec.common.io.BitReader;

/**
 * jcodec's frame reader with one change: the CABAC decoder fails once it has read well past the
 * end of a slice. jcodec's own pads a truncated or corrupt slice with zero bits forever, and
 * some syntax elements (mb_qp_delta) are read in loops that then never end.
 */
final class GuardedFrameReader extends FrameReader {
    private final Map<Integer, SeqParameterSet> sps = new HashMap<>();
    private final Map<Integer, PictureParameterSet> pps = new HashMap<>();

    @Override
    public List<SliceReader> readFrame(List<ByteBuffer> nalUnits) {
        List<SliceReader> slices = new ArrayList<>();
        for (ByteBuffer nal : nalUnits) {
            NALUnit unit = NALUnit.read(nal);
            H264Utils.unescapeNAL(nal);
            if (unit.type == NALUnitType.SPS) {
                SeqParameterSet s = SeqParameterSet.read(nal);
                sps.put(s.seqParameterSetId, s);
            } else if (unit.type == NALUnitType.PPS) {
                PictureParameterSet p = PictureParameterSet.read(nal);
                pps.put(p.picParameterSetId, p);
            } else if (unit.type == NALUnitType.IDR_SLICE || unit.type == NALUnitType.NON_IDR_SLICE) {
                slices.add(sliceReader(nal, unit));
            }
        }
        return slices;
    }

    private SliceReader sliceReader(ByteBuffer data, NALUnit unit) {
        BitReader bits = BitReader.createBitReader(data);
        SliceHeader sh = SliceHeaderReader.readPart1(bits);
        sh.pps = pps.get(sh.picParameterSetId);
        if (sh.pps == null || sps.get(sh.pps.seqParameterSetId) == null) {
            throw new IllegalStateException("slice refers to a parameter set jcodec has not seen");
        }
        sh.sps = sps.get(sh.pps.seqParameterSetId);
        SliceHeaderReader.readPart2(sh, unit, sh.sps, sh.pps, bits);
        // One CAVLC context per plane; the chroma ones for 4:2:0 (checked before jcodec runs).
        CAVLC[] cavlc = {new CAVLC(sh.sps, sh.pps, 2, 2), new CAVLC(sh.sps, sh.pps, 1, 1),
            new CAVLC(sh.sps, sh.pps, 1, 1)};
        CABAC cabac = new CABAC(sh.sps.picWidthInMbsMinus1 + 1);
        MDecoder arithmetic = null;
        if (sh.pps.entropyCodingModeFlag) {
            bits.terminate();
            int[][] contexts = new int[2][1024];
            cabac.initModels(contexts, sh.sliceType, sh.cabacInitIdc, sh.pps.picInitQpMinus26 + 26 + sh.sliceQpDelta);
            arithmetic = new BoundedMDecoder(data, contexts);
        }
        return new SliceReader(sh.pps, cabac, cavlc, arithmetic, bits, new MapManager(sh.sps, sh.pps).getMapper(sh),
                sh, unit);
    }

    @Override
    public void addSps(ByteBuffer nal) {
        ByteBuffer copy = nal.duplicate();
        H264Utils.unescapeNAL(copy);
        SeqParameterSet s = SeqParameterSet.read(copy);
        sps.put(s.seqParameterSetId, s);
    }

    @Override
    public void addPps(ByteBuffer nal) {
        ByteBuffer copy = nal.duplicate();
        H264Utils.unescapeNAL(copy);
        PictureParameterSet p = PictureParameterSet.read(copy);
        pps.put(p.picParameterSetId, p);
    }

    /** A CABAC decoder that allows a few bytes of read-ahead past the slice, then fails. */
    static final class BoundedMDecoder extends MDecoder {
        /** A valid slice ends in its stop bit; the decoder reads ahead at most a couple of bytes. */
        private static final int READ_AHEAD = 16;
        private final ByteBuffer in;
        private int pastEnd;

        BoundedMDecoder(ByteBuffer in, int[][] contexts) {
            super(in, contexts);
            this.in = in;
        }

        @Override
        protected void readOneByte() {
            // The super constructor reads its first bytes before 'in' is assigned.
            if (in != null && !in.hasRemaining() && ++pastEnd > READ_AHEAD) {
                throw new IllegalStateException("CABAC data ran out: the slice is corrupt or truncated");
            }
            super.readOneByte();
        }
    }
}
