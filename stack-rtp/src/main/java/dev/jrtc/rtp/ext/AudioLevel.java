package dev.jrtc.rtp.ext;

/**
 * The RFC 6464 client-to-mixer audio level.
 *
 * @param voiceActivity the V bit: the sender thinks the packet holds speech
 * @param level         the level in -dBov, 0 (loudest) to 127 (silence)
 */
public record AudioLevel(boolean voiceActivity, int level) {
    /** Checks the range. */
    public AudioLevel {
        if (level < 0 || level > 127) {
            throw new IllegalArgumentException("audio level must be 0..127 -dBov, got " + level);
        }
    }

    /** The value of the element's byte. */
    public static AudioLevel fromByte(int b) {
        return new AudioLevel((b & 0x80) != 0, b & 0x7F);
    }

    /** The element's one byte. */
    public byte[] encode() {
        return new byte[] {(byte) ((voiceActivity ? 0x80 : 0) | level)};
    }
}
