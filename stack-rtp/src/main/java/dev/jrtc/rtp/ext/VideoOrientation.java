package dev.jrtc.rtp.ext;

/**
 * The coordination-of-video-orientation byte (3GPP TS 26.114, section 7.4.5): how the receiver
 * should rotate the picture.
 *
 * @param rotationDegrees 0, 90, 180 or 270, clockwise
 * @param flip            horizontal flip
 * @param backCamera      the C bit: the back-facing camera
 */
public record VideoOrientation(int rotationDegrees, boolean flip, boolean backCamera) {
    /** Checks the rotation. */
    public VideoOrientation {
        if (rotationDegrees % 90 != 0 || rotationDegrees < 0 || rotationDegrees >= 360) {
            throw new IllegalArgumentException("rotation must be 0, 90, 180 or 270, got " + rotationDegrees);
        }
    }

    /** The value of the element's (first) byte. */
    public static VideoOrientation fromByte(int b) {
        return new VideoOrientation((b & 0x03) * 90, (b & 0x04) != 0, (b & 0x08) != 0);
    }

    /** The element's one byte. */
    public byte[] encode() {
        return new byte[] {(byte) ((backCamera ? 0x08 : 0) | (flip ? 0x04 : 0) | (rotationDegrees / 90))};
    }
}
