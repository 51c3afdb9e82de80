package dev.jrtc.sctp.assoc;

/** One received DATA or I-DATA payload, copied out of the borrowed packet. */
final class Fragment {
    final long tsn;
    final int flags;
    final long ppid;
    /** Position within its message: the TSN (DATA) or the fragment sequence number (I-DATA). */
    final long sequence;
    final byte[] data;

    Fragment(long tsn, int flags, long ppid, long sequence, byte[] data) {
        this.tsn = tsn;
        this.flags = flags;
        this.ppid = ppid;
        this.sequence = sequence;
        this.data = data;
    }

    boolean beginning() {
        return (flags & dev.jrtc.sctp.packet.Chunk.Data.BEGINNING) != 0;
    }

    boolean ending() {
        return (flags & dev.jrtc.sctp.packet.Chunk.Data.ENDING) != 0;
    }
}
