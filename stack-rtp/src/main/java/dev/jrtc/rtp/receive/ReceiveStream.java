package dev.jrtc.rtp.receive;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.ParseException;
import dev.jrtc.common.WallClock;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.NtpTime;
import dev.jrtc.rtp.RtcpInterval;
import dev.jrtc.rtp.RttEstimator;
import dev.jrtc.rtp.RtpEvents;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.Unwrapper;
import dev.jrtc.rtp.codec.Depacketizer;
import dev.jrtc.rtp.ext.ExtensionReader;
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
import dev.jrtc.rtp.rtcp.TransportFeedback;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The receive side of one media stream, sans-IO: RTP and RTCP in, frames and feedback out.
 *
 * <p>It ties together the {@link JitterBuffer}, the {@link NackGenerator} with RTX repair
 * ({@link RtxUnwrapper}), the {@link KeyFrameRequester}, the {@link ReceiveStatistics} that go into
 * receiver reports, RTT from XR RRTR/DLRR, and transport-wide feedback. After every input, drain
 * {@link #poll()} until it returns a {@link Deadline}; call {@link #handleTimeout} at that time.
 * Packets are borrowed; outputs own their bytes. Bad input is dropped and counted in
 * {@link #drops()}.
 */
public final class ReceiveStream {
    private final ReceiveConfig config;
    private final WallClock wallClock;
    private final DropCounters drops = new DropCounters();
    private final RtpPacket view = new RtpPacket();
    private final Unwrapper sequences = Unwrapper.forSequenceNumbers();
    private final JitterBuffer jitterBuffer;
    private final NackGenerator nack;
    private final Depacketizer frameBounds;
    private final KeyFrameRequester keyFrames;
    private final ReceiveStatistics statistics;
    private final RtxUnwrapper rtx;
    private final TwccFeedbackGenerator twcc;
    /** The last deadline {@link #poll()} returned (immutable, so it can be handed out again). */
    private Deadline lastDeadline;
    private final ExtensionReader extensions;
    private final RttEstimator rtt = new RttEstimator();
    private final ArrayDeque<Output> outputs = new ArrayDeque<>();
    private long now;
    private long nextReportNanos = Long.MIN_VALUE;
    private final RtcpInterval rtcpInterval;
    private boolean reportSent;
    private long retransmissionsReceived;
    private boolean draining;

    /**
     * @param config    what was negotiated and how to tune
     * @param wallClock for the NTP time of XR receiver reference time reports
     */
    public ReceiveStream(ReceiveConfig config, WallClock wallClock) {
        this(config, wallClock, null);
    }

    /**
     * @param config       what was negotiated and how to tune
     * @param wallClock    for the NTP time of XR receiver reference time reports
     * @param rtcpInterval randomized RFC 3550 timing of receiver reports, or {@code null} for the
     *                     fixed {@link ReceiveConfig#reportIntervalNanos()}
     */
    public ReceiveStream(ReceiveConfig config, WallClock wallClock, RtcpInterval rtcpInterval) {
        this.config = config;
        this.rtcpInterval = rtcpInterval;
        this.wallClock = wallClock;
        Depacketizer depacketizer = config.depacketizer();
        this.jitterBuffer = new JitterBuffer(depacketizer, config.clockRate(), config.jitterBuffer(), drops,
                config.nack() != null);
        this.nack = config.nack() == null ? null : new NackGenerator(config.nack());
        this.frameBounds = config.depacketizer(); // where frames begin and end, for head and tail loss
        this.keyFrames = new KeyFrameRequester(config.keyFrameRequestIntervalNanos());
        this.statistics = new ReceiveStatistics(config.mediaSsrc(), config.clockRate());
        this.rtx = config.rtxPayloadType() < 0 ? null
                : new RtxUnwrapper(config.mediaSsrc(), config.rtxPayloadType(), config.payloadType());
        this.extensions = new ExtensionReader(config.extensions());
        this.twcc = config.twccIntervalNanos() > 0 ? new TwccFeedbackGenerator(config.localSsrc(), config.twccIntervalNanos()) : null;
    }

    private void advance(long nowNanos) {
        if (nowNanos > now) {
            now = nowNanos; // time that goes backwards is ignored
        }
    }

    /** An RTP packet (media or RTX) arrived; {@code buf} is borrowed. */
    public void handleRtp(long nowNanos, byte[] buf, int off, int len) {
        advance(nowNanos);
        try {
            view.parse(buf, off, len);
        } catch (ParseException e) {
            drops.count(DropReason.MALFORMED_RTP);
            return;
        }
        if (twcc != null) {
            int tseq = extensions.transportSequenceNumber(view);
            if (tseq >= 0) {
                twcc.onPacket(now, tseq, view.ssrc());
            }
        }
        RtpPacket media = view;
        boolean retransmitted = false;
        if (rtx != null && view.ssrc() == config.rtxSsrc() && rtx.isRtx(view.payloadType())) {
            try {
                media = rtx.unwrap(view);
            } catch (ParseException e) {
                drops.count(DropReason.MALFORMED_RTX);
                return;
            }
            retransmitted = true;
            retransmissionsReceived++;
        } else if (view.ssrc() != config.mediaSsrc() || view.payloadType() != config.payloadType()) {
            drops.count(DropReason.UNKNOWN_STREAM);
            return;
        }
        long seq = sequences.unwrap(media.sequenceNumber());
        statistics.onPacket(now, seq, media.timestamp(), retransmitted);
        if (nack != null) {
            byte[] p = media.array();
            int po = media.payloadOffset();
            int pl = media.payloadLength();
            nack.onPacket(now, seq, media.timestamp(), retransmitted, frameBounds.startsFrame(p, po, pl),
                    frameBounds.endsFrame(p, po, pl, media.marker()), frameBounds.startsKeyFrame(p, po, pl));
        }
        jitterBuffer.insert(now, media, seq, retransmitted);
        process();
    }

    /** An RTCP datagram arrived; {@code buf} is borrowed. */
    public void handleRtcp(long nowNanos, byte[] buf, int off, int len) {
        advance(nowNanos);
        if (rtcpInterval != null) {
            rtcpInterval.onCompound(len);
        }
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.parse(buf, off, len);
        } catch (ParseException e) {
            drops.count(DropReason.MALFORMED_RTCP);
            return;
        }
        for (RtcpPacket p : packets) {
            if (p instanceof SenderReport sr && sr.ssrc() == config.mediaSsrc()) {
                statistics.onSenderReport(now, sr.ntpTimestamp());
            } else if (p instanceof ExtendedReport xr) {
                for (ExtendedReport.Block b : xr.blocks()) {
                    if (b instanceof ExtendedReport.Dlrr dlrr) {
                        for (ExtendedReport.DlrrItem item : dlrr.items()) {
                            if (item.ssrc() == config.localSsrc()) {
                                rtt.onEcho(item.lastReceiverReport(), item.delaySinceLastReceiverReport(), now);
                            }
                        }
                    }
                }
            }
        }
        process();
    }

    /** The decoder needs a key frame (it failed, or just started). */
    public void requestKeyFrame(long nowNanos) {
        advance(nowNanos);
        keyFrames.request();
        process();
    }

    /** Time has passed. */
    public void handleTimeout(long nowNanos) {
        advance(nowNanos);
        jitterBuffer.handleTimeout(now);
        process();
    }

    /** The next output; a {@link Deadline} means nothing more until the next input. */
    public Output poll() {
        Output o = outputs.poll();
        if (o != null) {
            return o;
        }
        long d = Math.min(jitterBuffer.nextDeadlineNanos(), keyFrames.nextDeadlineNanos());
        if (nack != null) {
            d = Math.min(d, nack.nextDeadlineNanos());
        }
        if (twcc != null) {
            d = Math.min(d, twcc.nextDeadlineNanos());
        }
        d = Math.min(d, nextReportNanos);
        long at = Math.max(d, now);
        if (lastDeadline == null || lastDeadline.atNanos() != at) {
            lastDeadline = new Deadline(at); // polled after every packet, and mostly unchanged: kept
        }
        return lastDeadline;
    }

    private void process() {
        if (draining) {
            throw new IllegalStateException("re-entered while processing");
        }
        draining = true;
        try {
            ReceivedFrame f;
            while ((f = jitterBuffer.poll(now)) != null) {
                if (f.keyFrame()) {
                    keyFrames.satisfied();
                }
                outputs.add(new RtpEvents.FrameReady(config.mediaSsrc(), f));
            }
            if (jitterBuffer.keyFrameWanted() || nack != null && nack.takeKeyFrameWanted()) {
                keyFrames.request();
            }
            // Made only when there is feedback: most packets have none, and this runs once per packet.
            List<RtcpPacket> feedback = null;
            if (nack != null) {
                List<Integer> lost = nack.due(now, rtt.smoothedNanos(config.initialRttNanos()));
                if (!lost.isEmpty()) {
                    feedback = new ArrayList<>();
                    feedback.add(new GenericNack(config.localSsrc(), config.mediaSsrc(), lost));
                }
            }
            if (keyFrames.takeDue(now)) {
                feedback = feedback == null ? new ArrayList<>() : feedback;
                feedback.add(config.useFir()
                        ? new FullIntraRequest(config.localSsrc(), List.of(new FullIntraRequest.Entry(config.mediaSsrc(), keyFrames.firSequence())))
                        : new PictureLossIndication(config.localSsrc(), config.mediaSsrc()));
            }
            if (twcc != null && twcc.nextDeadlineNanos() <= now) {
                List<TransportFeedback> t = twcc.poll(now);
                if (!t.isEmpty()) {
                    feedback = feedback == null ? new ArrayList<>() : feedback;
                    feedback.addAll(t);
                }
            }
            if (now >= nextReportNanos) {
                sendReport();
            }
            if (feedback != null) {
                // Feedback travels in a compound led by an (empty) receiver report (RFC 4585, section 3.1).
                feedback.add(0, new ReceiverReport(config.localSsrc(), List.of()));
                byte[] datagram = RtcpCompound.write(feedback);
                if (rtcpInterval != null) {
                    rtcpInterval.onCompound(datagram.length);
                }
                outputs.add(new RtpEvents.SendRtcp(datagram));
            }
        } finally {
            draining = false;
        }
    }

    /** Two members (us and the peer); the peer sends, we do not (our own sending is another stream). */
    private long reportInterval() {
        return rtcpInterval == null ? config.reportIntervalNanos() : rtcpInterval.nextNanos(2, 1, false, !reportSent);
    }

    private void sendReport() {
        if (nextReportNanos == Long.MIN_VALUE) {
            nextReportNanos = now + reportInterval();
            return; // nothing to report before the first interval
        }
        reportSent = true;
        nextReportNanos = now + reportInterval();
        ReportBlock block = statistics.reportBlock(now);
        long ntp = NtpTime.fromEpochNanos(wallClock.epochNanos());
        rtt.onReportSent(ntp, now);
        List<RtcpPacket> report = new ArrayList<>();
        report.add(new ReceiverReport(config.localSsrc(), block == null ? List.of() : List.of(block)));
        report.add(new SourceDescription(List.of(new SourceDescription.Chunk(config.localSsrc(),
                List.of(new SourceDescription.Item(SourceDescription.CNAME, config.cname()))))));
        report.add(new ExtendedReport(config.localSsrc(), List.of(new ExtendedReport.ReceiverReferenceTime(ntp))));
        byte[] datagram = RtcpCompound.write(report);
        if (rtcpInterval != null) {
            rtcpInterval.onCompound(datagram.length);
        }
        outputs.add(new RtpEvents.SendRtcp(datagram));
    }

    /** Input dropped, by reason. */
    public DropCounters drops() {
        return drops;
    }

    /** Loss and jitter as reported in receiver reports. */
    public ReceiveStatistics statistics() {
        return statistics;
    }

    /** The jitter buffer, for its delay and frame counters. */
    public JitterBuffer jitterBuffer() {
        return jitterBuffer;
    }

    /** Sequence numbers NACKed so far (retries included), 0 without NACK. */
    public long nacksSent() {
        return nack == null ? 0 : nack.nacksSent();
    }

    /** Redundant copies of recent NACK requests sent so far, 0 without NACK. */
    public long nackCopiesSent() {
        return nack == null ? 0 : nack.copiesSent();
    }

    /** PLIs or FIRs sent so far. */
    public long keyFrameRequestsSent() {
        return keyFrames.requestsSent();
    }

    /** Retransmissions received through RTX. */
    public long retransmissionsReceived() {
        return retransmissionsReceived;
    }

    /** The RTT measured with XR, or -1. */
    public long rttNanos() {
        return rtt.latestNanos();
    }
}
