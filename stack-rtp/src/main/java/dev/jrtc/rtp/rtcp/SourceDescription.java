package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Source description items (RFC 3550, section 6.5): CNAME and friends, one chunk per source.
 *
 * @param chunks up to 31 chunks
 */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {
    /** The CNAME item type. */
    public static final int CNAME = 1;

    /** Copies the list and checks its size. */
    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("at most 31 SDES chunks");
        }
    }

    /**
     * The items describing one source.
     *
     * @param ssrc  the source
     * @param items its items, in order
     */
    public record Chunk(long ssrc, List<Item> items) {
        /** Copies the list. */
        public Chunk {
            items = List.copyOf(items);
        }

        int encodedLength() {
            int n = 4;
            for (Item i : items) {
                n += 2 + i.encodedValue().length;
            }
            return RtcpHeader.padTo4(n + 1); // at least one terminating zero octet
        }
    }

    /**
     * One item.
     *
     * @param type  1 (CNAME) .. 8 (PRIV); 0 ends a chunk and is not an item
     * @param value UTF-8 text of at most 255 bytes
     */
    public record Item(int type, String value) {
        /** Checks the type and length. */
        public Item {
            if (type < 1 || type > 255) {
                throw new IllegalArgumentException("SDES item type must be 1..255, got " + type);
            }
            if (value.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("SDES item longer than 255 bytes");
            }
        }

        byte[] encodedValue() {
            return value.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static String utf8(byte[] b) throws ParseException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ParseException("RTCP SDES: item is not UTF-8", e);
        }
    }

    static SourceDescription parse(ByteReader r, int count) throws ParseException {
        List<Chunk> chunks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            int chunkStart = r.position();
            long ssrc = r.u32();
            List<Item> items = new ArrayList<>();
            while (true) {
                int type = r.u8();
                if (type == 0) {
                    break;
                }
                int len = r.u8();
                items.add(new Item(type, utf8(r.bytes(len))));
            }
            // The zero octet is followed by more zeros up to the next 32-bit boundary.
            int used = r.position() - chunkStart;
            r.skip(RtcpHeader.padTo4(used) - used);
            chunks.add(new Chunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }

    @Override
    public int encodedLength() {
        int n = 4;
        for (Chunk c : chunks) {
            n += c.encodedLength();
        }
        return n;
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, chunks.size(), RtcpHeader.SDES, encodedLength());
        for (Chunk c : chunks) {
            w.u32(c.ssrc());
            int n = 4;
            for (Item i : c.items()) {
                byte[] v = i.encodedValue();
                w.u8(i.type()).u8(v.length).bytes(v);
                n += 2 + v.length;
            }
            w.zeros(c.encodedLength() - n);
        }
    }
}
