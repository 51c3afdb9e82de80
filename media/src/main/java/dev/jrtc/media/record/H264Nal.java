package dev.jrtc.media.record;

import dev.jrtc.rtp.codec.AnnexB;

/** Small facts about H.264 Annex B access units. */
final class H264Nal {
    static final int IDR = 5;
    static final int SPS = 7;
    static final int PPS = 8;

    private H264Nal() {
    }

    static boolean containsIdr(byte[] accessUnit) {
        for (byte[] nal : AnnexB.split(accessUnit)) {
            if ((nal[0] & 0x1F) == IDR) {
                return true;
            }
        }
        return false;
    }

    /** @return the access unit with a start code in front (a bare NAL unit gets one) */
    static byte[] asAnnexB(byte[] frame) {
        if (startsWithStartCode(frame)) {
            return frame;
        }
        byte[] out = new byte[frame.length + 4];
        out[3] = 1;
        System.arraycopy(frame, 0, out, 4, frame.length);
        return out;
    }

    static boolean startsWithStartCode(byte[] b) {
        return b.length >= 3 && b[0] == 0 && b[1] == 0 && (b[2] == 1 || (b.length >= 4 && b[2] == 0 && b[3] == 1));
    }
}
