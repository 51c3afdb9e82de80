package dev.jrtc.rtp.codec;

import java.util.List;

/**
 * The RTP payloads of one frame, in sequence-number order, as borrowed slices: a jitter buffer
 * hands its own storage to a {@link Depacketizer} without copying.
 */
public interface PayloadSequence {
    /** How many payloads. */
    int size();

    /** The array holding payload {@code i}. */
    byte[] array(int i);

    /** Where payload {@code i} starts in {@link #array(int)}. */
    int offset(int i);

    /** Payload {@code i}'s length. */
    int length(int i);

    /** The total length of all payloads. */
    default int totalLength() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            n += length(i);
        }
        return n;
    }

    /** A sequence over whole arrays, for tests and simple callers. */
    static PayloadSequence of(List<byte[]> payloads) {
        List<byte[]> copy = List.copyOf(payloads);
        return new PayloadSequence() {
            @Override
            public int size() {
                return copy.size();
            }

            @Override
            public byte[] array(int i) {
                return copy.get(i);
            }

            @Override
            public int offset(int i) {
                return 0;
            }

            @Override
            public int length(int i) {
                return copy.get(i).length;
            }
        };
    }
}
