package dev.jrtc.rtp.codec;

import java.util.List;

/** Opus packetizer (RFC 7587): an Opus packet goes in one RTP packet, never split. */
public final class OpusPacketizer implements Packetizer {
    @Override
    public List<byte[]> packetize(byte[] frame, int maxPayloadSize) {
        if (frame.length == 0 || frame.length > maxPayloadSize) {
            throw new IllegalArgumentException("an Opus packet of " + frame.length + " bytes does not fit " + maxPayloadSize);
        }
        return List.of(frame.clone());
    }

    @Override
    public boolean markerOnLastPacket() {
        return false;
    }
}
