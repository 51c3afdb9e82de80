package dev.jrtc.sctp.packet;

import java.util.List;

/** A parsed SCTP packet: the common header (RFC 9260 §3.1) and its chunks. */
public record SctpPacket(int sourcePort, int destinationPort, long verificationTag, List<Chunk> chunks) {
}
