package dev.jrtc.rtp.receive;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides which lost packets to NACK and when (RFC 4585, section 6.2.1).
 *
 * <p><b>First request.</b> A gap in sequence numbers puts the missing ones on a list, and each is
 * NACKed as soon as a short reordering grace has passed (the caller sends the NACK at once, not at
 * the next report interval). The packets of one frame leave together and may swap places on the
 * way, so a gap revealed by a packet of the same frame as the newest one waits the configured
 * grace. A gap revealed by the first packet of a new frame lies between frames, which evenly paced
 * packets do not swap: it is NACKed at once, until a packet missing across a frame boundary is seen
 * to arrive late on its own; from then on those gaps wait as long as that took (at most the grace).
 *
 * <p><b>Tail loss.</b> When the last packet of a frame is lost, no gap shows until the next frame,
 * which may be a frame interval or, for a still picture, seconds away. So when the newest packet does
 * not end a frame (no marker bit), the next sequence number is known to exist; if it has not come
 * after the reordering grace plus twice the usual gap between the packets of one frame, it is
 * NACKed like any other missing packet (a tail-loss probe, as in TCP).
 *
 * <p><b>Head loss.</b> Likewise, when the very first packet received does not start a key frame,
 * the packets before it (the start of the key frame a stream begins with) were lost: the
 * {@value #HEAD_WINDOW} before it are NACKed at once, and the window moves back as they arrive,
 * until a key-frame start arrives; requests for packets before that start are then dropped (the
 * stream may not go back that far). Asking one packet per round trip would take a second to undo
 * a long loss burst at the start, and a join with loss would cost a key-frame request instead.
 *
 * <p><b>Retries.</b> A retransmission is overdue when one repair round trip has passed. That round
 * trip is measured here, from the NACK of a packet to the arrival of its retransmission (Karn's
 * rule: only packets asked for once; of the request and its copies, the one that fits the RTCP RTT
 * best), and smoothed as TCP smooths its RTT (RFC 6298): {@code srtt + max(margin, 4 * rttvar)}.
 * Until a retransmission has been
 * timed, the RTT from RTCP plus the margin (or an eighth of it) stands in. A packet is asked for
 * again after that interval until it arrives, it has been asked for {@code maxRetries} times, or it
 * is older than {@code maxAge}.
 *
 * <p><b>Redundancy.</b> A NACK lost on the way back would cost a whole retry interval, so every
 * request is repeated {@code redundantCopies} times, {@code min(redundancyDelay, retry / (4 *
 * copies))} apart, in the next NACKs that go out (copies, which do not count as tries). NACKs are
 * small, so this costs little next to a retry interval of frozen video. The sender ignores a
 * request for a packet it resent less than half an RTT ago, so when several arrive only one
 * retransmission follows; and it sends a packet asked for again after that (its retransmission
 * was lost) twice, see {@link dev.jrtc.rtp.send.Retransmitter}.
 *
 * <p>A gap too big to be worth repairing clears the list and reports that a key frame is needed
 * instead.
 */
public final class NackGenerator {
    /**
     * Tuning.
     *
     * @param maxRetries            how many times one packet is asked for (copies not counted)
     * @param reorderGraceNanos     how long a gap may be reordering before the first NACK
     * @param minRetryIntervalNanos the least time between two NACKs of one packet
     * @param retryMarginNanos      the least time past the expected repair round trip before a retry
     * @param redundantCopies       how many times each request is repeated soon after (0 for none)
     * @param redundancyDelayNanos  the most time between a request and its copy, and between copies
     * @param maxAgeNanos           stop asking for a packet missing this long
     * @param maxListSize           a gap larger than this is not repaired
     */
    public record Config(int maxRetries, long reorderGraceNanos, long minRetryIntervalNanos, long retryMarginNanos,
                         int redundantCopies, long redundancyDelayNanos, long maxAgeNanos, int maxListSize) {
        /** Checks the values. */
        public Config {
            if (maxRetries < 1 || reorderGraceNanos < 0 || minRetryIntervalNanos <= 0 || retryMarginNanos < 0
                    || redundantCopies < 0 || redundancyDelayNanos < 0 || redundantCopies > 0 && redundancyDelayNanos == 0
                    || maxAgeNanos <= 0 || maxListSize < 1) {
                throw new IllegalArgumentException("invalid NACK configuration");
            }
        }

        /**
         * 10 tries; 5 ms reordering grace; retries at least 10 ms apart and 5 ms past the repair round
         * trip; each request repeated twice, up to 10 ms apart; 1 s age; 1000 packets.
         */
        public static Config defaults() {
            return new Config(10, 5_000_000L, 10_000_000L, 5_000_000L, 2, 10_000_000L, 1_000_000_000L, 1000);
        }
    }

    private static final long NEVER = Long.MAX_VALUE;
    /** How many packets before the oldest one the head probe asks for at once. */
    static final int HEAD_WINDOW = 8;

    private static final class Missing {
        final long detectedAtNanos;
        final boolean betweenFrames;
        long nextSendAtNanos;
        long copyAtNanos = NEVER;
        long[] copiesSentAtNanos; // of the first try, to tell which request a retransmission answered
        long copyDelayNanos;
        long firstSentAtNanos = -1;
        int copiesLeft;
        int sent;

        Missing(long detectedAtNanos, long nextSendAtNanos, boolean betweenFrames) {
            this.detectedAtNanos = detectedAtNanos;
            this.nextSendAtNanos = nextSendAtNanos;
            this.betweenFrames = betweenFrames;
        }
    }

    private final Config config;
    private final TreeMap<Long, Missing> missing = new TreeMap<>();
    private long highest = -1;
    private boolean keyFrameWanted;
    private long nacksSent;
    private long copiesSent;
    private long packetsGivenUp;
    private long rtcpRttNanos;
    private long srttNanos = -1;
    private long rttvarNanos;
    private long highestArrivalNanos;
    private boolean highestEndsFrame = true;
    private long intraFrameGapNanos;
    private long tailProbeAtNanos = NEVER;
    private long tailProbes;
    private long highestTimestamp = -1;
    private long betweenFramesGraceNanos;
    private long lowest = -1;
    private boolean headOpen;
    private int headProbes;
    private long headFloor = Long.MAX_VALUE;

    /** A generator with the given tuning. */
    public NackGenerator(Config config) {
        this.config = config;
    }

    /**
     * Notes a packet that arrived for the first time or late, not known to be a retransmission, and
     * of a frame of unknown bounds (so gaps wait the full grace and no head or tail probe follows).
     */
    public void onPacket(long nowNanos, long extendedSeq) {
        onPacket(nowNanos, extendedSeq, highestTimestamp, false, true, true);
    }

    /**
     * Notes a packet that arrived (first time, late, or retransmitted).
     *
     * @param rtpTimestamp  its RTP timestamp, which tells frames apart
     * @param retransmitted whether it came as a retransmission (RTX), so its delay times the repair
     * @param startsFrame   whether it certainly is the first packet of its frame
     * @param endsFrame     whether it is the last packet of its frame (the marker bit, for video)
     */
    public void onPacket(long nowNanos, long extendedSeq, long rtpTimestamp, boolean retransmitted,
                         boolean startsFrame, boolean endsFrame) {
        onPacket(nowNanos, extendedSeq, rtpTimestamp, retransmitted, startsFrame, endsFrame, startsFrame);
    }

    /**
     * Notes a packet that arrived, knowing whether it starts a key frame: a stream whose oldest
     * packet starts only a delta frame lost its key frame, so the head probe goes on.
     *
     * @param startsKeyFrame whether it is the first packet of a key frame
     */
    public void onPacket(long nowNanos, long extendedSeq, long rtpTimestamp, boolean retransmitted,
                         boolean startsFrame, boolean endsFrame, boolean startsKeyFrame) {
        if (highest < 0) {
            highestTimestamp = rtpTimestamp;
            highest = extendedSeq;
            lowest = extendedSeq;
            headOpen = !startsKeyFrame;
            noteHighest(nowNanos, endsFrame);
            probeHead(nowNanos);
            return;
        }
        if (extendedSeq <= highest) {
            if (!missing.isEmpty()) {
                Missing m = missing.remove(extendedSeq);
                if (m != null && retransmitted && m.sent == 1) {
                    onRepairTimed(nowNanos, m);
                } else if (m != null && !retransmitted && m.betweenFrames) {
                    // Reordered across a frame boundary after all: wait that long for such gaps.
                    betweenFramesGraceNanos = Math.min(config.reorderGraceNanos(),
                            Math.max(betweenFramesGraceNanos, nowNanos - m.detectedAtNanos));
                }
            }
            if (extendedSeq == highest) {
                noteHighest(nowNanos, endsFrame); // the packet a tail-loss probe asked for
            }
            if (extendedSeq < lowest) {
                onBelowLowest(nowNanos, extendedSeq, startsKeyFrame);
            }
            return;
        }
        if (extendedSeq == highest + 1 && !highestEndsFrame && !retransmitted) {
            // The next packet of the same frame: how far apart the sender's pacing puts them.
            intraFrameGapNanos += (nowNanos - highestArrivalNanos - intraFrameGapNanos) / 8;
        }
        long gap = extendedSeq - highest - 1;
        if (gap > config.maxListSize()) {
            // Too many to repair one by one; a key frame is the cheaper fix.
            packetsGivenUp += missing.size() + gap;
            missing.clear();
            keyFrameWanted = true;
        } else {
            boolean betweenFrames = startsFrame && rtpTimestamp != highestTimestamp;
            long grace = betweenFrames ? betweenFramesGraceNanos : config.reorderGraceNanos();
            for (long s = highest + 1; s < extendedSeq; s++) {
                missing.put(s, new Missing(nowNanos, nowNanos + grace, betweenFrames));
            }
            while (missing.size() > config.maxListSize()) {
                missing.pollFirstEntry();
                packetsGivenUp++;
                keyFrameWanted = true;
            }
        }
        highest = extendedSeq;
        highestTimestamp = rtpTimestamp;
        noteHighest(nowNanos, endsFrame);
    }

    /** A packet older than any seen: those between it and the oldest are missing too. */
    private void onBelowLowest(long nowNanos, long seq, boolean startsKeyFrame) {
        if (lowest - seq > config.maxListSize()) {
            return; // not part of this stream's start; nothing to repair
        }
        for (long s = seq + 1; s < lowest; s++) {
            if (!missing.containsKey(s)) {
                missing.put(s, new Missing(nowNanos, nowNanos + config.reorderGraceNanos(), false));
            }
        }
        lowest = seq;
        if (headOpen && startsKeyFrame) {
            headOpen = false;
            // The stream decodes from this key frame on; what the window asked for before it is moot.
            missing.headMap(seq).clear();
        }
        probeHead(nowNanos);
    }

    /** While the oldest packet is not a key-frame start, asks for the window of packets before it. */
    private void probeHead(long nowNanos) {
        if (!headOpen) {
            return;
        }
        for (long s = Math.min(lowest, headFloor) - 1; s >= 0 && s >= lowest - HEAD_WINDOW; s--) {
            if (headProbes >= config.maxListSize()) {
                return;
            }
            headProbes++;
            headFloor = s;
            missing.putIfAbsent(s, new Missing(nowNanos, nowNanos + config.reorderGraceNanos(), false));
        }
    }

    private void noteHighest(long nowNanos, boolean endsFrame) {
        highestArrivalNanos = nowNanos;
        highestEndsFrame = endsFrame;
        tailProbeAtNanos = endsFrame ? NEVER
                : nowNanos + config.reorderGraceNanos() + 2 * Math.max(0, intraFrameGapNanos);
    }

    /**
     * Times the repair of a packet asked for once (Karn's rule). The retransmission answers the
     * request or one of its copies (when the request was lost): the one whose round trip is nearest
     * the RTT from RTCP, a measurement of its own, so the estimate cannot talk itself down. Smoothed
     * as in RFC 6298, section 2, except that the first sample's variance is taken as a sixteenth of
     * it, not a half: a retry that comes too early costs one duplicate packet, one that comes too
     * late costs a frozen frame.
     */
    private void onRepairTimed(long nowNanos, Missing m) {
        long sampleNanos = nowNanos - m.firstSentAtNanos;
        if (m.copiesSentAtNanos != null && rtcpRttNanos > 0) {
            for (long sentAt : m.copiesSentAtNanos) {
                if (sentAt > 0 && Math.abs(nowNanos - sentAt - rtcpRttNanos) < Math.abs(sampleNanos - rtcpRttNanos)) {
                    sampleNanos = nowNanos - sentAt;
                }
            }
        }
        if (sampleNanos <= 0) {
            return;
        }
        if (srttNanos < 0) {
            srttNanos = sampleNanos;
            rttvarNanos = sampleNanos / 16;
        } else {
            rttvarNanos = (3 * rttvarNanos + Math.abs(srttNanos - sampleNanos)) / 4;
            srttNanos = (7 * srttNanos + sampleNanos) / 8;
        }
    }

    /** How long after a NACK its retransmission is overdue, given the RTT from RTCP. */
    public long retryIntervalNanos(long rttNanos) {
        long rto = srttNanos >= 0
                ? srttNanos + Math.max(config.retryMarginNanos(), 4 * rttvarNanos)
                : rttNanos + Math.max(config.retryMarginNanos(), rttNanos / 8);
        return Math.max(config.minRetryIntervalNanos(), rto);
    }

    /** The smoothed time from a first NACK to its retransmission's arrival, or -1 before one was timed. */
    public long repairRoundTripNanos() {
        return srttNanos;
    }

    /**
     * The sequence numbers (low 16 bits) to NACK now, oldest first. Each counts as one more try,
     * except copies of a recent request.
     *
     * @param rttNanos the current round-trip estimate from RTCP
     */
    public List<Integer> due(long nowNanos, long rttNanos) {
        if (tailProbeAtNanos <= nowNanos) {
            // The frame's end is overdue: the packet after the newest one is missing.
            tailProbeAtNanos = NEVER;
            highest++;
            missing.put(highest, new Missing(nowNanos, nowNanos, false));
            tailProbes++;
        }
        if (missing.isEmpty()) {
            return List.of();
        }
        rtcpRttNanos = rttNanos;
        long retry = retryIntervalNanos(rttNanos);
        long copyDelay = config.redundantCopies() == 0 ? 0
                : Math.max(1, Math.min(config.redundancyDelayNanos(), retry / (4L * config.redundantCopies())));
        List<Integer> out = new ArrayList<>();
        for (Iterator<Map.Entry<Long, Missing>> it = missing.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Missing m = e.getValue();
            if (nowNanos - m.detectedAtNanos >= config.maxAgeNanos()
                    || m.sent >= config.maxRetries() && m.nextSendAtNanos <= nowNanos) {
                it.remove();
                packetsGivenUp++;
                continue;
            }
            if (m.nextSendAtNanos <= nowNanos) {
                out.add((int) (e.getKey() & 0xFFFF));
                if (m.sent++ == 0) {
                    m.firstSentAtNanos = nowNanos;
                    if (copyDelay > 0) {
                        m.copiesSentAtNanos = new long[config.redundantCopies()];
                    }
                }
                m.nextSendAtNanos = nowNanos + retry;
                m.copiesLeft = copyDelay > 0 ? config.redundantCopies() : 0;
                m.copyAtNanos = copyDelay > 0 ? nowNanos + copyDelay : NEVER;
                m.copyDelayNanos = copyDelay;
                nacksSent++;
            } else if (m.copyAtNanos <= nowNanos) {
                out.add((int) (e.getKey() & 0xFFFF));
                if (m.sent == 1) {
                    m.copiesSentAtNanos[config.redundantCopies() - m.copiesLeft] = nowNanos;
                }
                m.copyAtNanos = --m.copiesLeft > 0 ? nowNanos + m.copyDelayNanos : NEVER;
                copiesSent++;
            }
        }
        return out;
    }

    /** When {@link #due} next has something, or {@code Long.MAX_VALUE}. */
    public long nextDeadlineNanos() {
        long d = tailProbeAtNanos;
        for (Missing m : missing.values()) {
            d = Math.min(d, Math.min(Math.min(m.nextSendAtNanos, m.copyAtNanos), m.detectedAtNanos + config.maxAgeNanos()));
        }
        return d;
    }

    /** Whether a gap was too large to repair, once; reading clears it. */
    public boolean takeKeyFrameWanted() {
        boolean w = keyFrameWanted;
        keyFrameWanted = false;
        return w;
    }

    /** Packets currently missing. */
    public int missingCount() {
        return missing.size();
    }

    /** Sequence numbers put in NACKs as tries so far, retries included, copies not. */
    public long nacksSent() {
        return nacksSent;
    }

    /** Redundant copies of recent requests sent so far. */
    public long copiesSent() {
        return copiesSent;
    }

    /** Tail-loss probes made: frames whose last packet was overdue with nothing after it. */
    public long tailProbes() {
        return tailProbes;
    }

    /** Packets no longer asked for. */
    public long packetsGivenUp() {
        return packetsGivenUp;
    }
}
