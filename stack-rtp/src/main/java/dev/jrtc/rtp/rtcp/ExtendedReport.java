package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Extended report (RFC 3611). Receiver reference time (RRTR) and DLRR blocks let a receive-only
 * endpoint measure round-trip time; other block types are kept as {@link UnknownBlock}.
 *
 * @param ssrc   the reporter
 * @param blocks the report blocks
 */
public record ExtendedReport(long ssrc, List<Block> blocks) implements RtcpPacket {
    /** Copies the list. */
    public ExtendedReport {
        blocks = List.copyOf(blocks);
    }

    /** One XR report block. */
    public sealed interface Block permits ReceiverReferenceTime, Dlrr, UnknownBlock {
        /** The block's length, its 4-byte header included. */
        int encodedLength();

        /** Writes the block, header included. */
        void write(ByteWriter w);
    }

    /**
     * RRTR, block type 4 (RFC 3611, section 4.4): the receiver's NTP time when it sent the report.
     *
     * @param ntpTimestamp 64-bit NTP time
     */
    public record ReceiverReferenceTime(long ntpTimestamp) implements Block {
        static final int TYPE = 4;

        @Override
        public int encodedLength() {
            return 12;
        }

        @Override
        public void write(ByteWriter w) {
            w.u8(TYPE).u8(0).u16(2).u64(ntpTimestamp);
        }
    }

    /**
     * DLRR, block type 5 (RFC 3611, section 4.5): for each receiver, the last RRTR seen and the
     * delay since, like the LSR and DLSR fields of a report block.
     *
     * @param items one per receiver
     */
    public record Dlrr(List<DlrrItem> items) implements Block {
        static final int TYPE = 5;

        /** Copies the list. */
        public Dlrr {
            items = List.copyOf(items);
        }

        @Override
        public int encodedLength() {
            return 4 + 12 * items.size();
        }

        @Override
        public void write(ByteWriter w) {
            w.u8(TYPE).u8(0).u16(3 * items.size());
            for (DlrrItem i : items) {
                w.u32(i.ssrc()).u32(i.lastReceiverReport()).u32(i.delaySinceLastReceiverReport());
            }
        }
    }

    /**
     * One DLRR sub-block.
     *
     * @param ssrc                         the receiver
     * @param lastReceiverReport           middle 32 bits of its last RRTR's NTP time
     * @param delaySinceLastReceiverReport in 1/65536 s
     */
    public record DlrrItem(long ssrc, long lastReceiverReport, long delaySinceLastReceiverReport) {
    }

    /**
     * A block type this stack does not interpret.
     *
     * @param blockType     the BT field
     * @param typeSpecific  the type-specific byte
     * @param body          the block contents, a multiple of 4 bytes
     */
    public record UnknownBlock(int blockType, int typeSpecific, byte[] body) implements Block {
        @Override
        public int encodedLength() {
            return 4 + body.length;
        }

        @Override
        public void write(ByteWriter w) {
            w.u8(blockType).u8(typeSpecific).u16(body.length / 4).bytes(body);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof UnknownBlock u && u.blockType == blockType && u.typeSpecific == typeSpecific && Arrays.equals(u.body, body);
        }

        @Override
        public int hashCode() {
            return blockType * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "UnknownBlock[bt=" + blockType + ", " + body.length + " bytes]";
        }
    }

    static ExtendedReport parse(ByteReader r) throws ParseException {
        long ssrc = r.u32();
        List<Block> blocks = new ArrayList<>();
        while (r.hasRemaining()) {
            int type = r.u8();
            int specific = r.u8();
            ByteReader body = r.slice(4 * r.u16());
            switch (type) {
                case ReceiverReferenceTime.TYPE -> {
                    blocks.add(new ReceiverReferenceTime(body.s64()));
                    body.requireEnd("RTCP XR RRTR");
                }
                case Dlrr.TYPE -> {
                    List<DlrrItem> items = new ArrayList<>();
                    while (body.hasRemaining()) {
                        items.add(new DlrrItem(body.u32(), body.u32(), body.u32()));
                    }
                    blocks.add(new Dlrr(items));
                }
                default -> blocks.add(new UnknownBlock(type, specific, body.bytes(body.remaining())));
            }
        }
        return new ExtendedReport(ssrc, blocks);
    }

    @Override
    public int encodedLength() {
        int n = 8;
        for (Block b : blocks) {
            n += b.encodedLength();
        }
        return n;
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, 0, RtcpHeader.XR, encodedLength());
        w.u32(ssrc);
        blocks.forEach(b -> b.write(w));
    }
}
