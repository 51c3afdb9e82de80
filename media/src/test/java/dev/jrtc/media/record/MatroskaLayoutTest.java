package dev.jrtc.media.record;

import static dev.jrtc.media.record.EbmlElements.children;
import static dev.jrtc.media.record.EbmlElements.first;
import static dev.jrtc.media.record.EbmlElements.uint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ivf;
import dev.jrtc.media.TestFiles;
import dev.jrtc.media.record.EbmlElements.Element;
import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.media.source.ToneSource;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file's structure read back with an independent EBML reader: every size is known and exact
 * after close, the SeekHead and the Cues point at the right elements, clusters start at key
 * frames and span at most 5 s, and the header fields say what was written.
 */
class MatroskaLayoutTest {
    @TempDir
    Path dir;

    /** One SimpleBlock: its cluster's time, its track, its time relative to the cluster, its key flag. */
    private record Block(long clusterTime, int track, int relative, boolean key, boolean firstInCluster) {
        long time() {
            return clusterTime + relative;
        }
    }

    @Test
    void loopedVp8ClipAndTone() throws Exception {
        List<Ivf.Frame> clip = Ivf.frames(TestFiles.resource("/vp8/clip-96x64.ivf")); // a key frame every 8 frames
        ToneSource tone = new ToneSource(500);
        long[] now = {0};
        Path path = dir.resolve("loop.webm");
        int keyFrames = 0;
        try (MatroskaWriter w = new MatroskaWriter(path, Optional.of("VP8"), true, () -> now[0])) {
            for (int ms = 0, frame = 0; ms < 7200; ms++) {
                now[0] = ms * 1_000_000L;
                if (ms * 3 / 100 >= frame) { // 30 fps
                    byte[] f = clip.get(frame % clip.size()).data();
                    keyFrames += IvfWriter.isVp8KeyFrame(f) ? 1 : 0;
                    w.video().write(f, frame * 3000L, false);
                    frame++;
                }
                if (ms % 20 == 5) {
                    EncodedMediaFrame p = tone.next();
                    w.audio().write(p.data(), p.rtpTimestamp(), true);
                }
            }
        }
        byte[] file = Files.readAllBytes(path);
        Element segment = checkedSegment(file, "webm");
        List<Block> blocks = blocks(file, segment);
        assertEquals(216, blocks.stream().filter(b -> b.track() == 1).count());
        assertEquals(360, blocks.stream().filter(b -> b.track() == 2).count());
        // Each key frame opens a cluster; no cluster opens otherwise (none reaches 5 s here).
        List<Block> keys = blocks.stream().filter(b -> b.track() == 1 && b.key()).toList();
        assertEquals(keyFrames, keys.size());
        assertTrue(keys.stream().allMatch(Block::firstInCluster));
        assertEquals(keyFrames, blocks.stream().filter(Block::firstInCluster).count());
        assertTrue(blocks.stream().filter(b -> b.track() == 2).allMatch(Block::key), "Opus blocks are key frames");
        // Each track's times never go backwards.
        for (int track = 1; track <= 2; track++) {
            int t = track;
            List<Long> times = blocks.stream().filter(b -> b.track() == t).map(Block::time).toList();
            for (int i = 1; i < times.size(); i++) {
                assertTrue(times.get(i) >= times.get(i - 1), "track " + t + " at " + i);
            }
        }
        // The video ends at 7167 + 33 ms; the tone, which started 5 ms in, at 5 + 360 x 20 ms.
        assertEquals(7205, duration(file, segment), 0.001, "the audio ends last");
        List<long[]> cues = cues(file, segment);
        assertEquals(keyFrames, cues.size());
        for (int i = 0; i < cues.size(); i++) {
            assertEquals(1, cues.get(i)[1], "cue track");
            Element cluster = EbmlElements.read(file, segment.dataStart() + cues.get(i)[2], file.length).get(0);
            assertEquals(MatroskaIds.CLUSTER, cluster.id());
            assertEquals(cues.get(i)[0], uint(file, first(children(file, cluster), MatroskaIds.TIMESTAMP)));
            assertEquals(keys.get(i).time(), cues.get(i)[0]);
        }
        Element tracks = first(children(file, segment), MatroskaIds.TRACKS);
        List<Element> entries = children(file, tracks).stream().filter(e -> e.id() == MatroskaIds.TRACK_ENTRY).toList();
        assertEquals(2, entries.size());
        Element video = first(children(file, entries.get(0)), MatroskaIds.VIDEO);
        assertEquals(96, uint(file, first(children(file, video), MatroskaIds.PIXEL_WIDTH)));
        assertEquals(64, uint(file, first(children(file, video), MatroskaIds.PIXEL_HEIGHT)));
        List<Element> audio = children(file, entries.get(1));
        assertEquals(6_500_000, uint(file, first(audio, MatroskaIds.CODEC_DELAY)), "312 samples at 48 kHz");
        assertEquals(80_000_000, uint(file, first(audio, MatroskaIds.SEEK_PRE_ROLL)));
        Element opusHead = first(audio, MatroskaIds.CODEC_PRIVATE);
        assertArrayEquals(OpusHead.of(1), java.util.Arrays.copyOfRange(file, (int) opusHead.dataStart(), (int) opusHead.end()));
    }

    @Test
    void toneAloneGetsAClusterAndACueEveryFiveSeconds() throws Exception {
        ToneSource tone = new ToneSource(440);
        Path path = dir.resolve("tone.webm");
        try (MatroskaWriter w = new MatroskaWriter(path, Optional.empty(), true, () -> 0)) {
            for (int i = 0; i < 600; i++) {
                EncodedMediaFrame f = tone.next();
                w.audio().write(f.data(), f.rtpTimestamp() + 0xFFFF0000L, true); // wraps after 1.4 s
            }
        }
        byte[] file = Files.readAllBytes(path);
        Element segment = checkedSegment(file, "webm");
        List<Block> blocks = blocks(file, segment);
        assertEquals(600, blocks.size());
        List<Long> clusterTimes = blocks.stream().filter(Block::firstInCluster).map(Block::clusterTime).toList();
        assertEquals(List.of(0L, 5000L, 10000L), clusterTimes);
        assertEquals(11980, blocks.get(599).time());
        assertEquals(12000, duration(file, segment), 0.001);
        List<long[]> cues = cues(file, segment);
        assertEquals(List.of(0L, 5000L, 10000L), cues.stream().map(c -> c[0]).toList());
        assertTrue(cues.stream().allMatch(c -> c[1] == 2), "cues name the audio track");
    }

    @Test
    void unknownSizesUntilCloseThenExactOnes() throws Exception {
        Path path = dir.resolve("open.webm");
        MatroskaWriter w = new MatroskaWriter(path, Optional.empty(), true, () -> 0);
        ToneSource tone = new ToneSource(440);
        for (int i = 0; i < 10; i++) {
            EncodedMediaFrame f = tone.next();
            w.audio().write(f.data(), f.rtpTimestamp(), true);
        }
        byte[] open = Files.readAllBytes(path);
        Element segment = EbmlElements.read(open, 0, open.length).get(1);
        assertArrayEquals(EbmlWriter.UNKNOWN_SIZE, java.util.Arrays.copyOfRange(open, (int) segment.start() + 4,
                (int) segment.start() + 12), "a reader of an unfinished file reads to its end");
        w.close();
        checkedSegment(Files.readAllBytes(path), "webm");
    }

    /** The EBML header's DocType, a Segment that ends exactly at the end of the file, and a SeekHead that is right. */
    private static Element checkedSegment(byte[] file, String docType) {
        List<Element> top = EbmlElements.read(file, 0, file.length);
        assertEquals(2, top.size());
        assertEquals(MatroskaIds.EBML, top.get(0).id());
        Element type = first(children(file, top.get(0)), MatroskaIds.DOC_TYPE);
        assertEquals(docType, new String(file, (int) type.dataStart(), (int) type.size(), java.nio.charset.StandardCharsets.US_ASCII));
        Element segment = top.get(1);
        assertEquals(MatroskaIds.SEGMENT, segment.id());
        assertEquals(file.length, segment.end(), "Segment size");
        assertFalse(segment.size() == file.length - segment.dataStart() && file[(int) segment.start() + 4] == 0x01
                && file[(int) segment.start() + 5] == -1, "Segment size still unknown");
        // Walking the children with their sizes lands exactly on the end: every Cluster size is right.
        List<Element> level1 = children(file, segment);
        assertEquals(segment.end(), level1.get(level1.size() - 1).end());
        for (Element e : level1) {
            assertFalse(file[(int) e.start() + EbmlWriter.idWidth(e.id())] == 0x01
                    && file[(int) e.start() + EbmlWriter.idWidth(e.id()) + 1] == -1, "unknown size left in 0x" + Integer.toHexString(e.id()));
        }
        Element seekHead = level1.get(0);
        assertEquals(MatroskaIds.SEEK_HEAD, seekHead.id());
        for (Element seek : children(file, seekHead)) {
            List<Element> s = children(file, seek);
            Element id = first(s, MatroskaIds.SEEK_ID);
            long target = segment.dataStart() + uint(file, first(s, MatroskaIds.SEEK_POSITION));
            Element pointed = EbmlElements.read(file, target, file.length).get(0);
            assertEquals(uint(file, id), pointed.id() & 0xFFFFFFFFL, "SeekHead entry");
        }
        return segment;
    }

    private static List<Block> blocks(byte[] file, Element segment) {
        List<Block> out = new ArrayList<>();
        for (Element cluster : children(file, segment)) {
            if (cluster.id() != MatroskaIds.CLUSTER) {
                continue;
            }
            List<Element> c = children(file, cluster);
            assertEquals(MatroskaIds.TIMESTAMP, c.get(0).id(), "Timestamp comes first");
            long time = uint(file, c.get(0));
            boolean firstBlock = true;
            for (Element e : c.subList(1, c.size())) {
                assertEquals(MatroskaIds.SIMPLE_BLOCK, e.id());
                int p = (int) e.dataStart();
                assertEquals(0x80, file[p] & 0xC0, "one-octet track number");
                out.add(new Block(time, file[p] & 0x3F, ByteBuffer.wrap(file, p + 1, 2).getShort(), (file[p + 3] & 0x80) != 0,
                        firstBlock));
                firstBlock = false;
            }
        }
        return out;
    }

    private static double duration(byte[] file, Element segment) {
        Element d = first(children(file, first(children(file, segment), MatroskaIds.INFO)), MatroskaIds.DURATION);
        return ByteBuffer.wrap(file, (int) d.dataStart(), 8).getDouble();
    }

    /** Each CuePoint as {time, track, cluster position}. */
    private static List<long[]> cues(byte[] file, Element segment) {
        List<long[]> out = new ArrayList<>();
        for (Element point : children(file, first(children(file, segment), MatroskaIds.CUES))) {
            List<Element> p = children(file, point);
            List<Element> positions = children(file, first(p, MatroskaIds.CUE_TRACK_POSITIONS));
            out.add(new long[] {uint(file, first(p, MatroskaIds.CUE_TIME)), uint(file, first(positions, MatroskaIds.CUE_TRACK)),
                uint(file, first(positions, MatroskaIds.CUE_CLUSTER_POSITION))});
        }
        return out;
    }
}
