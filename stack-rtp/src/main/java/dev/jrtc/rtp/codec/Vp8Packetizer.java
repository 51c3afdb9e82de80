package dev.jrtc.rtp.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * VP8 packetizer (RFC 7741): a four-byte descriptor with a 15-bit picture ID that counts frames,
 * and the frame split into payloads of nearly equal size, so no packet is a runt.
 */
public final class Vp8Packetizer implements Packetizer {
    private static final int DESCRIPTOR_LENGTH = 4;
    private int pictureId;

    /** A packetizer whose first picture ID is {@code firstPictureId} (a random start is customary). */
    public Vp8Packetizer(int firstPictureId) {
        this.pictureId = firstPictureId & 0x7FFF;
    }

    @Override
    public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
        int room = maxPayloadSize - DESCRIPTOR_LENGTH;
        if (room < 1) {
            throw new IllegalArgumentException("a VP8 payload needs more than " + DESCRIPTOR_LENGTH + " bytes");
        }
        if (frame.length == 0) {
            throw new IllegalArgumentException("empty VP8 frame");
        }
        int count = (frame.length + room - 1) / room;
        List<byte[]> out = new ArrayList<>(count);
        int pos = 0;
        for (int i = 0; i < count; i++) {
            int left = count - i;
            int size = (frame.length - pos + left - 1) / left; // spread what is left over the packets left
            byte[] p = new byte[DESCRIPTOR_LENGTH + size];
            p[0] = (byte) (0x80 | (i == 0 ? 0x10 : 0)); // X, and S on the first packet; PID 0
            p[1] = (byte) 0x80; // I: picture ID present
            p[2] = (byte) (0x80 | (pictureId >>> 8)); // M: 15-bit picture ID
            p[3] = (byte) pictureId;
            System.arraycopy(frame, pos, p, DESCRIPTOR_LENGTH, size);
            pos += size;
            out.add(p);
        }
        pictureId = (pictureId + 1) & 0x7FFF;
        return out;
    }

    @Override
    public boolean markerOnLastPacket() {
        return true;
    }
}
