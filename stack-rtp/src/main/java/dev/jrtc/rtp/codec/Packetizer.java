package dev.jrtc.rtp.codec;

import java.util.List;

/** Splits one encoded frame into RTP payloads that each fit a size limit. */
public interface Packetizer {
    /**
     * The payloads for {@code frame}, in send order.
     *
     * @param maxPayloadSize the largest payload allowed, descriptor included
     * @throws IllegalArgumentException if the frame cannot be split to fit
     */
    List<byte[]> packetize(byte[] frame, int maxPayloadSize);

    /** Whether the last payload of a frame carries the RTP marker bit (video) or not (audio). */
    boolean markerOnLastPacket();
}
