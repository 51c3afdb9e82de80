package dev.jrtc.media.record;

import dev.jrtc.rtp.Unwrapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opus packets in an Ogg file (RFC 7845): an {@code OpusHead} page, an {@code OpusTags} page,
 * then audio pages whose granule positions count 48 kHz samples. Ogg Opus has no gaps, so a gap in
 * the RTP timestamps (loss or DTX) is filled with empty Opus frames, which a decoder conceals.
 * Malformed packets are skipped and counted.
 */
public final class OggOpusWriter implements Recorder {
    /** The usual libopus encoder delay, which the decoder drops from the start. */
    static final int PRE_SKIP = OpusHead.PRE_SKIP;
    private static final int PACKETS_PER_PAGE = 50;
    private final FileSink file;
    private final OggPageWriter pages;
    private final Unwrapper timestamps = Unwrapper.forTimestamps();
    private boolean headerWritten;
    private long nextTimestamp;
    private long granule;
    private int packetsInPage;
    private int lastToc;
    private long skipped;
    private boolean closed;

    /** Creates (or replaces) the file. */
    public OggOpusWriter(Path path) {
        file = new FileSink(path);
        pages = new OggPageWriter(file, ThreadLocalRandom.current().nextInt());
    }

    @Override
    public void write(byte[] packet, long rtpTimestamp, boolean keyFrame) {
        if (closed) {
            throw new IllegalStateException("recorder is closed");
        }
        int samples = OpusToc.packetSamples(packet);
        if (samples < 0) {
            skipped++;
            return;
        }
        long ts = timestamps.unwrap(rtpTimestamp & 0xFFFFFFFFL);
        if (!headerWritten) {
            writeHeaders(OpusToc.stereo(packet) ? 2 : 1);
            nextTimestamp = ts;
        }
        if (ts < nextTimestamp) {
            skipped++; // a duplicate or a packet from the past: the file's timeline has moved on
            return;
        }
        fillGap(ts);
        addPacket(packet, samples);
        lastToc = packet[0] & 0xFF;
    }

    /** Empty frames (TOC byte only, code 0) of the last configuration until {@code ts}. */
    private void fillGap(long ts) {
        int frame = OpusToc.frameSamples(lastToc);
        while (ts - nextTimestamp >= frame) {
            addPacket(new byte[] {(byte) (lastToc & ~3)}, frame);
        }
        nextTimestamp = ts;
    }

    private void addPacket(byte[] packet, int samples) {
        granule += samples;
        nextTimestamp += samples;
        pages.add(packet, granule);
        if (++packetsInPage >= PACKETS_PER_PAGE) {
            pages.flush(false);
            packetsInPage = 0;
        }
    }

    private void writeHeaders(int channels) {
        pages.add(OpusHead.of(channels), 0);
        pages.flush(false);
        byte[] vendor = "jrtc".getBytes(StandardCharsets.UTF_8);
        ByteBuffer tags = ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        tags.put("OpusTags".getBytes(StandardCharsets.US_ASCII));
        tags.putInt(vendor.length).put(vendor);
        tags.putInt(0); // no user comments
        pages.add(tags.array(), 0);
        pages.flush(false);
        headerWritten = true;
    }

    /** @return packets not written because they were malformed or out of order */
    public long skippedPackets() {
        return skipped;
    }

    /** @return 48 kHz samples written so far, including the pre-skip */
    public long granulePosition() {
        return granule;
    }

    @Override
    public Path path() {
        return file.path();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (headerWritten) {
                pages.flush(true);
            }
        } finally {
            file.close();
        }
    }
}
