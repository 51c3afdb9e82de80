package dev.jrtc.media.record;

/** VP8 in Matroska ({@code V_VP8}): each block holds one frame as is; no CodecPrivate. */
final class Vp8MatroskaVideo implements MatroskaVideo {
    private int width;
    private int height;

    @Override
    public String codecId() {
        return "V_VP8";
    }

    @Override
    public boolean isKeyFrame(byte[] frame) {
        return IvfWriter.isVp8KeyFrame(frame);
    }

    /** RFC 6386 section 9.1: 14-bit width and height after the start code (the top 2 bits are scaling). */
    @Override
    public boolean configure(byte[] keyFrame) {
        width = (keyFrame[6] & 0xFF | (keyFrame[7] & 0xFF) << 8) & 0x3FFF;
        height = (keyFrame[8] & 0xFF | (keyFrame[9] & 0xFF) << 8) & 0x3FFF;
        return width > 0 && height > 0;
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
        return new byte[0];
    }

    @Override
    public byte[] blockData(byte[] frame) {
        return frame;
    }
}
