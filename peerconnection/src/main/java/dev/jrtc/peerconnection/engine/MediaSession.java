package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.WallClock;
import dev.jrtc.rtp.RtpEvents;
import dev.jrtc.rtp.receive.ReceiveConfig;
import dev.jrtc.rtp.receive.ReceiveStream;
import dev.jrtc.rtp.receive.ReceivedFrame;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.rtp.send.SendOptions;
import dev.jrtc.rtp.send.SendStream;
import dev.jrtc.sdp.RtpCodec;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The media of one negotiated transceiver: a {@link SendStream} when we send, a
 * {@link ReceiveStream} when we receive (created when the peer's SSRC is known, from SDP or from
 * the first packet). NACK, RTX, PLI and RTCP reports are the streams' own; this class routes their
 * outputs to the transport and turns frames into {@link EngineEvent}s.
 */
final class MediaSession {

    /** Where plain RTP and RTCP leave the session (to SRTP). */
    interface PacketSink {
        boolean sendRtp(long now, byte[] packet);

        boolean sendRtcp(long now, byte[] packet);
    }

    private final String mid;
    private final dev.jrtc.sdp.jsep.MediaKind kind;
    private final RtpCodec codec;
    private final WallClock wallClock;
    private final SendStream send;
    private final RtpCodec receiveCodec;
    private final int receiveRtxPayloadType;
    private final long localSsrc;
    private final String cname;
    private final TransportWideCc twcc;
    private ReceiveStream receive;
    /** The streams' {@code poll}s, made once: {@link #drain} runs once per packet. */
    private final Supplier<Output> sendPoll;
    private Supplier<Output> receivePoll;
    private long remoteSsrc = -1;
    private long remoteRtxSsrc = -1;
    private final RtpCounters counters = new RtpCounters();
    private long packetsNotSent;

    /**
     * @param codec the negotiated codec (the first both sides support)
     * @param sendConfig the send stream's configuration, or null when we do not send
     * @param receiveCodec the codec we expect, or null when we do not receive
     */
    MediaSession(String mid, dev.jrtc.sdp.jsep.MediaKind kind, RtpCodec codec, WallClock wallClock, SendConfig sendConfig, RtpCodec receiveCodec,
            int receiveRtxPayloadType, long localSsrc, String cname) {
        this(mid, kind, codec, wallClock, sendConfig, receiveCodec, receiveRtxPayloadType, localSsrc, cname, null);
    }

    /**
     * @param twcc transport-wide congestion control of the transport when negotiated for this
     *             section, or null: then sent packets carry transport-wide sequence numbers and the
     *             receive side sends feedback
     */
    MediaSession(String mid, dev.jrtc.sdp.jsep.MediaKind kind, RtpCodec codec, WallClock wallClock, SendConfig sendConfig,
            RtpCodec receiveCodec, int receiveRtxPayloadType, long localSsrc, String cname, TransportWideCc twcc) {
        this.twcc = twcc;
        this.mid = Objects.requireNonNull(mid, "mid");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.wallClock = wallClock;
        // Retransmission is feedback like any other: without a=rtcp-fb nack neither side uses it.
        this.send = sendConfig == null ? null
                : new SendStream(CodecSupport.negotiatesNack(codec) ? sendConfig : sendConfig.withoutNacks(), wallClock,
                        twcc == null ? SendOptions.none() : twcc.sendOptions());
        this.sendPoll = send == null ? null : send::poll;
        this.receiveCodec = receiveCodec;
        this.receiveRtxPayloadType = receiveRtxPayloadType;
        this.localSsrc = localSsrc;
        this.cname = cname;
    }

    /** Audio or video. */
    dev.jrtc.sdp.jsep.MediaKind kind() {
        return kind;
    }

    /** The negotiated codec both directions use. */
    RtpCodec codec() {
        return codec;
    }

    RtpCounters counters() {
        return counters;
    }

    SendStream sendStream() {
        return send;
    }

    ReceiveStream receiveStream() {
        return receive;
    }

    long localSsrc() {
        return localSsrc;
    }

    String mid() {
        return mid;
    }

    boolean sends() {
        return send != null;
    }

    boolean receives() {
        return receiveCodec != null;
    }

    RtpCodec receiveCodec() {
        return receiveCodec;
    }

    /** The RTX payload type we receive, or -1. */
    int receiveRtxPayloadType() {
        return receiveCodec == null ? -1 : receiveRtxPayloadType;
    }

    /** Whether the receive side sends transport-wide CC feedback (negotiated, and safe on this bundle). */
    boolean sendsTransportFeedback() {
        return receives() && twcc != null && twcc.feedback();
    }

    long remoteSsrc() {
        return remoteSsrc;
    }

    long remoteRtxSsrc() {
        return remoteRtxSsrc;
    }

    /** Binds the receive side to the peer's SSRCs (rtxSsrc -1 when none). Ignored once bound. */
    void bindRemote(long mediaSsrc, long rtxSsrc) {
        if (!receives() || receive != null) {
            return;
        }
        remoteSsrc = mediaSsrc;
        remoteRtxSsrc = rtxSsrc;
        ReceiveConfig rc = ReceiveConfig.of(localSsrc, mediaSsrc, receiveCodec.payloadType(), receiveCodec.clockRate(),
                CodecSupport.depacketizer(receiveCodec));
        if (rtxSsrc >= 0 && receiveRtxPayloadType >= 0) {
            rc = rc.withRtx(rtxSsrc, receiveRtxPayloadType);
        }
        if (twcc != null && twcc.feedback()) {
            rc = rc.withTwcc(twcc.extensions(), TransportWideCc.FEEDBACK_INTERVAL_NANOS);
        }
        if (!CodecSupport.negotiatesNack(receiveCodec)) {
            rc = rc.withNack(null); // no NACKs, and the jitter buffer does not wait for repairs
        }
        receive = new ReceiveStream(withCname(rc), wallClock);
        receivePoll = receive::poll;
    }

    private ReceiveConfig withCname(ReceiveConfig rc) {
        return new ReceiveConfig(rc.localSsrc(), rc.mediaSsrc(), rc.payloadType(), rc.clockRate(),
                rc.depacketizerFactory(), rc.rtxSsrc(), rc.rtxPayloadType(), rc.nack(), rc.useFir(),
                rc.keyFrameRequestIntervalNanos(), rc.reportIntervalNanos(), rc.twccIntervalNanos(),
                rc.initialRttNanos(), rc.jitterBuffer(), rc.extensions(), cname);
    }

    void sendFrame(long now, byte[] frame, long rtpTimestamp) {
        if (send == null) {
            throw new IllegalStateException("transceiver " + mid + " does not send");
        }
        send.sendFrame(now, frame, rtpTimestamp);
        counters.framesSent++;
    }

    void requestKeyFrame(long now) {
        if (receive != null) {
            receive.requestKeyFrame(now);
        }
    }

    void onRtp(long now, byte[] buf, int off, int len) {
        if (receive != null) {
            counters.onRtpReceived(now, buf, off, len);
            receive.handleRtp(now, buf, off, len);
        }
    }

    /** The same, for a packet the caller has parsed into {@code parsed}: the counters do not read its header again. */
    void onRtp(long now, dev.jrtc.rtp.RtpPacket parsed, byte[] buf, int off, int len) {
        if (receive != null) {
            counters.onRtpReceived(now, parsed);
            receive.handleRtp(now, buf, off, len);
        }
    }

    void onRtcp(long now, byte[] buf, int off, int len) {
        if (send != null) {
            counters.onRtcp(buf, off, len, localSsrc);
            send.handleRtcp(now, buf, off, len);
        }
        if (receive != null) {
            receive.handleRtcp(now, buf, off, len);
        }
    }

    void handleTimeout(long now) {
        if (send != null) {
            send.handleTimeout(now);
        }
        if (receive != null) {
            receive.handleTimeout(now);
        }
    }

    /** Drains both streams: packets to {@code sink}, events to {@code events}. Returns the next deadline. */
    long drain(long now, PacketSink sink, Consumer<Output> events) {
        long deadline = Long.MAX_VALUE;
        if (send != null) {
            deadline = Math.min(deadline, drainOne(now, sendPoll, sink, events));
        }
        if (receive != null) {
            deadline = Math.min(deadline, drainOne(now, receivePoll, sink, events));
        }
        return deadline;
    }

    private long drainOne(long now, Supplier<Output> poll, PacketSink sink, Consumer<Output> events) {
        Output o;
        while (!((o = poll.get()) instanceof Deadline)) {
            if (o instanceof RtpEvents.SendRtp p) {
                if (!sink.sendRtp(now, p.packet())) {
                    packetsNotSent++;
                } else {
                    counters.onRtpSent(now, p.packet());
                }
            } else if (o instanceof RtpEvents.SendRtcp r) {
                if (!sink.sendRtcp(now, r.datagram())) {
                    packetsNotSent++;
                }
            } else if (o instanceof RtpEvents.FrameReady f) {
                ReceivedFrame rf = f.frame();
                counters.onFrameReceived(now, rf.keyFrame());
                events.accept(new EngineEvent.FrameReceived(mid,
                        new EncodedFrame(receiveCodec.name(), rf.rtpTimestamp(), rf.keyFrame(), rf.data())));
            } else if (o instanceof RtpEvents.KeyFrameRequested) {
                counters.keyFrameRequestsReceived++;
                events.accept(new EngineEvent.KeyFrameRequested(mid));
            }
        }
        return ((Deadline) o).atNanos();
    }

    MediaStats stats() {
        return new MediaStats(mid, counters.framesSent, counters.framesReceived, send == null ? 0 : send.retransmissions(),
                receive == null ? 0 : receive.nacksSent(), receive == null ? 0 : receive.keyFrameRequestsSent(),
                receive == null ? 0 : receive.retransmissionsReceived(), packetsNotSent);
    }
}
