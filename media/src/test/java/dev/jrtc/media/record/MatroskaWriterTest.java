package dev.jrtc.media.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ivf;
import dev.jrtc.media.TestFiles;
import dev.jrtc.media.UnsupportedCodecException;
import dev.jrtc.media.record.EbmlElements.Element;
import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.media.source.TestPatternSource;
import dev.jrtc.media.source.ToneSource;
import dev.jrtc.rtp.codec.AnnexB;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Matroska writer accepts, skips and counts, and how it names and finishes files. */
class MatroskaWriterTest {
    @TempDir
    Path dir;

    @Test
    void containerAndExtensionFollowTheCodecs() {
        try (MatroskaWriter a = MatroskaWriter.forCodecs(Optional.of("vp8"), Optional.of("opus"), dir, "a");
                MatroskaWriter b = MatroskaWriter.forCodecs(Optional.of("H.264"), Optional.of("OPUS"), dir, "b");
                MatroskaWriter c = MatroskaWriter.forCodecs(Optional.empty(), Optional.of("opus"), dir, "c")) {
            assertEquals(dir.resolve("a.webm"), a.path());
            assertEquals(dir.resolve("b.mkv"), b.path());
            assertEquals(dir.resolve("c.webm"), c.path());
            assertEquals(a.path(), a.video().path());
            assertThrows(IllegalStateException.class, c::video);
        }
        assertThrows(UnsupportedCodecException.class,
                () -> MatroskaWriter.forCodecs(Optional.of("VP9"), Optional.of("opus"), dir, "d"));
        assertThrows(UnsupportedCodecException.class,
                () -> MatroskaWriter.forCodecs(Optional.of("VP8"), Optional.of("PCMU"), dir, "e"));
        assertThrows(IllegalArgumentException.class,
                () -> MatroskaWriter.forCodecs(Optional.empty(), Optional.empty(), dir, "f"));
        assertTrue(MatroskaWriter.supports(Optional.of("h264"), Optional.of("opus")));
        assertTrue(MatroskaWriter.supports(Optional.empty(), Optional.of("opus")));
        assertFalse(MatroskaWriter.supports(Optional.of("VP9"), Optional.empty()));
        assertFalse(MatroskaWriter.supports(Optional.of("VP8"), Optional.of("PCMA")));
        assertFalse(MatroskaWriter.supports(Optional.empty(), Optional.empty()));
    }

    @Test
    void videoBeforeTheFirstKeyFrameIsSkippedAndCounted() throws Exception {
        List<Ivf.Frame> clip = Ivf.frames(TestFiles.resource("/vp8/clip-96x64.ivf"));
        Path path = dir.resolve("late.webm");
        MatroskaWriter w = new MatroskaWriter(path, Optional.of("VP8"), false, () -> 0);
        for (int i = 1; i < clip.size(); i++) {
            w.video().write(clip.get(i).data(), i * 3000L, true); // the RTP key flag is not trusted
        }
        assertEquals(7, w.skippedFrames(), "frames 1 to 7 come before the key frame 8");
        w.close();
        assertEquals(16, blockTimes(path).size());
        assertEquals(0, blockTimes(path).get(0));
    }

    @Test
    void anIdrWithoutParameterSetsCannotStartTheTrack() throws Exception {
        TestPatternSource pattern = new TestPatternSource(64, 48, 25, 25);
        EncodedMediaFrame idr = pattern.next();
        List<byte[]> bare = new ArrayList<>();
        for (byte[] nal : AnnexB.split(idr.data())) {
            if ((nal[0] & 0x1F) == H264Nal.IDR) {
                bare.add(nal);
            }
        }
        Path path = dir.resolve("bare.mkv");
        try (MatroskaWriter w = new MatroskaWriter(path, Optional.of("H264"), false, () -> 0)) {
            w.video().write(AnnexB.join(bare), 0, true);
            assertEquals(1, w.skippedFrames());
            w.video().write(idr.data(), 3600, true);
            w.video().write(pattern.next().data(), 7200, false);
            assertEquals(1, w.skippedFrames());
        }
        assertEquals(List.of(0L, 40L), blockTimes(path));
    }

    @Test
    void opusThatIsMalformedRepeatedOrLateIsSkippedAndCounted() throws Exception {
        ToneSource tone = new ToneSource(440);
        Path path = dir.resolve("a.webm");
        try (MatroskaWriter w = new MatroskaWriter(path, Optional.empty(), true, () -> 0)) {
            EncodedMediaFrame a = tone.next();
            EncodedMediaFrame b = tone.next();
            EncodedMediaFrame c = tone.next();
            w.audio().write(new byte[0], 0, true);
            w.audio().write(new byte[] {3}, 0, true); // code 3 without its frame count
            w.audio().write(a.data(), a.rtpTimestamp(), true);
            w.audio().write(c.data(), c.rtpTimestamp(), true);
            w.audio().write(c.data(), c.rtpTimestamp(), true); // a duplicate
            w.audio().write(b.data(), b.rtpTimestamp(), true); // behind the file's timeline: a gap stays a gap
            assertEquals(4, w.skippedFrames());
        }
        assertEquals(List.of(0L, 40L), blockTimes(path));
    }

    @Test
    void videoTimesNeverGoBackwards() throws Exception {
        List<Ivf.Frame> clip = Ivf.frames(TestFiles.resource("/vp8/clip-96x64.ivf"));
        Path path = dir.resolve("v.webm");
        try (MatroskaWriter w = new MatroskaWriter(path, Optional.of("VP8"), false, () -> 0)) {
            long[] rtp = {0, 3000, 1500, 6000};
            for (int i = 0; i < rtp.length; i++) {
                w.video().write(clip.get(i).data(), rtp[i], false);
            }
        }
        assertEquals(List.of(0L, 33L, 33L, 67L), blockTimes(path));
    }

    @Test
    void eachTrackStartsWhenItsFirstFrameArrives() throws Exception {
        List<Ivf.Frame> clip = Ivf.frames(TestFiles.resource("/vp8/clip-96x64.ivf"));
        ToneSource tone = new ToneSource(440);
        long[] now = {5_000_000_000L};
        Path path = dir.resolve("av.webm");
        try (MatroskaWriter w = new MatroskaWriter(path, Optional.of("VP8"), true, () -> now[0])) {
            EncodedMediaFrame p = tone.next();
            w.audio().write(p.data(), 123_456 + p.rtpTimestamp(), true); // t = 0
            now[0] += 250_000_000; // the first video frame arrives 250 ms later
            w.video().write(clip.get(0).data(), 777_000, true);
            now[0] += 900_000_000; // arrival jitter does not move later frames: their RTP timestamps do
            w.video().write(clip.get(1).data(), 777_000 + 3000, false);
            p = tone.next();
            w.audio().write(p.data(), 123_456 + p.rtpTimestamp(), true);
        }
        assertEquals(List.of(0L, 250L, 283L, 20L), blockTimes(path));
    }

    @Test
    void closingBothTrackViewsFinishesTheFile() throws Exception {
        Path path = dir.resolve("views.webm");
        MatroskaWriter w = new MatroskaWriter(path, Optional.of("VP8"), true, () -> 0);
        Recorder video = w.video();
        Recorder audio = w.audio();
        EncodedMediaFrame p = new ToneSource(440).next();
        audio.write(p.data(), p.rtpTimestamp(), true);
        video.close();
        audio.write(p.data(), p.rtpTimestamp() + 960, true); // the audio track goes on
        audio.close();
        assertThrows(IllegalStateException.class, () -> audio.write(p.data(), 1920, true));
        assertThrows(IllegalStateException.class, () -> video.write(new byte[10], 0, true));
        w.close(); // again: nothing happens
        byte[] file = Files.readAllBytes(path);
        Element segment = EbmlElements.read(file, 0, file.length).get(1);
        assertEquals(file.length - segment.dataStart(), ByteBuffer.wrap(file, (int) segment.start() + 4, 8).getLong()
                & 0x00FFFFFFFFFFFFFFL, "the Segment size is written");
        assertEquals(List.of(0L, 20L), blockTimes(path));
    }

    @Test
    void avcDecoderConfigurationRecordAndLengthPrefixedBlocks() {
        byte[] sps = HexFormat.of().parseHex("6742c01e8c8d40");
        byte[] pps = HexFormat.of().parseHex("68ce3c80");
        // ISO/IEC 14496-15 5.2.4.1: version 1, profile 0x42, compatibility 0xc0, level 0x1e,
        // 0xff (4-octet lengths), 0xe1 (one SPS), its 16-bit length, the SPS, one PPS, its length, the PPS.
        assertArrayEquals(HexFormat.of().parseHex("0142c01effe1" + "0007" + "6742c01e8c8d40" + "01" + "0004" + "68ce3c80"),
                AvcMatroskaVideo.decoderConfiguration(sps, pps));
        byte[] accessUnit = HexFormat.of().parseHex("00000001" + "6742c01e8c8d40" + "000001" + "68ce3c80" + "000001" + "6588");
        assertArrayEquals(HexFormat.of().parseHex("00000007" + "6742c01e8c8d40" + "00000004" + "68ce3c80" + "00000002" + "6588"),
                new AvcMatroskaVideo().blockData(accessUnit));
    }

    /** Every block's absolute time, in file order. */
    private static List<Long> blockTimes(Path path) throws Exception {
        byte[] file = Files.readAllBytes(path);
        Element segment = EbmlElements.read(file, 0, file.length).get(1);
        List<Long> out = new ArrayList<>();
        for (Element cluster : EbmlElements.children(file, segment)) {
            if (cluster.id() == MatroskaIds.CLUSTER) {
                List<Element> c = EbmlElements.children(file, cluster);
                long time = EbmlElements.uint(file, c.get(0));
                for (Element b : c.subList(1, c.size())) {
                    out.add(time + ByteBuffer.wrap(file, (int) b.dataStart() + 1, 2).getShort());
                }
            }
        }
        return out;
    }
}
