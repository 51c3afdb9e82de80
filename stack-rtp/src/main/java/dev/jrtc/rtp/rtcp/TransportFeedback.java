package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01,
 * section 3.1): RTPFB FMT 15. It reports, for a run of transport-wide sequence numbers starting at
 * {@code baseSequence}, whether each packet arrived and when, relative to a reference time.
 *
 * @param senderSsrc          who sends the feedback
 * @param mediaSsrc           the media source (often the first one seen)
 * @param baseSequence        the first transport sequence number reported
 * @param referenceTime       signed 24-bit time of the first arrival, in 64 ms units
 * @param feedbackPacketCount this feedback's 8-bit counter
 * @param packets             one status per sequence number from {@code baseSequence} on
 */
public record TransportFeedback(long senderSsrc, long mediaSsrc, int baseSequence, int referenceTime,
                                int feedbackPacketCount, List<Status> packets) implements RtcpPacket {
    static final int FORMAT = 15;
    /** One delta tick is 250 microseconds. */
    public static final long TICK_NANOS = 250_000L;
    /** One reference-time unit is 64 milliseconds. */
    public static final long REFERENCE_UNIT_NANOS = 64_000_000L;

    private static final int NOT_RECEIVED = 0;
    private static final int SMALL_DELTA = 1;
    private static final int LARGE_DELTA = 2;

    /**
     * One packet's fate.
     *
     * @param received   whether it arrived
     * @param deltaTicks its arrival minus the previous reported arrival (or the reference time for
     *                   the first), in 250 us ticks; signed 16 bits; 0 when not received
     */
    public record Status(boolean received, int deltaTicks) {
        /** A packet that did not arrive. */
        public static final Status LOST = new Status(false, 0);

        /** Checks the range. */
        public Status {
            if (deltaTicks < Short.MIN_VALUE || deltaTicks > Short.MAX_VALUE) {
                throw new IllegalArgumentException("delta does not fit 16 bits: " + deltaTicks);
            }
            if (!received && deltaTicks != 0) {
                throw new IllegalArgumentException("a lost packet has no delta");
            }
        }

        /** A packet that arrived {@code deltaTicks} after the previous one. */
        public static Status received(int deltaTicks) {
            return new Status(true, deltaTicks);
        }

        int symbol() {
            if (!received) {
                return NOT_RECEIVED;
            }
            return deltaTicks >= 0 && deltaTicks <= 255 ? SMALL_DELTA : LARGE_DELTA;
        }
    }

    /** Copies the list and checks the ranges. */
    public TransportFeedback {
        packets = List.copyOf(packets);
        if (packets.isEmpty() || packets.size() > 0xFFFF) {
            throw new IllegalArgumentException("feedback reports 1..65535 packets, got " + packets.size());
        }
        if (referenceTime < -0x800000 || referenceTime > 0x7FFFFF) {
            throw new IllegalArgumentException("reference time does not fit 24 bits");
        }
        if (baseSequence < 0 || baseSequence > 0xFFFF || feedbackPacketCount < 0 || feedbackPacketCount > 255) {
            throw new IllegalArgumentException("base sequence or feedback count out of range");
        }
    }

    static TransportFeedback parse(ByteReader r, long sender, long media) throws ParseException {
        int base = r.u16();
        int count = r.u16();
        int ref = r.u24();
        if ((ref & 0x800000) != 0) {
            ref -= 0x1000000;
        }
        int fbCount = r.u8();
        if (count == 0) {
            throw new ParseException("RTCP TWCC: packet status count is 0");
        }
        int[] symbols = new int[count];
        int n = 0;
        while (n < count) {
            int chunk = r.u16();
            if ((chunk & 0x8000) == 0) {
                int symbol = (chunk >>> 13) & 0x3;
                int run = chunk & 0x1FFF;
                if (symbol == 3) {
                    throw new ParseException("RTCP TWCC: reserved status symbol");
                }
                if (run == 0) {
                    throw new ParseException("RTCP TWCC: empty run-length chunk");
                }
                for (int i = 0; i < run && n < count; i++) {
                    symbols[n++] = symbol;
                }
            } else if ((chunk & 0x4000) == 0) {
                for (int i = 13; i >= 0 && n < count; i--) {
                    symbols[n++] = (chunk >>> i) & 1;
                }
            } else {
                for (int i = 6; i >= 0 && n < count; i--) {
                    int symbol = (chunk >>> (2 * i)) & 3;
                    if (symbol == 3) {
                        throw new ParseException("RTCP TWCC: reserved status symbol");
                    }
                    symbols[n++] = symbol;
                }
            }
        }
        List<Status> statuses = new ArrayList<>(count);
        for (int s : symbols) {
            switch (s) {
                case SMALL_DELTA -> statuses.add(Status.received(r.u8()));
                case LARGE_DELTA -> statuses.add(Status.received((short) r.u16()));
                default -> statuses.add(Status.LOST);
            }
        }
        // Whatever is left is zero padding up to the 32-bit boundary (at most 3 bytes).
        if (r.remaining() > 3) {
            throw new ParseException("RTCP TWCC: " + r.remaining() + " trailing bytes");
        }
        return new TransportFeedback(sender, media, base, ref, fbCount, statuses);
    }

    /** The status chunks, chosen as {@link ChunkEncoder} explains. */
    private List<Integer> chunks() {
        ChunkEncoder encoder = new ChunkEncoder();
        for (Status s : packets) {
            encoder.add(s.symbol());
        }
        return encoder.finish();
    }

    /**
     * Packs status symbols into chunks greedily, one symbol at a time, the way the senders we meet
     * (libwebrtc) do, so that feedback we parse from them writes back byte for byte. A pending
     * group grows while it still fits some chunk: any 7 symbols fit a two-bit vector, 14 without
     * a large delta fit a one-bit vector, and identical symbols fit a run of up to 8191. When the
     * next symbol does not fit, the group is flushed: as a run if all its symbols are equal, as a
     * one-bit vector if it holds 14, else as a two-bit vector of its first 7, keeping the rest.
     */
    private static final class ChunkEncoder {
        private static final int TWO_BIT_CAPACITY = 7;
        private static final int ONE_BIT_CAPACITY = 14;
        private static final int RUN_CAPACITY = 0x1FFF;

        private final List<Integer> chunks = new ArrayList<>();
        private final int[] pending = new int[ONE_BIT_CAPACITY];
        private int size;
        private boolean allSame = true;
        private boolean hasLarge;

        void add(int symbol) {
            if (!fits(symbol)) {
                flush();
            }
            if (size < ONE_BIT_CAPACITY) {
                pending[size] = symbol;
            }
            allSame &= size == 0 || pending[0] == symbol;
            hasLarge |= symbol == LARGE_DELTA;
            size++;
        }

        private boolean fits(int symbol) {
            return size < TWO_BIT_CAPACITY
                    || size < ONE_BIT_CAPACITY && !hasLarge && symbol != LARGE_DELTA
                    || size < RUN_CAPACITY && allSame && pending[0] == symbol;
        }

        private void flush() {
            if (allSame) {
                chunks.add((pending[0] << 13) | size);
                size = 0;
            } else if (size == ONE_BIT_CAPACITY) {
                chunks.add(oneBitVector(size));
                size = 0;
            } else {
                chunks.add(twoBitVector(TWO_BIT_CAPACITY));
                size -= TWO_BIT_CAPACITY;
                System.arraycopy(pending, TWO_BIT_CAPACITY, pending, 0, size);
            }
            allSame = true;
            hasLarge = false;
            for (int i = 0; i < size; i++) {
                allSame &= pending[i] == pending[0];
                hasLarge |= pending[i] == LARGE_DELTA;
            }
        }

        List<Integer> finish() {
            if (size > 0) {
                if (allSame) {
                    chunks.add((pending[0] << 13) | size);
                } else {
                    chunks.add(size <= TWO_BIT_CAPACITY ? twoBitVector(size) : oneBitVector(size));
                }
            }
            return chunks;
        }

        private int oneBitVector(int n) {
            int chunk = 0x8000;
            for (int k = 0; k < n; k++) {
                chunk |= pending[k] << (13 - k);
            }
            return chunk;
        }

        private int twoBitVector(int n) {
            int chunk = 0xC000;
            for (int k = 0; k < n; k++) {
                chunk |= pending[k] << (2 * (6 - k));
            }
            return chunk;
        }
    }

    private int deltaBytes() {
        int n = 0;
        for (Status s : packets) {
            n += switch (s.symbol()) {
                case SMALL_DELTA -> 1;
                case LARGE_DELTA -> 2;
                default -> 0;
            };
        }
        return n;
    }

    @Override
    public int encodedLength() {
        return RtcpHeader.padTo4(20 + 2 * chunks().size() + deltaBytes());
    }

    @Override
    public void write(ByteWriter w) {
        List<Integer> chunks = chunks();
        int unpadded = 20 + 2 * chunks.size() + deltaBytes();
        // Padded with the P bit, as libwebrtc does and the draft's receivers expect; a parsed
        // packet that came zero-padded is written back in this form.
        RtcpHeader.writeWithPadding(w, FORMAT, RtcpHeader.RTPFB, unpadded);
        w.u32(senderSsrc).u32(mediaSsrc).u16(baseSequence).u16(packets.size())
                .u24(referenceTime & 0xFFFFFF).u8(feedbackPacketCount);
        chunks.forEach(w::u16);
        for (Status s : packets) {
            switch (s.symbol()) {
                case SMALL_DELTA -> w.u8(s.deltaTicks());
                case LARGE_DELTA -> w.u16(s.deltaTicks());
                default -> {
                }
            }
        }
        RtcpHeader.writePadding(w, unpadded);
    }
}
