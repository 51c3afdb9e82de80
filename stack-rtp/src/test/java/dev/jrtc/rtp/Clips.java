package dev.jrtc.rtp;

import dev.jrtc.rtp.codec.AnnexB;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Reads the committed test clips: IVF frames for VP8, access units of an Annex B stream for H.264. */
public final class Clips {
    private Clips() {
    }

    /** The bytes of a test resource under {@code dev/jrtc/rtp/clips}. */
    public static byte[] resource(String name) {
        try (InputStream in = Clips.class.getResourceAsStream("/dev/jrtc/rtp/clips/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The frames of an IVF file: a 32-byte file header, then per frame a 12-byte header (size LE32, pts LE64) and data. */
    public static List<byte[]> ivfFrames(byte[] ivf) {
        ByteBuffer b = ByteBuffer.wrap(ivf).order(ByteOrder.LITTLE_ENDIAN);
        if (ivf.length < 32 || b.getInt(0) != 0x46494B44) { // "DKIF"
            throw new IllegalArgumentException("not an IVF file");
        }
        int headerLength = b.getShort(6) & 0xFFFF;
        List<byte[]> frames = new ArrayList<>();
        int pos = headerLength;
        while (pos + 12 <= ivf.length) {
            int size = b.getInt(pos);
            pos += 12;
            byte[] f = new byte[size];
            System.arraycopy(ivf, pos, f, 0, size);
            frames.add(f);
            pos += size;
        }
        return frames;
    }

    /**
     * The access units of an Annex B stream, each re-joined with four-byte start codes. A new access
     * unit starts at an AUD, SPS, PPS or SEI after a picture, or at a slice with
     * {@code first_mb_in_slice == 0} (its first bit after the NAL header is 1).
     */
    public static List<byte[]> accessUnits(byte[] stream) {
        List<byte[]> units = new ArrayList<>();
        List<byte[]> current = new ArrayList<>();
        boolean seenSlice = false;
        for (byte[] nal : AnnexB.split(stream)) {
            int type = nal[0] & 0x1F;
            boolean vcl = type >= 1 && type <= 5;
            boolean startsUnit = seenSlice && (type == 6 || type == 7 || type == 8 || type == 9
                    || vcl && nal.length > 1 && (nal[1] & 0x80) != 0);
            if (startsUnit) {
                units.add(AnnexB.join(current));
                current = new ArrayList<>();
                seenSlice = false;
            }
            current.add(nal);
            seenSlice |= vcl;
        }
        if (!current.isEmpty()) {
            units.add(AnnexB.join(current));
        }
        return units;
    }
}
