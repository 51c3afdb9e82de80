package dev.jrtc.rtp.receive;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.Unwrapper;
import dev.jrtc.rtp.codec.DepacketizedFrame;
import dev.jrtc.rtp.codec.Depacketizer;
import dev.jrtc.rtp.codec.PayloadSequence;
import java.util.ArrayDeque;

/**
 * Reorders packets, drops duplicates, assembles complete frames and releases them in order after a
 * delay that follows the measured jitter.
 *
 * <p><b>Frames.</b> The buffer is codec-agnostic: the {@link Depacketizer} says which payloads
 * certainly start or end a frame, and a change of RTP timestamp between neighbours marks a boundary
 * too. After a released frame the next packet is known to start a frame; at the very start and
 * after a loss the buffer looks for a complete key frame, because nothing else can be decoded.
 *
 * <p><b>Loss.</b> When the oldest frame stays incomplete for {@link Config#maxWaitNanos()}, the buffer
 * gives it up and from then on drops frames until a key frame is complete; {@link #keyFrameWanted()}
 * tells its owner to ask for one. A stream without repair (no NACK negotiated) waits for a missing
 * packet only as long as the target delay, the time a reordered packet may take: nothing else can
 * bring it, and holding the frames behind it would only make them late (for audio, where every frame
 * decodes on its own, the next frame comes out at once; concealing the gap is the decoder's job).
 *
 * <p><b>Delay.</b> Frame arrival is compared with the fastest arrival seen recently for its RTP
 * timestamp; the smoothed variation, times {@link Config#jitterFactor()}, bounded by the configured
 * minimum and maximum, is the target delay. A complete frame is released no earlier than its
 * fastest-possible arrival plus that target, so a jittery stream plays smoothly and a clean one
 * adds no delay.
 *
 * <p><b>Memory.</b> The slot table starts at {@value #INITIAL_CAPACITY} packets and doubles, up to
 * {@link Config#capacity()}, only when the packets held span more than it; it never shrinks. Payloads
 * are copied into byte arrays that go back to a small spare list when their packet is released, so an
 * idle buffer holds no payload memory and a steady stream allocates only the frames it hands out.
 */
public final class JitterBuffer {
    /**
     * Tuning.
     *
     * @param capacity       packets held, a power of two
     * @param minDelayNanos  the least target delay
     * @param maxDelayNanos  the most target delay
     * @param jitterFactor   target delay per unit of measured jitter
     * @param maxWaitNanos   how long an incomplete frame may hold up the frames behind it
     */
    public record Config(int capacity, long minDelayNanos, long maxDelayNanos, double jitterFactor, long maxWaitNanos) {
        /** Checks the values. */
        public Config {
            if (capacity < 16 || Integer.bitCount(capacity) != 1) {
                throw new IllegalArgumentException("capacity must be a power of two of at least 16");
            }
            if (minDelayNanos < 0 || maxDelayNanos < minDelayNanos || maxWaitNanos <= 0 || jitterFactor < 0) {
                throw new IllegalArgumentException("inconsistent delays");
            }
        }

        /** At most 2048 packets, 0..500 ms target delay at three times the jitter, 1 s wait for a lost packet. */
        public static Config defaults() {
            return new Config(2048, 0, 500_000_000L, 3.0, 1_000_000_000L);
        }
    }

    private static final int FLAG_START = 1;
    private static final int FLAG_END = 2;
    private static final int FLAG_NOT_KEY = 4;
    private static final int FRAMES_PER_OFFSET_WINDOW = 64;
    /** Slots a new buffer starts with: a few frames of video, many of audio. */
    static final int INITIAL_CAPACITY = 64;
    /** Released payload arrays kept for reuse; more than a frame or two is rarely in flight. */
    private static final int MAX_SPARE_ARRAYS = 16;
    private static final int PAYLOAD_ARRAY_BYTES = 1500;

    private final Depacketizer depacketizer;
    private final int clockRate;
    private final Config config;
    private final DropCounters drops;
    private final boolean repairExpected;

    private int capacity;
    private int mask;
    private long[] slotSeq;
    private byte[][] slotData;
    private int[] slotLength;
    private long[] slotTimestamp;
    private byte[] slotFlags;
    private final ArrayDeque<byte[]> spareArrays = new ArrayDeque<>();

    private final Unwrapper timestamps = Unwrapper.forTimestamps();
    private final ArrayDeque<ReceivedFrame> ready = new ArrayDeque<>();
    private final SlotPayloads payloadView = new SlotPayloads();

    private long releasedThrough = -1; // every sequence number up to here is done with
    private long lowestSeq = Long.MAX_VALUE; // only meaningful before the first release
    private long highestSeq = -1;
    private boolean headStartsFrame;
    private boolean waitingForKeyFrame = true;
    private boolean keyFrameWanted;
    private long blockedSinceNanos = -1;
    private long gapSinceNanos = -1; // only without repair: since when a packet at the head is known missing
    private long undecodableSinceNanos = -1;

    private long firstTimestamp = -1;
    private long lastArrivalTimestamp = -1;
    private long lastTransitNanos;
    private double jitterNanos;
    private long offsetMinCurrent = Long.MAX_VALUE;
    private long offsetMinPrevious = Long.MAX_VALUE;
    private int framesInOffsetWindow;

    private long framesReleased;
    private long framesDropped;

    /**
     * @param depacketizer the codec's depacketizer
     * @param clockRate    the RTP clock rate in Hz
     * @param config       tuning
     * @param drops        where drops are counted
     */
    public JitterBuffer(Depacketizer depacketizer, int clockRate, Config config, DropCounters drops) {
        this(depacketizer, clockRate, config, drops, true);
    }

    /**
     * @param depacketizer   the codec's depacketizer
     * @param clockRate      the RTP clock rate in Hz
     * @param config         tuning
     * @param drops          where drops are counted
     * @param repairExpected whether lost packets may still come (NACK was negotiated), so that a gap is
     *                       worth waiting for up to {@link Config#maxWaitNanos()}
     */
    public JitterBuffer(Depacketizer depacketizer, int clockRate, Config config, DropCounters drops,
                        boolean repairExpected) {
        this.repairExpected = repairExpected;
        this.depacketizer = depacketizer;
        this.clockRate = clockRate;
        this.config = config;
        this.drops = drops;
        allocateSlots(Math.min(INITIAL_CAPACITY, config.capacity()));
    }

    private void allocateSlots(int n) {
        capacity = n;
        mask = n - 1;
        slotSeq = new long[n];
        java.util.Arrays.fill(slotSeq, -1);
        slotData = new byte[n][];
        slotLength = new int[n];
        slotTimestamp = new long[n];
        slotFlags = new byte[n];
    }

    /**
     * Doubles the slot table until it spans {@code width} packets or reaches the configured capacity;
     * returns whether it now spans them. Held packets keep their sequence numbers, which lie within
     * one old table width, so they land in distinct slots of the new one.
     */
    private boolean spans(long width) {
        if (width < capacity) {
            return true;
        }
        if (capacity == config.capacity()) {
            return false;
        }
        int n = capacity;
        while (n <= width && n < config.capacity()) {
            n <<= 1;
        }
        long floor = floor();
        long[] oldSeq = slotSeq;
        byte[][] oldData = slotData;
        int[] oldLength = slotLength;
        long[] oldTimestamp = slotTimestamp;
        byte[] oldFlags = slotFlags;
        allocateSlots(n);
        for (int i = 0; i < oldSeq.length; i++) {
            long seq = oldSeq[i];
            if (seq < 0 || seq < floor) {
                recycle(oldData[i]);
                continue;
            }
            int j = (int) (seq & mask);
            slotSeq[j] = seq;
            slotData[j] = oldData[i];
            slotLength[j] = oldLength[i];
            slotTimestamp[j] = oldTimestamp[i];
            slotFlags[j] = oldFlags[i];
        }
        return width < capacity;
    }

    /** The number of packets the slot table holds now (it grows on demand up to {@link Config#capacity()}). */
    public int currentCapacity() {
        return capacity;
    }

    private byte[] payloadArray(int len) {
        byte[] a = spareArrays.poll();
        return a != null && a.length >= len ? a : new byte[Math.max(len, PAYLOAD_ARRAY_BYTES)];
    }

    private void recycle(byte[] a) {
        if (a != null && spareArrays.size() < MAX_SPARE_ARRAYS) {
            spareArrays.push(a);
        }
    }

    /**
     * Adds a packet. The packet's bytes are borrowed; the payload is copied.
     *
     * @param extendedSeq   its unwrapped sequence number
     * @param retransmitted whether it came through RTX, so its arrival time says nothing about jitter
     */
    public void insert(long nowNanos, RtpPacket packet, long extendedSeq, boolean retransmitted) {
        if (releasedThrough >= 0 && extendedSeq <= releasedThrough) {
            drops.count(DropReason.TOO_LATE);
            return;
        }
        if (highestSeq >= 0 && !makeRoomFor(extendedSeq)) {
            return;
        }
        int i = (int) (extendedSeq & mask);
        if (slotSeq[i] == extendedSeq) {
            drops.count(DropReason.DUPLICATE);
            return;
        }
        int len = packet.payloadLength();
        byte[] b = packet.array();
        int off = packet.payloadOffset();
        if (slotData[i] == null || slotData[i].length < len) {
            recycle(slotData[i]);
            slotData[i] = payloadArray(len);
        }
        System.arraycopy(b, off, slotData[i], 0, len);
        slotSeq[i] = extendedSeq;
        slotLength[i] = len;
        long ts = timestamps.unwrap(packet.timestamp());
        slotTimestamp[i] = ts;
        int flags = (depacketizer.startsFrame(b, off, len) ? FLAG_START : 0)
                | (depacketizer.endsFrame(b, off, len, packet.marker()) ? FLAG_END : 0);
        slotFlags[i] = (byte) flags;
        highestSeq = Math.max(highestSeq, extendedSeq);
        lowestSeq = Math.min(lowestSeq, extendedSeq);
        if (!retransmitted) {
            measureArrival(nowNanos, ts);
        }
        assemble(nowNanos);
    }

    /** Keeps the window at most {@code capacity} packets wide; returns false if the packet is dropped. */
    private boolean makeRoomFor(long seq) {
        long floor = floor();
        if (seq < floor) {
            if (!spans(highestSeq - seq)) {
                drops.count(DropReason.TOO_LATE);
                return false;
            }
            return true;
        }
        if (spans(seq - floor)) {
            return true;
        }
        if (seq - highestSeq >= config.capacity()) {
            // A jump so far ahead that everything held is useless: start over from this packet.
            discardThrough(highestSeq);
        } else {
            discardThrough(seq - config.capacity());
        }
        drops.count(DropReason.TOO_FAR_AHEAD);
        loseSync();
        return true;
    }

    private long floor() {
        return releasedThrough >= 0 ? releasedThrough + 1 : lowestSeq;
    }

    private void measureArrival(long nowNanos, long ts) {
        if (ts == lastArrivalTimestamp) {
            return; // only the first packet of a frame (in arrival order) is timed: see below
        }
        if (firstTimestamp < 0) {
            firstTimestamp = ts;
        }
        long mediaNanos = (ts - firstTimestamp) * 1_000_000_000L / clockRate;
        long offset = nowNanos - mediaNanos;
        // One jitter sample per frame: packets of one frame share a timestamp and are spread by
        // pacing, not by the network.
        if (lastArrivalTimestamp >= 0) {
            long d = Math.abs(offset - lastTransitNanos);
            jitterNanos += (d - jitterNanos) / 16.0;
        }
        lastTransitNanos = offset;
        lastArrivalTimestamp = ts;
        if (++framesInOffsetWindow >= FRAMES_PER_OFFSET_WINDOW) {
            offsetMinPrevious = offsetMinCurrent;
            offsetMinCurrent = Long.MAX_VALUE;
            framesInOffsetWindow = 0;
        }
        offsetMinCurrent = Math.min(offsetMinCurrent, offset);
    }

    /** The delay the buffer now adds to a frame that arrives as fast as any recent one. */
    public long targetDelayNanos() {
        long target = (long) (config.jitterFactor() * jitterNanos);
        return Math.max(config.minDelayNanos(), Math.min(config.maxDelayNanos(), target));
    }

    /** The smoothed frame arrival jitter in nanoseconds. */
    public long jitterNanos() {
        return (long) jitterNanos;
    }

    private boolean present(long seq) {
        return slotSeq[(int) (seq & mask)] == seq;
    }

    private boolean isStart(long seq) {
        int i = (int) (seq & mask);
        if ((slotFlags[i] & FLAG_START) != 0) {
            return true;
        }
        if (!present(seq - 1)) {
            return false;
        }
        int p = (int) ((seq - 1) & mask);
        return (slotFlags[p] & FLAG_END) != 0 || slotTimestamp[p] != slotTimestamp[i];
    }

    /** The last sequence number of the frame starting at {@code start}, or -1 while it is incomplete. */
    private long frameEnd(long start) {
        long ts = slotTimestamp[(int) (start & mask)];
        for (long k = start; k <= highestSeq && k - start < capacity; k++) {
            if (!present(k)) {
                return -1;
            }
            int i = (int) (k & mask);
            if ((slotFlags[i] & FLAG_END) != 0) {
                return k;
            }
            // A new timestamp right after is a boundary even without a marker bit.
            if (present(k + 1) && slotTimestamp[(int) ((k + 1) & mask)] != ts) {
                return k;
            }
        }
        return -1;
    }

    private void assemble(long nowNanos) {
        while (true) {
            if (headStartsFrame) {
                long head = releasedThrough + 1;
                long end = present(head) ? frameEnd(head) : -1;
                if (end < 0) {
                    if (blockedSinceNanos < 0 && highestSeq >= head) {
                        blockedSinceNanos = nowNanos;
                    }
                    if (!repairExpected && gapSinceNanos < 0 && missingFrom(head)) {
                        gapSinceNanos = nowNanos;
                    }
                    if (giveUpAtNanos() > nowNanos) {
                        return;
                    }
                    drops.count(DropReason.INCOMPLETE_FRAME);
                    blockedSinceNanos = -1;
                    gapSinceNanos = -1;
                    loseSync();
                    continue;
                }
                release(nowNanos, head, end);
            } else if (!releaseFirstCompleteKeyFrame(nowNanos)) {
                return;
            }
        }
    }

    /** Out of sync: looks for a complete key frame anywhere, dropping what comes before it. */
    private boolean releaseFirstCompleteKeyFrame(long nowNanos) {
        if (highestSeq < 0) {
            return false;
        }
        for (long s = floor(); s <= highestSeq; s++) {
            if (!present(s) || !isStart(s)) {
                continue;
            }
            long end = frameEnd(s);
            if (end < 0) {
                continue;
            }
            int i = (int) (s & mask);
            if ((slotFlags[i] & FLAG_NOT_KEY) != 0) {
                s = end;
                continue;
            }
            DepacketizedFrame f = depacketize(s, end);
            if (f == null || !f.keyFrame()) {
                // Complete but useless without a key frame; remember, so the next scan skips it.
                slotFlags[i] |= FLAG_NOT_KEY;
                undecodableSinceNanos = undecodableSinceNanos < 0 ? nowNanos : undecodableSinceNanos;
                s = end;
                continue;
            }
            discardThrough(s - 1);
            enqueue(nowNanos, s, end, f);
            return true;
        }
        // Frames we cannot decode keep arriving. The key frame before them may still be under repair
        // (a join with loss), so ask for a new one only if that takes a while.
        if (undecodableSinceNanos >= 0 && nowNanos - undecodableSinceNanos >= config.maxWaitNanos() / 4) {
            keyFrameWanted = true;
        }
        return false;
    }

    private void release(long nowNanos, long start, long end) {
        DepacketizedFrame f = depacketize(start, end);
        if (f == null || waitingForKeyFrame && !f.keyFrame()) {
            if (f != null) {
                drops.count(DropReason.UNDECODABLE_FRAME);
            }
            // The frame boundary is still known; only decodability is lost.
            discardThrough(end);
            headStartsFrame = true;
            markUndecodable();
            return;
        }
        enqueue(nowNanos, start, end, f);
    }

    private DepacketizedFrame depacketize(long start, long end) {
        payloadView.set(start, (int) (end - start + 1));
        try {
            return depacketizer.depacketize(payloadView);
        } catch (ParseException e) {
            drops.count(DropReason.MALFORMED_PAYLOAD);
            return null;
        }
    }

    private void enqueue(long nowNanos, long start, long end, DepacketizedFrame f) {
        long ts = slotTimestamp[(int) (start & mask)];
        long release = nowNanos;
        if (firstTimestamp >= 0 && offsetMinCurrent != Long.MAX_VALUE) {
            long fastest = Math.min(offsetMinCurrent, offsetMinPrevious)
                    + (ts - firstTimestamp) * 1_000_000_000L / clockRate;
            release = Math.max(nowNanos, fastest + targetDelayNanos());
        }
        ready.add(new ReceivedFrame(ts & 0xFFFF_FFFFL, start, end, f, nowNanos, release));
        discardThrough(end);
        headStartsFrame = true;
        if (f.keyFrame()) {
            waitingForKeyFrame = false;
            keyFrameWanted = false;
            undecodableSinceNanos = -1;
        }
    }

    /** Forgets every packet up to and including {@code seq}. */
    private void discardThrough(long seq) {
        long from = floor();
        if (seq - from >= capacity) {
            from = seq - capacity + 1;
        }
        for (long k = from; k <= seq; k++) {
            int i = (int) (k & mask);
            if (slotSeq[i] == k) {
                slotSeq[i] = -1;
                recycle(slotData[i]);
                slotData[i] = null;
            }
        }
        if (seq > releasedThrough) {
            releasedThrough = seq;
        }
        blockedSinceNanos = -1;
        gapSinceNanos = -1;
    }

    private void markUndecodable() {
        waitingForKeyFrame = true;
        keyFrameWanted = true;
        framesDropped++;
    }

    private void loseSync() {
        headStartsFrame = false;
        markUndecodable();
    }

    /** Whether a packet from {@code seq} up to the highest one received is missing (not merely still on its way). */
    private boolean missingFrom(long seq) {
        for (long k = seq; k <= highestSeq; k++) {
            if (!present(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * When the incomplete frame at the head is given up, or {@code Long.MAX_VALUE} when none blocks:
     * after {@link Config#maxWaitNanos()} in any case, and without repair once a packet has been
     * missing for the target delay (see the class comment on loss).
     */
    private long giveUpAtNanos() {
        long at = blockedSinceNanos < 0 ? Long.MAX_VALUE : blockedSinceNanos + config.maxWaitNanos();
        if (gapSinceNanos >= 0) {
            at = Math.min(at, gapSinceNanos + targetDelayNanos());
        }
        return at;
    }

    /** Gives up on a frame that has waited too long. Call on every timeout. */
    public void handleTimeout(long nowNanos) {
        assemble(nowNanos);
    }

    /** The next frame whose release time has come, or {@code null}. */
    public ReceivedFrame poll(long nowNanos) {
        ReceivedFrame head = ready.peek();
        if (head == null || head.releasedAtNanos() > nowNanos) {
            return null;
        }
        framesReleased++;
        return ready.poll();
    }

    /** When the buffer next needs {@link #handleTimeout} or {@link #poll}, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        long d = Long.MAX_VALUE;
        ReceivedFrame head = ready.peek();
        if (head != null) {
            d = head.releasedAtNanos();
        }
        d = Math.min(d, giveUpAtNanos());
        if (undecodableSinceNanos >= 0 && !keyFrameWanted) {
            d = Math.min(d, undecodableSinceNanos + config.maxWaitNanos() / 4);
        }
        return d;
    }

    /** Whether the decoder is stuck until a key frame arrives, and one should be requested. */
    public boolean keyFrameWanted() {
        return keyFrameWanted;
    }

    /** Frames handed out so far. */
    public long framesReleased() {
        return framesReleased;
    }

    /** Frames given up or dropped as undecodable. */
    public long framesDropped() {
        return framesDropped;
    }

    /** The payloads of slots {@code [start, start + count)}, without copying. */
    private final class SlotPayloads implements PayloadSequence {
        private long start;
        private int count;

        void set(long start, int count) {
            this.start = start;
            this.count = count;
        }

        @Override
        public int size() {
            return count;
        }

        @Override
        public byte[] array(int i) {
            return slotData[(int) ((start + i) & mask)];
        }

        @Override
        public int offset(int i) {
            return 0;
        }

        @Override
        public int length(int i) {
            return slotLength[(int) ((start + i) & mask)];
        }
    }
}
