package dev.jrtc.media.record;

import dev.jrtc.rtp.codec.AnnexB;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.jcodec.codecs.h264.H264Utils;
import org.jcodec.codecs.h264.io.model.SeqParameterSet;
import org.jcodec.common.model.ColorSpace;

/**
 * H.264 in Matroska ({@code V_MPEG4/ISO/AVC}): blocks hold the access unit's NAL units each
 * prefixed by its 4-octet length, and CodecPrivate is an AVCDecoderConfigurationRecord
 * ({@code avcC}, ISO/IEC 14496-15 section 5.2.4.1) with the first IDR's SPS and PPS. Parameter
 * sets stay in the blocks too, so a mid-stream change of SPS still reaches the decoder.
 */
final class AvcMatroskaVideo implements MatroskaVideo {
    /** CodecPrivate larger than this would not fit the room reserved for the Tracks element. */
    private static final int MAX_CODEC_PRIVATE = MatroskaFile.TRACKS_ROOM - 512;
    private int width;
    private int height;
    private byte[] avcC = new byte[0];

    @Override
    public String codecId() {
        return "V_MPEG4/ISO/AVC";
    }

    @Override
    public boolean isKeyFrame(byte[] frame) {
        return H264Nal.containsIdr(H264Nal.asAnnexB(frame));
    }

    @Override
    public boolean configure(byte[] keyFrame) {
        byte[] sps = null;
        byte[] pps = null;
        for (byte[] nal : AnnexB.split(H264Nal.asAnnexB(keyFrame))) {
            int type = nal[0] & 0x1F;
            if (type == H264Nal.SPS && sps == null && nal.length >= 4) {
                sps = nal;
            } else if (type == H264Nal.PPS && pps == null) {
                pps = nal;
            }
        }
        if (sps == null || pps == null || sps.length + pps.length + 11 > MAX_CODEC_PRIVATE || !readSize(sps)) {
            return false;
        }
        avcC = decoderConfiguration(sps, pps);
        return true;
    }

    /** ITU-T H.264 section 7.4.2.1.1: the size in macroblocks less the cropping rectangle. */
    private boolean readSize(byte[] spsNal) {
        SeqParameterSet s;
        try {
            ByteBuffer rbsp = ByteBuffer.wrap(spsNal, 1, spsNal.length - 1).slice();
            ByteBuffer copy = ByteBuffer.allocate(rbsp.remaining()).put(rbsp).flip();
            H264Utils.unescapeNAL(copy);
            s = SeqParameterSet.read(copy);
        } catch (RuntimeException e) {
            return false;
        }
        int frameHeightFactor = s.frameMbsOnlyFlag ? 1 : 2;
        int w = (s.picWidthInMbsMinus1 + 1) * 16;
        int h = frameHeightFactor * (s.picHeightInMapUnitsMinus1 + 1) * 16;
        if (s.frameCroppingFlag) {
            ColorSpace c = s.chromaFormatIdc;
            boolean is420 = !s.separateColourPlaneFlag && (c == ColorSpace.YUV420 || c == ColorSpace.YUV420J);
            boolean is422 = !s.separateColourPlaneFlag
                    && (c == ColorSpace.YUV422 || c == ColorSpace.YUV422J || c == ColorSpace.YUV422_10);
            int subWidth = is420 || is422 ? 2 : 1;
            int subHeight = is420 ? 2 : 1;
            w -= subWidth * (s.frameCropLeftOffset + s.frameCropRightOffset);
            h -= subHeight * frameHeightFactor * (s.frameCropTopOffset + s.frameCropBottomOffset);
        }
        if (w <= 0 || h <= 0) {
            return false;
        }
        width = w;
        height = h;
        return true;
    }

    /** One SPS and one PPS, 4-octet NAL unit lengths (lengthSizeMinusOne = 3). */
    static byte[] decoderConfiguration(byte[] sps, byte[] pps) {
        ByteBuffer b = ByteBuffer.allocate(6 + 2 + sps.length + 1 + 2 + pps.length);
        b.put((byte) 1); // configurationVersion
        b.put(sps[1]).put(sps[2]).put(sps[3]); // profile_idc, constraint flags, level_idc
        b.put((byte) 0xFF); // 6 reserved bits, lengthSizeMinusOne = 3
        b.put((byte) 0xE1); // 3 reserved bits, one SPS
        b.putShort((short) sps.length).put(sps);
        b.put((byte) 1); // one PPS
        b.putShort((short) pps.length).put(pps);
        return b.array();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public byte[] codecPrivate() {
        return avcC;
    }

    @Override
    public byte[] blockData(byte[] frame) {
        List<byte[]> nals = AnnexB.split(H264Nal.asAnnexB(frame));
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length + 4 * nals.size());
        for (byte[] nal : nals) {
            out.write(nal.length >>> 24);
            out.write(nal.length >>> 16);
            out.write(nal.length >>> 8);
            out.write(nal.length);
            out.writeBytes(nal);
        }
        return out.toByteArray();
    }
}
