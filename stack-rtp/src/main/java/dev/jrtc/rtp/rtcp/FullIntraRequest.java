package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Full intra request (RFC 5104, section 4.3.1): payload-specific feedback, FMT 4. The media SSRC
 * field is unused (zero); each entry names a stream and a command sequence number, which the
 * requester increments for each new request so the sender can tell repeats from new ones.
 *
 * @param senderSsrc who asks
 * @param entries    the streams that need a decoder refresh
 */
public record FullIntraRequest(long senderSsrc, List<Entry> entries) implements RtcpPacket {
    static final int FORMAT = 4;

    /**
     * One FCI entry.
     *
     * @param ssrc           the stream that must send a key frame
     * @param sequenceNumber the command sequence number, 0..255
     */
    public record Entry(long ssrc, int sequenceNumber) {
        /** Checks the range. */
        public Entry {
            if (sequenceNumber < 0 || sequenceNumber > 255) {
                throw new IllegalArgumentException("FIR sequence number must be 0..255");
            }
        }
    }

    /** Copies the list and checks that it is not empty. */
    public FullIntraRequest {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a FIR has at least one entry");
        }
    }

    static FullIntraRequest parse(ByteReader r, long sender) throws ParseException {
        if (!r.hasRemaining()) {
            throw new ParseException("RTCP FIR: no FCI entries");
        }
        List<Entry> entries = new ArrayList<>();
        while (r.hasRemaining()) {
            long ssrc = r.u32();
            int seq = r.u8();
            r.skip(3);
            entries.add(new Entry(ssrc, seq));
        }
        return new FullIntraRequest(sender, entries);
    }

    @Override
    public int encodedLength() {
        return 12 + 8 * entries.size();
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, FORMAT, RtcpHeader.PSFB, encodedLength());
        w.u32(senderSsrc).u32(0);
        for (Entry e : entries) {
            w.u32(e.ssrc()).u8(e.sequenceNumber()).zeros(3);
        }
    }
}
