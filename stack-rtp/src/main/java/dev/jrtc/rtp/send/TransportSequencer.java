package dev.jrtc.rtp.send;

import dev.jrtc.rtp.RtpPacket;

/**
 * Hands out transport-wide sequence numbers, one counter across all streams of a transport, and
 * stamps them into packets at send time, in place, into the element the packet was built with.
 */
public final class TransportSequencer {
    private int next;

    /** A sequencer starting at {@code first}. */
    public TransportSequencer(int first) {
        this.next = first & 0xFFFF;
    }

    /** The next number. */
    public int next() {
        int n = next;
        next = (next + 1) & 0xFFFF;
        return n;
    }

    /**
     * Writes the next number into {@code packet}'s element {@code id}, which must be two bytes.
     *
     * @return the number written, or -1 if the packet has no such element
     */
    public int stamp(RtpPacket packet, int id) {
        if (packet.elementLength(id) != 2) {
            return -1;
        }
        int n = next();
        byte[] b = packet.array();
        int off = packet.elementOffset(id);
        b[off] = (byte) (n >>> 8);
        b[off + 1] = (byte) n;
        return n;
    }
}
