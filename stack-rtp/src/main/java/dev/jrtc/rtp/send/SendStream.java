package dev.jrtc.rtp.send;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.ParseException;
import dev.jrtc.common.WallClock;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.HeaderExtension;
import dev.jrtc.rtp.NtpTime;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.RtcpInterval;
import dev.jrtc.rtp.RttEstimator;
import dev.jrtc.rtp.RtpEvents;
import dev.jrtc.rtp.rtcp.ExtendedReport;
import dev.jrtc.rtp.rtcp.FullIntraRequest;
import dev.jrtc.rtp.rtcp.GenericNack;
import dev.jrtc.rtp.rtcp.PictureLossIndication;
import dev.jrtc.rtp.rtcp.ReceiverReport;
import dev.jrtc.rtp.rtcp.ReportBlock;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import dev.jrtc.rtp.rtcp.RtcpPacket;
import dev.jrtc.rtp.rtcp.SenderReport;
import dev.jrtc.rtp.rtcp.SourceDescription;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The send side of one media stream, sans-IO: frames in, RTP packets out; NACKs answered from the
 * history (RTX or plain), key-frame requests passed up, sender reports with the NTP-to-RTP mapping
 * and XR DLRR answers sent, RTT measured from the receiver's report blocks.
 *
 * <p>With {@link SendOptions#withTransportSequence}, every packet (media, RTX and plain
 * retransmissions alike) carries a transport-wide sequence number: the packetizer reserves the
 * two-byte element and {@link #poll()} fills it in, so the numbers follow the order in which the
 * packets leave. With {@link SendOptions#withRtcpInterval}, reports follow RFC 3550's randomized
 * interval instead of the fixed one.
 *
 * <p><b>Repair on lossy paths.</b> The stream estimates from the NACKs it gets how many of its
 * packets go missing ({@link #estimatedLoss()}). From {@value #REDUNDANT_REPAIR_LOSS} on, it sends
 * every retransmission twice, and second copies always wait for the next frame's packets (or
 * {@code COPY_HOLD_NANOS}) so that one loss burst does not take both.
 */
public final class SendStream {
    /**
     * Until the RTT is measured, only requests this close together are taken as one: long enough to
     * absorb the receiver's redundant copies of a NACK, short enough that only on a path under 20 ms
     * could a retry be swallowed, and there the next one follows soon.
     */
    private static final long UNKNOWN_RTT_THROTTLE_NANOS = 20_000_000L;
    /**
     * Above this estimated loss, first retransmissions go out twice: at 3 % a lost repair is
     * frequent enough to cost a frame a whole extra repair round now and then, while a second copy
     * adds only 3 % to the bitrate.
     */
    static final double REDUNDANT_REPAIR_LOSS = 0.03;
    /**
     * The second copy of a retransmission waits for the next frame's packets to go out first, or
     * this long at most: losses come in bursts, and a copy right behind the first is lost with it.
     */
    static final long COPY_HOLD_NANOS = 20_000_000L;
    /** The longest the send history keeps packets, whatever the RTT (see {@link #historyRetention}). */
    static final long MAX_HISTORY_RETENTION_NANOS = 2_000_000_000L;

    private final SendConfig config;
    private final WallClock wallClock;
    private final RtpPacketizer packetizer;
    private final SendHistory history;
    private final Retransmitter retransmitter;
    private final SenderReportGenerator reports;
    private final RttEstimator rtt = new RttEstimator();
    private final PathLossEstimate pathLoss = new PathLossEstimate();
    private final ArrayDeque<byte[]> heldCopies = new ArrayDeque<>();
    private long heldCopiesReleaseNanos = Long.MAX_VALUE;
    private final DropCounters drops = new DropCounters();
    private final ArrayDeque<Output> outputs = new ArrayDeque<>();
    private final SendOptions options;
    private final List<HeaderExtension> reservedElements;
    private final RtpPacket stampView = new RtpPacket();
    private boolean reportSent;
    private long now;
    private long nextReportNanos = Long.MIN_VALUE;
    private long lastRrtrCompact;
    private long lastRrtrArrivalNanos;
    private long lastRrtrSsrc = -1;

    /**
     * @param config    what was negotiated
     * @param wallClock for the NTP time of sender reports
     */
    public SendStream(SendConfig config, WallClock wallClock) {
        this(config, wallClock, SendOptions.none());
    }

    /**
     * @param config    what was negotiated
     * @param wallClock for the NTP time of sender reports
     * @param options   what this stream shares with its transport
     */
    public SendStream(SendConfig config, WallClock wallClock, SendOptions options) {
        this.config = config;
        this.options = java.util.Objects.requireNonNull(options, "options");
        this.reservedElements = options.transportSequencer() == null ? List.of()
                : List.of(new HeaderExtension(options.transportSequenceId(), new byte[2]));
        this.wallClock = wallClock;
        this.packetizer = new RtpPacketizer(config.packetizerFactory().get(), config.ssrc(), config.payloadType(),
                config.maxPacketSize(), config.firstSequence());
        this.history = new SendHistory(config.historySize());
        this.retransmitter = config.rtxPayloadType() < 0 ? Retransmitter.plain(history)
                : Retransmitter.rtx(history, config.rtxSsrc(), config.rtxPayloadType(), config.firstSequence() ^ 0x5A5A);
        this.reports = new SenderReportGenerator(config.ssrc(), config.clockRate());
    }

    private void advance(long nowNanos) {
        if (nowNanos > now) {
            now = nowNanos;
        }
    }

    /** Sends one encoded frame captured now with RTP timestamp {@code rtpTimestamp}. */
    public void sendFrame(long nowNanos, byte[] frame, long rtpTimestamp) {
        advance(nowNanos);
        for (byte[] p : packetizer.packetize(frame, rtpTimestamp, reservedElements)) {
            int seq = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
            history.put(now, seq, p, 0, p.length);
            pathLoss.onSent();
            reports.onPacketSent(rtpTimestamp, now, p.length - 12);
            outputs.add(new RtpEvents.SendRtp(p));
        }
        releaseHeldCopies();
        scheduleReports();
    }

    /** An RTCP datagram from the receiver; {@code buf} is borrowed. */
    public void handleRtcp(long nowNanos, byte[] buf, int off, int len) {
        advance(nowNanos);
        if (options.rtcpInterval() != null) {
            options.rtcpInterval().onCompound(len);
        }
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.parse(buf, off, len);
        } catch (ParseException e) {
            drops.count(DropReason.MALFORMED_RTCP);
            return;
        }
        for (RtcpPacket p : packets) {
            onRtcpPacket(p);
        }
    }

    private void onRtcpPacket(RtcpPacket p) {
        if (p instanceof GenericNack n && n.mediaSsrc() == config.ssrc() && !config.answersNacks()) {
            drops.count(DropReason.UNNEGOTIATED_FEEDBACK);
        } else if (p instanceof GenericNack n && n.mediaSsrc() == config.ssrc()) {
            // A request that arrives less than half an RTT after we resent the packet was sent before
            // our answer could have reached the receiver (its redundant copy, or a retry that crossed
            // the retransmission). A genuine retry after a lost retransmission comes a full repair
            // round trip after the first request, so it is never swallowed.
            long throttle = rtt.latestNanos() < 0 ? UNKNOWN_RTT_THROTTLE_NANOS : rtt.smoothedNanos(0) / 2;
            long firstBefore = retransmitter.firstRetransmissions();
            long copiesBefore = retransmitter.redundantRetransmissions();
            boolean lossyPath = pathLoss.loss() >= REDUNDANT_REPAIR_LOSS;
            List<byte[]> answer = retransmitter.onNack(now, n.lostSequences(), throttle, lossyPath);
            // The answer ends with the second copies: those wait a little (see COPY_HOLD_NANOS).
            int firsts = answer.size() - (int) (retransmitter.redundantRetransmissions() - copiesBefore);
            for (int i = 0; i < answer.size(); i++) {
                if (i < firsts) {
                    outputs.add(new RtpEvents.SendRtp(answer.get(i)));
                } else {
                    heldCopies.add(answer.get(i));
                    heldCopiesReleaseNanos = Math.min(heldCopiesReleaseNanos, now + COPY_HOLD_NANOS);
                }
            }
            for (long k = retransmitter.firstRetransmissions() - firstBefore; k > 0; k--) {
                pathLoss.onFirstNack();
            }
        } else if (p instanceof PictureLossIndication pli && pli.mediaSsrc() == config.ssrc()
                || p instanceof FullIntraRequest fir && fir.entries().stream().anyMatch(e -> e.ssrc() == config.ssrc())) {
            outputs.add(new RtpEvents.KeyFrameRequested(config.ssrc()));
        } else if (p instanceof ReceiverReport rr) {
            onReportBlocks(rr.reports());
        } else if (p instanceof SenderReport sr) {
            onReportBlocks(sr.reports());
        } else if (p instanceof ExtendedReport xr) {
            onExtendedReport(xr);
        }
    }

    private void onReportBlocks(List<ReportBlock> blocks) {
        for (ReportBlock b : blocks) {
            if (b.ssrc() == config.ssrc()) {
                rtt.onEcho(b.lastSenderReport(), b.delaySinceLastSenderReport(), now);
                history.retainFor(historyRetention(rtt.smoothedNanos(0)));
            }
        }
    }

    /**
     * A receiver asks for a packet again up to a few round trips after it went out, but never keeps
     * waiting for one much past a second (its jitter buffer gives up), so a congested path whose RTT
     * climbs to seconds does not make every stream hold seconds of packets.
     */
    static long historyRetention(long smoothedRttNanos) {
        return Math.min(MAX_HISTORY_RETENTION_NANOS, Math.max(SendHistory.DEFAULT_RETENTION_NANOS, 3 * smoothedRttNanos));
    }

    private void onExtendedReport(ExtendedReport xr) {
        for (ExtendedReport.Block b : xr.blocks()) {
            if (b instanceof ExtendedReport.ReceiverReferenceTime rrtr) {
                lastRrtrSsrc = xr.ssrc();
                lastRrtrCompact = NtpTime.compact(rrtr.ntpTimestamp());
                lastRrtrArrivalNanos = now;
            }
        }
    }

    /** Time has passed. */
    public void handleTimeout(long nowNanos) {
        advance(nowNanos);
        if (now >= heldCopiesReleaseNanos) {
            releaseHeldCopies();
        }
        if (nextReportNanos != Long.MIN_VALUE && now >= nextReportNanos) {
            sendReport();
        }
    }

    private void scheduleReports() {
        if (nextReportNanos == Long.MIN_VALUE) {
            nextReportNanos = now + reportInterval();
        }
    }

    /** Two members (us and the peer), of which we send; RFC 3550 would count the peer's RTP too. */
    private long reportInterval() {
        RtcpInterval interval = options.rtcpInterval();
        return interval == null ? config.reportIntervalNanos() : interval.nextNanos(2, 1, true, !reportSent);
    }

    private void sendReport() {
        reportSent = true;
        nextReportNanos = now + reportInterval();
        SenderReport sr = reports.report(now, wallClock.epochNanos(), List.of());
        rtt.onReportSent(sr.ntpTimestamp(), now);
        List<RtcpPacket> compound = new ArrayList<>();
        compound.add(sr);
        compound.add(new SourceDescription(List.of(new SourceDescription.Chunk(config.ssrc(),
                List.of(new SourceDescription.Item(SourceDescription.CNAME, config.cname()))))));
        if (lastRrtrSsrc >= 0) {
            long delay = NtpTime.toCompactDuration(now - lastRrtrArrivalNanos);
            compound.add(new ExtendedReport(config.ssrc(), List.of(new ExtendedReport.Dlrr(
                    List.of(new ExtendedReport.DlrrItem(lastRrtrSsrc, lastRrtrCompact, delay))))));
            lastRrtrSsrc = -1; // answer each RRTR once
        }
        byte[] datagram = RtcpCompound.write(compound);
        if (options.rtcpInterval() != null) {
            options.rtcpInterval().onCompound(datagram.length);
        }
        outputs.add(new RtpEvents.SendRtcp(datagram));
    }

    /** The next output; a {@link Deadline} means nothing more until the next input. */
    public Output poll() {
        Output o = outputs.poll();
        if (o != null) {
            if (o instanceof RtpEvents.SendRtp rtp && options.transportSequencer() != null) {
                stamp(rtp.packet());
            }
            return o;
        }
        long next = Math.min(heldCopiesReleaseNanos, nextReportNanos == Long.MIN_VALUE ? Long.MAX_VALUE : nextReportNanos);
        return next == Long.MAX_VALUE ? Deadline.NEVER : new Deadline(Math.max(now, next));
    }

    private void releaseHeldCopies() {
        for (byte[] copy; (copy = heldCopies.poll()) != null; ) {
            outputs.add(new RtpEvents.SendRtp(copy));
        }
        heldCopiesReleaseNanos = Long.MAX_VALUE;
    }

    private void stamp(byte[] packet) {
        try {
            stampView.parse(packet, 0, packet.length);
        } catch (ParseException e) {
            throw new IllegalStateException("we built a packet we cannot parse", e);
        }
        options.transportSequencer().stamp(stampView, options.transportSequenceId());
    }

    /** Packets retransmitted in answer to NACKs. */
    public long retransmissions() {
        return retransmitter.retransmissions();
    }

    /** The share of our packets the receiver NACKed, 0..1 (see {@link PathLossEstimate}). */
    public double estimatedLoss() {
        return pathLoss.loss();
    }

    /** The RTT from the receiver's report blocks, or -1. */
    public long rttNanos() {
        return rtt.latestNanos();
    }

    /** Input dropped, by reason. */
    public DropCounters drops() {
        return drops;
    }
}
