package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.rtcp.GenericNack;
import dev.jrtc.rtp.rtcp.ReceiverReport;
import dev.jrtc.rtp.rtcp.ReportBlock;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import dev.jrtc.rtp.rtcp.RtcpPacket;
import dev.jrtc.rtp.rtcp.SenderReport;

/**
 * Loop-only counters of one {@link MediaSession} for the W3C {@code inbound-rtp},
 * {@code outbound-rtp} and {@code remote-inbound-rtp} stats: packets and payload bytes each way,
 * feedback received, the frame rate, and the peer's last report block about our stream.
 */
final class RtpCounters {
    private static final int FPS_WINDOW = 128;

    private final RtpPacket view = new RtpPacket();
    /** Arrival times of the last frames, made at the first frame (a connection that never receives needs none). */
    private long[] frameTimes;
    private int frameCount;

    long packetsSent;
    long bytesSent;
    long headerBytesSent;
    long bytesReceived;
    long headerBytesReceived;
    long nacksReceived;
    long keyFrameRequestsReceived;
    long framesReceived;
    long keyFramesReceived;
    long framesSent;
    long keyFramesSent;
    long lastPacketReceivedNanos = -1;
    long lastPacketSentNanos = -1;
    ReportBlock remoteReport;
    long remoteReports;

    void onRtpSent(long now, byte[] packet) {
        try {
            view.parse(packet, 0, packet.length);
        } catch (ParseException e) {
            return; // our own packetizer wrote it; cannot happen
        }
        packetsSent++;
        bytesSent += view.payloadLength();
        headerBytesSent += view.headerLength();
        lastPacketSentNanos = now;
    }

    void onRtpReceived(long now, byte[] buf, int off, int len) {
        try {
            view.parse(buf, off, len);
        } catch (ParseException e) {
            return; // the receive stream drops and counts it
        }
        onRtpReceived(now, view);
    }

    /** A received packet, already parsed. */
    void onRtpReceived(long now, RtpPacket parsed) {
        bytesReceived += parsed.payloadLength();
        headerBytesReceived += parsed.headerLength();
        lastPacketReceivedNanos = now;
    }

    /** Picks out what the peer says about {@code localSsrc}: report blocks and NACKs. Malformed RTCP is ignored here. */
    void onRtcp(byte[] buf, int off, int len, long localSsrc) {
        java.util.List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.parse(buf, off, len);
        } catch (ParseException e) {
            return;
        }
        for (RtcpPacket p : packets) {
            java.util.List<ReportBlock> blocks = p instanceof ReceiverReport rr ? rr.reports()
                    : p instanceof SenderReport sr ? sr.reports() : java.util.List.of();
            for (ReportBlock b : blocks) {
                if (b.ssrc() == localSsrc) {
                    remoteReport = b;
                    remoteReports++;
                }
            }
            if (p instanceof GenericNack n && n.mediaSsrc() == localSsrc) {
                nacksReceived++;
            }
        }
    }

    void onFrameReceived(long now, boolean keyFrame) {
        framesReceived++;
        if (keyFrame) {
            keyFramesReceived++;
        }
        if (frameTimes == null) {
            frameTimes = new long[FPS_WINDOW];
        }
        frameTimes[frameCount++ % FPS_WINDOW] = now;
    }

    /** Frames received in the last second, or -1 before a second of frames could be seen. */
    double framesPerSecond(long now) {
        int n = 0;
        int available = Math.min(frameCount, FPS_WINDOW);
        for (int i = 0; i < available; i++) {
            if (now - frameTimes[i] <= 1_000_000_000L) {
                n++;
            }
        }
        return n;
    }
}
