package dev.jrtc.rtp.send;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers NACKs from a {@link SendHistory}: with RTX packets (RFC 4588, section 4) when RTX was
 * negotiated, else by sending the original packet again. A packet NACKed twice within the
 * throttle interval is sent once.
 *
 * <p>A packet asked for again after the throttle interval was asked for because its retransmission
 * was lost too (or the request for it was). This one packet's path is proven lossy and its frame is
 * already late, so from the second retransmission on it is sent twice (as two RTX packets, each with
 * its own RTX sequence number, so SRTP replay protection keeps both), the second copies after all
 * the first ones of the same answer so that one loss burst rarely takes both; the cost is one
 * packet per second-round repair.
 *
 * <p>On a path that loses many packets, the first retransmission is lost often enough that a
 * second repair round (one more RTT of frozen video) becomes routine; there the caller asks for
 * two copies from the first retransmission on ({@code firstRoundCopies}), at the cost of one
 * extra packet per lost packet.
 */
public final class Retransmitter {
    private final SendHistory history;
    private final long rtxSsrc;
    private final int rtxPayloadType;
    private int rtxSequence;
    private long retransmissions;
    private long redundantRetransmissions;
    private long firstRetransmissions;

    /** Plain retransmission: the original packets again. */
    public static Retransmitter plain(SendHistory history) {
        return new Retransmitter(history, -1, -1, 0);
    }

    /** RTX on {@code rtxSsrc} with {@code rtxPayloadType}; its sequence numbers start at {@code firstSequence}. */
    public static Retransmitter rtx(SendHistory history, long rtxSsrc, int rtxPayloadType, int firstSequence) {
        return new Retransmitter(history, rtxSsrc, rtxPayloadType, firstSequence);
    }

    private Retransmitter(SendHistory history, long rtxSsrc, int rtxPayloadType, int firstSequence) {
        this.history = history;
        this.rtxSsrc = rtxSsrc;
        this.rtxPayloadType = rtxPayloadType;
        this.rtxSequence = firstSequence & 0xFFFF;
    }

    /**
     * The packets that answer a NACK for {@code lost}.
     *
     * @param minIntervalNanos do not resend a packet more often than this (about one RTT)
     */
    public List<byte[]> onNack(long nowNanos, List<Integer> lost, long minIntervalNanos) {
        return onNack(nowNanos, lost, minIntervalNanos, false);
    }

    /**
     * The packets that answer a NACK for {@code lost}.
     *
     * @param minIntervalNanos do not resend a packet more often than this (about one RTT)
     * @param firstRoundCopies send even a first retransmission twice
     */
    public List<byte[]> onNack(long nowNanos, List<Integer> lost, long minIntervalNanos, boolean firstRoundCopies) {
        List<byte[]> out = new ArrayList<>(lost.size());
        List<byte[]> again = null;
        for (int seq : lost) {
            int before = history.claimRetransmission(seq, nowNanos, minIntervalNanos);
            if (before < 0) {
                continue;
            }
            byte[] original = history.copy(seq);
            if (before == 0) {
                firstRetransmissions++;
            }
            out.add(rtxPayloadType < 0 ? original : toRtx(original));
            retransmissions++;
            if (before > 0 || firstRoundCopies) {
                if (again == null) {
                    again = new ArrayList<>();
                }
                again.add(original);
            }
        }
        if (again != null) {
            // The second copies go after all the first ones, so a loss burst rarely takes both.
            for (byte[] original : again) {
                out.add(rtxPayloadType < 0 ? original.clone() : toRtx(original));
                retransmissions++;
                redundantRetransmissions++;
            }
        }
        return out;
    }

    /** The RTX form of a packet: same header with RTX SSRC, payload type and sequence, then OSN and payload. */
    private byte[] toRtx(byte[] original) {
        RtpPacket p;
        try {
            p = RtpPacket.of(original, 0, original.length);
        } catch (ParseException e) {
            throw new IllegalStateException("the send history holds a packet we could not have sent", e);
        }
        int header = p.headerLength();
        byte[] rtx = new byte[header + 2 + p.payloadLength()];
        System.arraycopy(original, 0, rtx, 0, header);
        rtx[0] &= (byte) ~0x20; // the original's padding is not carried over
        rtx[1] = (byte) ((original[1] & 0x80) | rtxPayloadType);
        rtx[2] = (byte) (rtxSequence >>> 8);
        rtx[3] = (byte) rtxSequence;
        rtx[8] = (byte) (rtxSsrc >>> 24);
        rtx[9] = (byte) (rtxSsrc >>> 16);
        rtx[10] = (byte) (rtxSsrc >>> 8);
        rtx[11] = (byte) rtxSsrc;
        rtx[header] = original[2];
        rtx[header + 1] = original[3];
        System.arraycopy(original, p.payloadOffset(), rtx, header + 2, p.payloadLength());
        rtxSequence = (rtxSequence + 1) & 0xFFFF;
        return rtx;
    }

    /** How many packets were asked for the first time, for {@link PathLossEstimate}. */
    public long firstRetransmissions() {
        return firstRetransmissions;
    }

    /** Second copies sent of packets retransmitted more than once (counted in {@link #retransmissions} too). */
    public long redundantRetransmissions() {
        return redundantRetransmissions;
    }

    /** Packets retransmitted so far. */
    public long retransmissions() {
        return retransmissions;
    }
}
