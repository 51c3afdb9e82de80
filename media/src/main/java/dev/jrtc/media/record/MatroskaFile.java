package dev.jrtc.media.record;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The on-disk layout of one Matroska/WebM file (RFC 9559), written front to back with a few
 * positions patched at the end:
 *
 * <pre>
 * EBML header
 * Segment (size patched by finish)
 *   [room: SeekHead]   written by finish: where Info, Tracks and Cues are
 *   Info               TimestampScale 1 ms; Duration patched by finish
 *   [room: Tracks]     written by finish, when every track's parameters are known
 *   Cluster...         each with its size patched when the next one starts
 *   Cues               written by finish: one CuePoint per cluster that starts with a cue-track key frame
 * </pre>
 *
 * Until {@link #finish} the Segment and the open Cluster carry the "unknown size" value, so the
 * sizes are never wrong, only not yet known. Block times are in milliseconds from the file's start.
 */
final class MatroskaFile {
    /** Nanoseconds per tick: block and cluster times are in milliseconds. */
    static final long TIMESTAMP_SCALE_NS = 1_000_000;
    /** A new cluster starts at least this often, so a player never reads far to find a block. */
    static final long MAX_CLUSTER_SPAN_MS = 5_000;
    /** Octets reserved for the Tracks element (a track with an avcC of a few hundred octets fits easily). */
    static final int TRACKS_ROOM = 4096;
    private static final int SEEK_HEAD_ROOM = 96;
    private static final int CLUSTER_HEADER = 4 + 8;

    private final FileSink file;
    private final int cueTrack;
    private final long segmentDataStart;
    private final long seekHeadAt;
    private final long infoAt;
    private final long durationAt;
    private final long tracksAt;
    private final List<long[]> cues = new ArrayList<>();
    private long position;
    private long clusterAt = -1;
    private long clusterTime;
    private boolean clusterEmpty;
    private long blocks;

    /**
     * Creates (or replaces) the file and writes everything up to the first cluster.
     *
     * @param docType "webm" or "matroska"
     * @param cueTrack the track whose key frames the Cues index
     */
    MatroskaFile(Path path, String docType, int cueTrack) {
        this.file = new FileSink(path);
        this.cueTrack = cueTrack;
        EbmlWriter head = new EbmlWriter();
        head.master(MatroskaIds.EBML, e -> e.uint(MatroskaIds.EBML_VERSION, 1)
                .uint(MatroskaIds.EBML_READ_VERSION, 1)
                .uint(MatroskaIds.EBML_MAX_ID_LENGTH, 4)
                .uint(MatroskaIds.EBML_MAX_SIZE_LENGTH, 8)
                .string(MatroskaIds.DOC_TYPE, docType)
                .uint(MatroskaIds.DOC_TYPE_VERSION, 4) // CodecDelay and SeekPreRoll are version 4 elements
                .uint(MatroskaIds.DOC_TYPE_READ_VERSION, 2));
        head.id(MatroskaIds.SEGMENT).bytes(EbmlWriter.UNKNOWN_SIZE);
        segmentDataStart = head.length();
        seekHeadAt = head.length();
        head.fill(SEEK_HEAD_ROOM);
        infoAt = head.length();
        EbmlWriter info = new EbmlWriter()
                .uint(MatroskaIds.TIMESTAMP_SCALE, TIMESTAMP_SCALE_NS)
                .string(MatroskaIds.MUXING_APP, "jrtc")
                .string(MatroskaIds.WRITING_APP, "jrtc");
        int durationOffset = info.length();
        info.float64(MatroskaIds.DURATION, 0);
        head.header(MatroskaIds.INFO, info.length());
        durationAt = head.length() + durationOffset + 3; // past the Duration ID (2) and size (1)
        head.bytes(info.toByteArray());
        tracksAt = head.length();
        head.fill(TRACKS_ROOM);
        file.append(head.toByteArray());
        position = head.length();
    }

    /**
     * Appends a SimpleBlock, in a new cluster if asked, if the current one has spanned
     * {@link #MAX_CLUSTER_SPAN_MS}, or if the block's time relative to it would not fit 16 bits.
     *
     * @param track 1 to 126
     * @param timeMs milliseconds from the start of the file
     */
    void addBlock(int track, long timeMs, boolean key, boolean startCluster, byte[] data) {
        long relative = timeMs - clusterTime;
        if (clusterAt < 0 || (startCluster && !clusterEmpty) || relative >= MAX_CLUSTER_SPAN_MS
                || relative < Short.MIN_VALUE) {
            startCluster(timeMs);
            relative = 0;
        }
        if (clusterEmpty && key && track == cueTrack) {
            cues.add(new long[] {timeMs, clusterAt - segmentDataStart});
        }
        EbmlWriter block = new EbmlWriter().header(MatroskaIds.SIMPLE_BLOCK, 4L + data.length)
                .bytes(EbmlWriter.sizeVint(track, 1))
                .bytes(new byte[] {(byte) (relative >> 8), (byte) relative, (byte) (key ? 0x80 : 0)});
        append(block.toByteArray());
        append(data);
        clusterEmpty = false;
        blocks++;
    }

    /** @return blocks written so far */
    long blocks() {
        return blocks;
    }

    private void startCluster(long timeMs) {
        endCluster();
        clusterAt = position;
        clusterTime = timeMs;
        clusterEmpty = true;
        append(new EbmlWriter().id(MatroskaIds.CLUSTER).bytes(EbmlWriter.UNKNOWN_SIZE)
                .uint(MatroskaIds.TIMESTAMP, timeMs).toByteArray());
    }

    private void endCluster() {
        if (clusterAt >= 0) {
            patchSize(clusterAt + 4, position - clusterAt - CLUSTER_HEADER);
        }
    }

    /**
     * Closes the last cluster, appends the Cues, and fills in the Segment size, the SeekHead, the
     * Tracks and the Duration.
     *
     * @param tracks the Tracks element's children (TrackEntry elements); at most {@link #TRACKS_ROOM} octets in all
     * @param durationMs the Segment's duration in milliseconds
     */
    void finish(byte[] tracks, double durationMs) {
        try {
            endCluster();
            long cuesAt = -1;
            if (!cues.isEmpty()) {
                cuesAt = position;
                append(new EbmlWriter().master(MatroskaIds.CUES, c -> {
                    for (long[] cue : cues) {
                        c.master(MatroskaIds.CUE_POINT, p -> p.uint(MatroskaIds.CUE_TIME, cue[0])
                                .master(MatroskaIds.CUE_TRACK_POSITIONS, t -> t.uint(MatroskaIds.CUE_TRACK, cueTrack)
                                        .uint(MatroskaIds.CUE_CLUSTER_POSITION, cue[1])));
                    }
                }).toByteArray());
            }
            patchSize(segmentDataStart - 8, position - segmentDataStart);
            EbmlWriter seeks = new EbmlWriter();
            seek(seeks, MatroskaIds.INFO, infoAt);
            if (tracks.length > 0) {
                seek(seeks, MatroskaIds.TRACKS, tracksAt);
            }
            if (cuesAt >= 0) {
                seek(seeks, MatroskaIds.CUES, cuesAt);
            }
            writeInRoom(seekHeadAt, SEEK_HEAD_ROOM, MatroskaIds.SEEK_HEAD, seeks.toByteArray());
            if (tracks.length > 0) {
                writeInRoom(tracksAt, TRACKS_ROOM, MatroskaIds.TRACKS, tracks);
            }
            file.writeAt(durationAt, ByteBuffer.allocate(8).putDouble(durationMs).flip());
        } finally {
            file.close();
        }
    }

    private void seek(EbmlWriter seeks, int id, long at) {
        seeks.master(MatroskaIds.SEEK, s -> s.binary(MatroskaIds.SEEK_ID, new EbmlWriter().id(id).toByteArray())
                .uint(MatroskaIds.SEEK_POSITION, at - segmentDataStart));
    }

    /** Writes a master element into reserved space and fills what is left with a Void element. */
    private void writeInRoom(long at, int room, int id, byte[] children) {
        int minimal = EbmlWriter.sizeVint(children.length).length;
        for (int width = minimal; width <= 8; width++) {
            int used = EbmlWriter.idWidth(id) + width + children.length;
            int left = room - used;
            if (left == 0 || left >= 2) {
                EbmlWriter w = new EbmlWriter().id(id).bytes(EbmlWriter.sizeVint(children.length, width))
                        .bytes(children).fill(left);
                file.writeAt(at, ByteBuffer.wrap(w.toByteArray()));
                return;
            }
        }
        throw new IllegalStateException("element 0x" + Integer.toHexString(id) + " of " + children.length
                + " octets does not fit its " + room + " reserved octets");
    }

    private void patchSize(long at, long size) {
        file.writeAt(at, ByteBuffer.wrap(EbmlWriter.sizeVint(size, 8)));
    }

    private void append(byte[] b) {
        file.append(b);
        position += b.length;
    }

    /** Closes the file without finishing it (after a write error). */
    void abandon() {
        file.close();
    }
}
