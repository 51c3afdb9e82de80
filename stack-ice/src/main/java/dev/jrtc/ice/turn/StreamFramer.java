package dev.jrtc.ice.turn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a TCP or TLS byte stream into whole messages. Two framings exist: TURN over TCP carries
 * STUN messages and ChannelData padded to four bytes back to back (RFC 8656 section 12.5); ICE-TCP
 * puts a two-byte length before every message (RFC 4571). A stream that breaks its framing is
 * poisoned: the caller should close it.
 */
public final class StreamFramer {
    /** How messages are delimited. */
    public enum Framing { TURN, RFC4571 }

    private static final int MAX_BUFFER = 1 << 17;
    private final Framing framing;
    private byte[] buf = new byte[2048];
    private int len;
    private boolean broken;

    /** A framer for {@code framing}. */
    public StreamFramer(Framing framing) {
        this.framing = framing;
    }

    /** Whether the stream broke its framing (or overflowed); nothing more will be returned. */
    public boolean isBroken() {
        return broken;
    }

    /** Appends bytes and returns every message now complete (without RFC 4571 length prefixes or padding). */
    public List<byte[]> append(byte[] data, int offset, int length) {
        List<byte[]> out = new ArrayList<>();
        if (broken) {
            return out;
        }
        if (len + length > MAX_BUFFER) {
            broken = true;
            return out;
        }
        if (len + length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + length));
        }
        System.arraycopy(data, offset, buf, len, length);
        len += length;
        int pos = 0;
        while (true) {
            int[] frame = nextFrame(pos);
            if (frame == null) {
                break;
            }
            out.add(Arrays.copyOfRange(buf, pos + frame[0], pos + frame[0] + frame[1]));
            pos += frame[2];
        }
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
        return out;
    }

    /** {start, length, consumed} of the frame at {@code pos}, or null if incomplete or broken. */
    private int[] nextFrame(int pos) {
        int avail = len - pos;
        if (broken || avail < 4) {
            return null;
        }
        int b0 = buf[pos] & 0xFF;
        int w1 = ((buf[pos + 2] & 0xFF) << 8) | (buf[pos + 3] & 0xFF);
        int w0 = (b0 << 8) | (buf[pos + 1] & 0xFF);
        if (framing == Framing.RFC4571) {
            return avail >= 2 + w0 ? new int[] {2, w0, 2 + w0} : null;
        }
        if (b0 <= 3) {
            int total = 20 + w1;
            if ((w1 & 3) != 0) {
                broken = true;
                return null;
            }
            return avail >= total ? new int[] {0, total, total} : null;
        }
        if ((b0 & 0xF0) == 0x40) {
            int padded = 4 + ((w1 + 3) & ~3);
            return avail >= padded ? new int[] {0, 4 + w1, padded} : null;
        }
        broken = true;
        return null;
    }

    /** Frames one message for writing with RFC 4571 (a two-byte length first). */
    public static byte[] rfc4571(byte[] data, int offset, int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("RFC 4571 frames hold at most 65535 bytes");
        }
        byte[] out = new byte[2 + length];
        out[0] = (byte) (length >>> 8);
        out[1] = (byte) length;
        System.arraycopy(data, offset, out, 2, length);
        return out;
    }
}
