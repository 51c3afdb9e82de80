package dev.jrtc.interop.pc;

import java.util.Optional;

/**
 * The picture size a video frame declares in its own bitstream: a VP8 key frame's header
 * (RFC 6386 §9.1) or an H.264 sequence parameter set (ITU-T H.264 §7.3.2.1.1, with cropping).
 * Interframes carry no size, so only key frames (or access units with an SPS) give one.
 *
 * @param width luma width in pixels
 * @param height luma height in pixels
 */
record FrameSize(int width, int height) {

    /** The size in a frame of {@code codec} ("VP8" or "H264", any case), if this frame declares one. */
    static Optional<FrameSize> of(String codec, byte[] frame) {
        if (codec.equalsIgnoreCase("VP8")) {
            return ofVp8(frame);
        }
        if (codec.equalsIgnoreCase("H264")) {
            return ofH264AnnexB(frame);
        }
        return Optional.empty();
    }

    /** A VP8 key frame: 3-byte tag with bit 0 clear, start code 9d 01 2a, then 14-bit width and height. */
    static Optional<FrameSize> ofVp8(byte[] f) {
        if (f.length < 10 || (f[0] & 1) != 0 || (f[3] & 0xFF) != 0x9d || (f[4] & 0xFF) != 0x01
                || (f[5] & 0xFF) != 0x2a) {
            return Optional.empty();
        }
        int w = ((f[6] & 0xFF) | (f[7] & 0xFF) << 8) & 0x3FFF;
        int h = ((f[8] & 0xFF) | (f[9] & 0xFF) << 8) & 0x3FFF;
        return Optional.of(new FrameSize(w, h));
    }

    /** The first SPS (NAL type 7) of an Annex B access unit. */
    static Optional<FrameSize> ofH264AnnexB(byte[] au) {
        for (int i = 0; i + 3 < au.length; i++) {
            if (au[i] == 0 && au[i + 1] == 0 && au[i + 2] == 1) {
                int nal = i + 3;
                if ((au[nal] & 0x1F) == 7) {
                    int end = nal + 1;
                    while (end + 2 < au.length && !(au[end] == 0 && au[end + 1] == 0 && (au[end + 2] == 1 || au[end + 2] == 0))) {
                        end++;
                    }
                    if (end + 2 >= au.length) {
                        end = au.length;
                    }
                    return ofSps(au, nal + 1, end);
                }
                i = nal - 1;
            }
        }
        return Optional.empty();
    }

    /** An SPS payload (after the NAL header byte), emulation prevention bytes still in. */
    static Optional<FrameSize> ofSps(byte[] buf, int from, int to) {
        try {
            Bits b = new Bits(unescape(buf, from, to));
            int profile = b.u(8);
            b.u(16); // constraint flags, level_idc
            b.ue(); // seq_parameter_set_id
            int chroma = 1;
            if (hasChromaInfo(profile)) {
                chroma = b.ue();
                if (chroma == 3) {
                    b.u(1); // separate_colour_plane_flag
                }
                b.ue(); // bit_depth_luma_minus8
                b.ue(); // bit_depth_chroma_minus8
                b.u(1); // qpprime_y_zero_transform_bypass_flag
                if (b.u(1) == 1) { // seq_scaling_matrix_present_flag
                    for (int i = 0; i < (chroma != 3 ? 8 : 12); i++) {
                        if (b.u(1) == 1) {
                            skipScalingList(b, i < 6 ? 16 : 64);
                        }
                    }
                }
            }
            b.ue(); // log2_max_frame_num_minus4
            int pocType = b.ue();
            if (pocType == 0) {
                b.ue(); // log2_max_pic_order_cnt_lsb_minus4
            } else if (pocType == 1) {
                b.u(1); // delta_pic_order_always_zero_flag
                b.se(); // offset_for_non_ref_pic
                b.se(); // offset_for_top_to_bottom_field
                int cycle = b.ue();
                for (int i = 0; i < cycle; i++) {
                    b.se();
                }
            }
            b.ue(); // max_num_ref_frames
            b.u(1); // gaps_in_frame_num_value_allowed_flag
            int widthMbs = b.ue() + 1;
            int heightMapUnits = b.ue() + 1;
            int frameMbsOnly = b.u(1);
            if (frameMbsOnly == 0) {
                b.u(1); // mb_adaptive_frame_field_flag
            }
            b.u(1); // direct_8x8_inference_flag
            int left = 0, right = 0, top = 0, bottom = 0;
            if (b.u(1) == 1) {
                left = b.ue();
                right = b.ue();
                top = b.ue();
                bottom = b.ue();
            }
            // §7.4.2.1.1: crop units follow the chroma subsampling (4:2:0 halves both ways).
            int cropX = chroma == 0 || chroma == 3 ? 1 : 2;
            int cropY = (chroma == 1 ? 2 : 1) * (2 - frameMbsOnly);
            int width = widthMbs * 16 - cropX * (left + right);
            int height = (2 - frameMbsOnly) * heightMapUnits * 16 - cropY * (top + bottom);
            return Optional.of(new FrameSize(width, height));
        } catch (IndexOutOfBoundsException truncated) {
            return Optional.empty();
        }
    }

    private static boolean hasChromaInfo(int profile) {
        return switch (profile) {
            case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
            default -> false;
        };
    }

    private static void skipScalingList(Bits b, int size) {
        int last = 8;
        int next = 8;
        for (int j = 0; j < size; j++) {
            if (next != 0) {
                next = (last + b.se() + 256) % 256;
            }
            last = next == 0 ? last : next;
        }
    }

    /** Removes the 03 of every 00 00 03 (emulation prevention, §7.4.1). */
    private static byte[] unescape(byte[] buf, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        int zeros = 0;
        for (int i = from; i < to; i++) {
            if (zeros >= 2 && buf[i] == 3) {
                zeros = 0;
                continue;
            }
            zeros = buf[i] == 0 ? zeros + 1 : 0;
            out[n++] = buf[i];
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** An MSB-first bit reader with Exp-Golomb codes (§9.1); reading past the end throws. */
    private static final class Bits {
        private final byte[] data;
        private int pos;

        Bits(byte[] data) {
            this.data = data;
        }

        int u(int n) {
            int v = 0;
            for (int i = 0; i < n; i++) {
                int bit = (data[pos >> 3] >> (7 - (pos & 7))) & 1;
                pos++;
                v = v << 1 | bit;
            }
            return v;
        }

        int ue() {
            int zeros = 0;
            while (u(1) == 0) {
                zeros++;
                if (zeros > 31) {
                    throw new IndexOutOfBoundsException("Exp-Golomb code too long");
                }
            }
            return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : u(zeros)));
        }

        int se() {
            int k = ue();
            return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
        }
    }
}
