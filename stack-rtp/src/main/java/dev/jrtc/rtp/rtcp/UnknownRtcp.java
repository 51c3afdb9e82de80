package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteWriter;
import java.util.Arrays;

/**
 * An RTCP packet of a type or feedback format this stack does not interpret. It is kept, not
 * rejected, so that the rest of a compound still counts, and it writes back unchanged.
 *
 * @param packetType    the PT field
 * @param countOrFormat the five-bit count/FMT field
 * @param body          everything after the four-byte header, padding removed; a multiple of 4 bytes
 */
public record UnknownRtcp(int packetType, int countOrFormat, byte[] body) implements RtcpPacket {
    /** Checks the body length. */
    public UnknownRtcp {
        if ((body.length & 3) != 0) {
            throw new IllegalArgumentException("RTCP body must be a multiple of 4 bytes");
        }
    }

    @Override
    public int encodedLength() {
        return 4 + body.length;
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, countOrFormat, packetType, encodedLength());
        w.bytes(body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRtcp u && u.packetType == packetType && u.countOrFormat == countOrFormat && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return packetType * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownRtcp[pt=" + packetType + ", fmt=" + countOrFormat + ", " + body.length + " bytes]";
    }
}
