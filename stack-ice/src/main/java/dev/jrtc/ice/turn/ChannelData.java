package dev.jrtc.ice.turn;

/** TURN ChannelData messages (RFC 8656, section 12.4): a 4-byte header, then data, padded to 4 on streams. */
public final class ChannelData {
    /** Lowest and highest channel numbers a client may bind. */
    public static final int MIN_CHANNEL = 0x4000;
    public static final int MAX_CHANNEL = 0x4FFF;

    private ChannelData() {
    }

    /** Whether the first byte says ChannelData (0x40..0x4F, RFC 7983). */
    public static boolean looksLikeChannelData(byte[] buf, int offset, int length) {
        return length >= 4 && (buf[offset] & 0xF0) == 0x40;
    }

    /** Encodes channel data; {@code pad} for TCP and TLS. */
    public static byte[] encode(int channel, byte[] data, int offset, int length, boolean pad) {
        int total = 4 + (pad ? (length + 3) & ~3 : length);
        byte[] out = new byte[total];
        out[0] = (byte) (channel >>> 8);
        out[1] = (byte) channel;
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        System.arraycopy(data, offset, out, 4, length);
        return out;
    }

    /** The channel number of a ChannelData message. */
    public static int channel(byte[] buf, int offset) {
        return ((buf[offset] & 0xFF) << 8) | (buf[offset + 1] & 0xFF);
    }

    /** The data length declared in the header. */
    public static int dataLength(byte[] buf, int offset) {
        return ((buf[offset + 2] & 0xFF) << 8) | (buf[offset + 3] & 0xFF);
    }
}
