package dev.jrtc.media.audio;

/** PCMU or PCMA (RFC 3551): one 8-bit code per sample, 8 kHz mono. Every byte decodes. */
final class G711Decoder implements AudioDecoder {
    private static final int SAMPLES_PER_20_MS = 160;
    private final G711.Law law;
    private int lastLength = SAMPLES_PER_20_MS;

    G711Decoder(G711.Law law) {
        this.law = law;
    }

    @Override
    public short[] decode(byte[] payload) {
        if (payload.length > 0) {
            lastLength = payload.length;
        }
        return G711.decode(law, payload);
    }

    @Override
    public short[] conceal() {
        return new short[lastLength];
    }

    @Override
    public int sampleRate() {
        return 8000;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public long corruptPackets() {
        return 0;
    }
}
