package dev.jrtc.media.record;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Packs packets of one logical stream into Ogg pages (RFC 3533). Packets are laced into the
 * current page; a page is written when it would overflow its 255 segments or when asked.
 */
final class OggPageWriter {
    private static final int MAX_SEGMENTS = 255;
    private final FileSink file;
    private final int serial;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] lacing = new byte[MAX_SEGMENTS];
    private int segments;
    private int sequence;
    private long granule = -1;
    private boolean first = true;

    OggPageWriter(FileSink file, int serial) {
        this.file = file;
        this.serial = serial;
    }

    /**
     * Adds a whole packet to the current page (starting a new page first if it would not fit).
     *
     * @param granuleAfter the granule position at the end of this packet
     */
    void add(byte[] packet, long granuleAfter) {
        int needed = packet.length / 255 + 1;
        if (needed > MAX_SEGMENTS) {
            throw new IllegalArgumentException("packet of " + packet.length + " bytes does not fit one Ogg page");
        }
        if (segments + needed > MAX_SEGMENTS) {
            flush(false);
        }
        int left = packet.length;
        while (left >= 255) {
            lacing[segments++] = (byte) 255;
            left -= 255;
        }
        lacing[segments++] = (byte) left;
        body.writeBytes(packet);
        granule = granuleAfter;
    }

    boolean isEmpty() {
        return segments == 0;
    }

    /** Writes the current page, marked as the last of the stream if {@code last}. */
    void flush(boolean last) {
        if (segments == 0 && !last) {
            return;
        }
        byte[] data = body.toByteArray();
        ByteBuffer page = ByteBuffer.allocate(27 + segments + data.length).order(ByteOrder.LITTLE_ENDIAN);
        page.put((byte) 'O').put((byte) 'g').put((byte) 'g').put((byte) 'S');
        page.put((byte) 0); // version
        int flags = (first ? 0x02 : 0) | (last ? 0x04 : 0);
        page.put((byte) flags);
        page.putLong(granule);
        page.putInt(serial);
        page.putInt(sequence++);
        page.putInt(0); // checksum, filled below
        page.put((byte) segments);
        page.put(lacing, 0, segments);
        page.put(data);
        byte[] bytes = page.array();
        int crc = OggCrc.of(bytes, 0, bytes.length);
        page.putInt(22, crc);
        file.append(ByteBuffer.wrap(bytes));
        body.reset();
        segments = 0;
        first = false;
    }
}
