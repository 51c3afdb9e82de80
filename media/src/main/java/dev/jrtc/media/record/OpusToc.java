package dev.jrtc.media.record;

/** Reads an Opus packet's duration from its table-of-contents byte (RFC 6716 section 3.1). */
final class OpusToc {
    private OpusToc() {
    }

    /** @return samples at 48 kHz in one frame of the packet's configuration */
    static int frameSamples(int toc) {
        int config = (toc >> 3) & 0x1F;
        if (config < 12) {
            return new int[] {480, 960, 1920, 2880}[config & 3]; // SILK 10/20/40/60 ms
        }
        if (config < 16) {
            return (config & 1) == 0 ? 480 : 960; // hybrid 10/20 ms
        }
        return new int[] {120, 240, 480, 960}[config & 3]; // CELT 2.5/5/10/20 ms
    }

    /** @return samples at 48 kHz in the whole packet, or -1 if the packet is malformed */
    static int packetSamples(byte[] p) {
        if (p.length == 0) {
            return -1;
        }
        int frames = switch (p[0] & 3) {
            case 0 -> 1;
            case 1, 2 -> 2;
            default -> p.length < 2 ? -1 : p[1] & 0x3F;
        };
        if (frames <= 0) {
            return -1;
        }
        int samples = frames * frameSamples(p[0] & 0xFF);
        return samples > 5760 ? -1 : samples;
    }

    /** @return whether the packet is coded as stereo */
    static boolean stereo(byte[] p) {
        return p.length > 0 && (p[0] & 0x04) != 0;
    }
}
