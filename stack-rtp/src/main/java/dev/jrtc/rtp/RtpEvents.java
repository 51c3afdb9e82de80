package dev.jrtc.rtp;

import dev.jrtc.common.Output;
import dev.jrtc.rtp.receive.ReceivedFrame;

/** The events the RTP cores hand to the layer above through {@code poll()}. */
public final class RtpEvents {
    private RtpEvents() {
    }

    /**
     * An RTCP datagram to send. It is plain RTCP: the caller protects it with SRTCP. The event owns
     * the bytes.
     *
     * @param datagram a compound (or reduced-size) RTCP packet
     */
    public record SendRtcp(byte[] datagram) implements Output.Event {
    }

    /**
     * An RTP packet to send (a retransmission): plain RTP, to be protected with SRTP. The event
     * owns the bytes.
     *
     * @param packet the packet
     */
    public record SendRtp(byte[] packet) implements Output.Event {
    }

    /**
     * A frame ready for the decoder, in order.
     *
     * @param ssrc  the stream
     * @param frame the frame
     */
    public record FrameReady(long ssrc, ReceivedFrame frame) implements Output.Event {
    }

    /**
     * The peer asked for a key frame (PLI or FIR); the encoder should make one.
     *
     * @param ssrc the stream
     */
    public record KeyFrameRequested(long ssrc) implements Output.Event {
    }
}
