package dev.jrtc.rtp.send;

import dev.jrtc.rtp.HeaderExtension;
import dev.jrtc.rtp.RtpHeader;
import dev.jrtc.rtp.codec.Packetizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns encoded frames into RTP packets of one stream: the codec's {@link Packetizer} splits the
 * frame so that every packet, header and extensions included, fits {@code maxPacketSize}; this
 * class numbers them and sets the marker bit.
 *
 * <p>Leave room in {@code maxPacketSize} for what is added later: the SRTP tag (10 or 16 bytes) and,
 * when RTX is used, the two-byte original sequence number.
 */
public final class RtpPacketizer {
    private final Packetizer packetizer;
    private final long ssrc;
    private final int payloadType;
    private final int maxPacketSize;
    private int sequence;

    /**
     * @param firstSequence the first sequence number (random, RFC 3550 section 5.1)
     */
    public RtpPacketizer(Packetizer packetizer, long ssrc, int payloadType, int maxPacketSize, int firstSequence) {
        this.packetizer = packetizer;
        this.ssrc = ssrc;
        this.payloadType = payloadType;
        this.maxPacketSize = maxPacketSize;
        this.sequence = firstSequence & 0xFFFF;
    }

    /** The packets of one frame, each with {@code extensions}. */
    public List<byte[]> packetize(byte[] frame, long rtpTimestamp, List<HeaderExtension> extensions) {
        RtpHeader template = new RtpHeader(false, payloadType, 0, rtpTimestamp, ssrc, List.of(), extensions);
        int room = maxPacketSize - template.encodedLength();
        List<byte[]> payloads = packetizer.packetize(frame, room);
        List<byte[]> out = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            boolean marker = packetizer.markerOnLastPacket() && i == payloads.size() - 1;
            RtpHeader h = new RtpHeader(marker, payloadType, sequence, rtpTimestamp, ssrc, List.of(), extensions);
            sequence = (sequence + 1) & 0xFFFF;
            out.add(h.toPacket(payloads.get(i)));
        }
        return out;
    }

    /** The packets of one frame without extensions. */
    public List<byte[]> packetize(byte[] frame, long rtpTimestamp) {
        return packetize(frame, rtpTimestamp, List.of());
    }

    /** The sequence number the next packet will get. */
    public int nextSequence() {
        return sequence;
    }
}
