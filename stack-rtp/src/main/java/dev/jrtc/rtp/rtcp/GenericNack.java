package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Generic NACK (RFC 4585, section 6.2.1): transport-layer feedback, FMT 1, naming lost packets as a
 * packet id plus a bitmask of the 16 that follow it.
 *
 * @param senderSsrc    who sends the feedback
 * @param mediaSsrc     the stream whose packets were lost
 * @param lostSequences the lost sequence numbers, in the order they are packed
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<Integer> lostSequences) implements RtcpPacket {
    static final int FORMAT = 1;

    /** Copies the list and checks that it is not empty. */
    public GenericNack {
        lostSequences = List.copyOf(lostSequences);
        if (lostSequences.isEmpty()) {
            throw new IllegalArgumentException("a NACK names at least one packet");
        }
    }

    static GenericNack parse(ByteReader r, long sender, long media) throws ParseException {
        List<Integer> lost = new ArrayList<>();
        if (!r.hasRemaining()) {
            throw new ParseException("RTCP NACK: no FCI entries");
        }
        while (r.hasRemaining()) {
            int pid = r.u16();
            int blp = r.u16();
            lost.add(pid);
            for (int bit = 0; bit < 16; bit++) {
                if ((blp & (1 << bit)) != 0) {
                    lost.add((pid + bit + 1) & 0xFFFF);
                }
            }
        }
        return new GenericNack(sender, media, lost);
    }

    /** Packs the sequence numbers into (PID, BLP) pairs; each pair covers a PID and the 16 after it. */
    private List<int[]> entries() {
        List<int[]> out = new ArrayList<>();
        int[] current = null;
        for (int seq : lostSequences) {
            seq &= 0xFFFF;
            if (current != null) {
                int diff = (seq - current[0]) & 0xFFFF;
                if (diff >= 1 && diff <= 16) {
                    current[1] |= 1 << (diff - 1);
                    continue;
                }
            }
            current = new int[] {seq, 0};
            out.add(current);
        }
        return out;
    }

    @Override
    public int encodedLength() {
        return 12 + 4 * entries().size();
    }

    @Override
    public void write(ByteWriter w) {
        List<int[]> entries = entries();
        RtcpHeader.write(w, FORMAT, RtcpHeader.RTPFB, 12 + 4 * entries.size());
        w.u32(senderSsrc).u32(mediaSsrc);
        for (int[] e : entries) {
            w.u16(e[0]).u16(e[1]);
        }
    }
}
