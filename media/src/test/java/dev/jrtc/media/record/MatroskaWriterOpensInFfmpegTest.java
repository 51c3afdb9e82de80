package dev.jrtc.media.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ffmpeg;
import dev.jrtc.media.Ivf;
import dev.jrtc.media.Md5;
import dev.jrtc.media.TestFiles;
import dev.jrtc.media.audio.ToneMeter;
import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.media.source.TestPatternSource;
import dev.jrtc.media.source.ToneSource;
import dev.jrtc.media.video.I420Frame;
import dev.jrtc.media.video.VideoDecoder;
import dev.jrtc.rtp.codec.AnnexB;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebM/Matroska recordings of real encoded media, checked by ffmpeg and ffprobe: the codecs, the
 * picture size, the duration and the stream count; a decode with no error output; and the frames
 * demuxed back by ffmpeg equal, octet for octet, to the frames written.
 */
class MatroskaWriterOpensInFfmpegTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsFfmpeg() {
        Ffmpeg.assumeInstalled("ffprobe");
        Ffmpeg.assumeInstalled("ffmpeg");
    }

    /** What was written, for comparing with what ffmpeg reads back. */
    private record Written(Path file, List<byte[]> video, List<byte[]> audio, double endSeconds) {
    }

    /** Writes a captured call in arrival order, with the capture's clock as the writer's clock. */
    private Written record(CapturedCall call, String baseName) {
        long[] now = {0};
        boolean vp8 = call.videoCodec().equals("VP8");
        Path path = dir.resolve(baseName + (vp8 ? ".webm" : ".mkv"));
        List<byte[]> video = new ArrayList<>();
        List<byte[]> audio = new ArrayList<>();
        long firstMicros = -1;
        double end = 0;
        long videoStart = -1;
        long audioStart = -1;
        long videoFirstRtp = 0;
        long audioFirstRtp = 0;
        try (MatroskaWriter w = new MatroskaWriter(path, Optional.of(call.videoCodec()), true, () -> now[0])) {
            for (CapturedCall.Frame f : call.frames()) {
                now[0] = f.micros() * 1000;
                if (f.video()) {
                    boolean key = vp8 ? IvfWriter.isVp8KeyFrame(f.data()) : H264Nal.containsIdr(f.data());
                    if (video.isEmpty() && !key) {
                        continue; // the writer skips these too; nothing is fed that the oracle would not see
                    }
                    w.video().write(f.data(), f.rtpTimestamp(), key);
                    video.add(f.data());
                    if (videoStart < 0) {
                        firstMicros = firstMicros < 0 ? f.micros() : firstMicros;
                        videoStart = (f.micros() - firstMicros) / 1000;
                        videoFirstRtp = f.rtpTimestamp();
                    }
                    // the last frame lasts one 30 fps frame at most
                    end = Math.max(end, videoStart + (f.rtpTimestamp() - videoFirstRtp) / 90.0 + 33.4);
                } else {
                    w.audio().write(f.data(), f.rtpTimestamp(), true);
                    audio.add(f.data());
                    if (audioStart < 0) {
                        firstMicros = firstMicros < 0 ? f.micros() : firstMicros;
                        audioStart = (f.micros() - firstMicros) / 1000;
                        audioFirstRtp = f.rtpTimestamp();
                    }
                    end = Math.max(end, audioStart + (f.rtpTimestamp() - audioFirstRtp) / 48.0 + 20);
                }
            }
            assertEquals(0, w.skippedFrames());
        }
        return new Written(path, video, audio, end / 1000);
    }

    @Test
    void chromiumsVp8AndOpusAsWebm() throws Exception {
        Written w = record(CapturedCall.load("chromium-aiortc-vp8"), "chromium-vp8");
        assertTrue(w.video.size() >= 60 && w.audio.size() >= 200, w.video.size() + " video, " + w.audio.size() + " audio");
        I420Frame first = VideoDecoder.forCodec("VP8").decode(w.video.get(0), 0, true).orElseThrow();

        Map<String, List<Map<String, String>>> probe = Ffmpeg.probeAll(w.file);
        System.out.println("chromium-vp8.webm: " + probe);
        assertTrue(probe.get("format").get(0).get("format_name").contains("webm"));
        List<Map<String, String>> streams = probe.get("streams");
        assertEquals(2, streams.size());
        assertStream(streams.get(0), "vp8", "video", w.video.size());
        assertEquals(first.width(), Integer.parseInt(streams.get(0).get("width")));
        assertEquals(first.height(), Integer.parseInt(streams.get(0).get("height")));
        assertStream(streams.get(1), "opus", "audio", w.audio.size());
        assertEquals("48000", streams.get(1).get("sample_rate"));
        assertEquals(w.endSeconds, duration(probe), 0.070, "within two frames");

        assertDecodesWithoutErrors(w.file);
        assertEquals(md5s(w.video), md5s(Ivf.frames(demux(w.file, "0:v", "-f", "ivf")).stream().map(Ivf.Frame::data).toList()));
        assertEquals(md5s(w.audio), packetMd5s(w.file, "0:a"));
    }

    @Test
    void chromiumsH264AndOpusAsMatroska() throws Exception {
        Written w = record(CapturedCall.load("chromium-aiortc-h264"), "chromium-h264");
        assertTrue(w.video.size() >= 60 && w.audio.size() >= 200, w.video.size() + " video, " + w.audio.size() + " audio");
        Path annexB = dir.resolve("input.h264");
        Files.write(annexB, concat(w.video));
        Map<String, String> input = Ffmpeg.probe(annexB);

        Map<String, List<Map<String, String>>> probe = Ffmpeg.probeAll(w.file);
        System.out.println("chromium-h264.mkv: " + probe);
        assertTrue(probe.get("format").get(0).get("format_name").startsWith("matroska"));
        List<Map<String, String>> streams = probe.get("streams");
        assertEquals(2, streams.size());
        assertStream(streams.get(0), "h264", "video", w.video.size());
        assertEquals(input.get("width"), streams.get(0).get("width"));
        assertEquals(input.get("height"), streams.get(0).get("height"));
        assertStream(streams.get(1), "opus", "audio", w.audio.size());
        assertEquals(w.endSeconds, duration(probe), 0.070, "within two frames");

        assertDecodesWithoutErrors(w.file);
        // Back to Annex B, the NAL units are the ones written (start code lengths aside)...
        byte[] back = demux(w.file, "0:v", "-bsf:v", "h264_mp4toannexb", "-f", "h264");
        assertEquals(md5s(AnnexB.split(concat(w.video))), md5s(AnnexB.split(back)));
        // ...and the pictures decoded from the file are those decoded from the input stream.
        assertEquals(Ffmpeg.frameMd5s(annexB), decodedVideoMd5s(w.file));
        assertEquals(md5s(w.audio), packetMd5s(w.file, "0:a"));
    }

    @Test
    void vp8ClipWithALaterToneAcrossTheTimestampWrap() throws Exception {
        List<Ivf.Frame> clip = Ivf.frames(TestFiles.resource("/vp8/clip-96x64.ivf"));
        ToneSource tone = new ToneSource(660);
        long[] now = {0};
        Path path = dir.resolve("clip.webm");
        List<byte[]> audio = new ArrayList<>();
        long videoBase = 0xFFFFFFFFL - 10 * 3000L; // the video's RTP timestamps wrap after 10 frames
        long audioBase = 0xFFFFFFFFL - 20 * 960L;
        try (MatroskaWriter w = new MatroskaWriter(path, Optional.of("vp8"), true, () -> now[0])) {
            // 24 frames at 30 fps; the tone starts 200 ms after the first frame and lasts 1 s.
            int a = 0;
            for (int ms = 0; ms < 1300; ms++) {
                now[0] = ms * 1_000_000L;
                if (ms % 40 == 0 && ms / 40 < 24) { // frames arrive every 40 ms (jitter), but RTP says 33.3
                    int i = ms / 40;
                    w.video().write(clip.get(i).data(), (videoBase + i * 3000L) & 0xFFFFFFFFL, false);
                }
                if (ms >= 200 && (ms - 200) % 20 == 0 && a < 50) {
                    EncodedMediaFrame f = tone.next();
                    w.audio().write(f.data(), (audioBase + f.rtpTimestamp()) & 0xFFFFFFFFL, true);
                    audio.add(f.data());
                    a++;
                }
            }
        }
        Map<String, List<Map<String, String>>> probe = Ffmpeg.probeAll(path);
        System.out.println("clip.webm: " + probe);
        List<Map<String, String>> streams = probe.get("streams");
        assertStream(streams.get(0), "vp8", "video", 24);
        assertEquals("96", streams.get(0).get("width"));
        assertEquals("64", streams.get(0).get("height"));
        assertStream(streams.get(1), "opus", "audio", 50);
        assertEquals("1", streams.get(1).get("channels"));
        assertEquals(1.2, duration(probe), 0.001, "the tone ends last: 200 ms + 50 x 20 ms");
        assertDecodesWithoutErrors(path);

        // Times: video every 33 or 34 ms from RTP (not the 40 ms arrival), audio from 200 ms on.
        List<long[]> video = packetTimes(path, "0:v");
        assertEquals(0, video.get(0)[0]);
        assertEquals(767, video.get(23)[0]); // 23 x 3000 / 90 = 766.7
        // ffmpeg presents an Opus packet CodecDelay (6.5 ms) before its block time, as RFC 9559 says; the
        // samples it then drops are exactly that delay, so what is heard starts at 200 ms.
        assertEquals(193, packetTimes(path, "0:a").get(0)[0]);

        List<String> original = TestFiles.framemd5(TestFiles.resourceText("/vp8/clip-96x64.framemd5"));
        assertEquals(original, decodedVideoMd5s(path));
        assertEquals(md5s(clip.stream().map(Ivf.Frame::data).toList()),
                md5s(Ivf.frames(demux(path, "0:v", "-f", "ivf")).stream().map(Ivf.Frame::data).toList()));

        byte[] pcm = Ffmpeg.run("ffmpeg", "-v", "error", "-i", path.toString(), "-map", "0:a", "-f", "s16le", "-ac", "1",
                "-ar", "48000", "-");
        short[] s = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        assertEquals(660, ToneMeter.frequency(java.util.Arrays.copyOfRange(s, 4800, 43200), 1, 0, 48000), 2);
    }

    @Test
    void h264TestPatternAloneAndOpusAlone() throws Exception {
        TestPatternSource pattern = new TestPatternSource(176, 100, 25, 25);
        Path mkv;
        try (MatroskaWriter w = MatroskaWriter.forCodecs(Optional.of("H264"), Optional.empty(), dir, "pattern")) {
            mkv = w.path();
            for (int i = 0; i < 50; i++) {
                EncodedMediaFrame f = pattern.next();
                w.video().write(f.data(), f.rtpTimestamp(), f.keyFrame());
            }
        }
        assertEquals(dir.resolve("pattern.mkv"), mkv);
        Map<String, List<Map<String, String>>> v = Ffmpeg.probeAll(mkv);
        System.out.println("pattern.mkv: " + v);
        assertEquals(1, v.get("streams").size());
        assertStream(v.get("streams").get(0), "h264", "video", 50);
        assertEquals("176", v.get("streams").get(0).get("width"));
        assertEquals("100", v.get("streams").get(0).get("height")); // cropped from 7 macroblock rows
        assertEquals(2.0, duration(v), 0.001, "50 frames at 25 fps");
        assertDecodesWithoutErrors(mkv);

        ToneSource tone = new ToneSource(440);
        Path webm;
        try (MatroskaWriter w = MatroskaWriter.forCodecs(Optional.empty(), Optional.of("opus"), dir, "tone")) {
            webm = w.path();
            for (int i = 0; i < 600; i++) { // 12 s: three clusters
                EncodedMediaFrame f = tone.next();
                w.audio().write(f.data(), f.rtpTimestamp(), true);
            }
        }
        assertEquals(dir.resolve("tone.webm"), webm);
        Map<String, List<Map<String, String>>> a = Ffmpeg.probeAll(webm);
        System.out.println("tone.webm: " + a);
        assertEquals(1, a.get("streams").size());
        assertStream(a.get("streams").get(0), "opus", "audio", 600);
        assertEquals(12.0, duration(a), 0.001);
        assertDecodesWithoutErrors(webm);
        // A seek into the last cluster (through the Cues) decodes cleanly too.
        assertEquals("", Ffmpeg.stderr("ffmpeg", "-v", "error", "-ss", "10.5", "-i", webm.toString(), "-f", "null", "-").strip());
    }

    private static void assertStream(Map<String, String> s, String codec, String type, int packets) {
        assertEquals(codec, s.get("codec_name"), s.toString());
        assertEquals(type, s.get("codec_type"), s.toString());
        assertEquals(String.valueOf(packets), s.get("nb_read_packets"), s.toString());
    }

    private static double duration(Map<String, List<Map<String, String>>> probe) {
        return Double.parseDouble(probe.get("format").get(0).get("duration"));
    }

    private static void assertDecodesWithoutErrors(Path file) throws Exception {
        assertEquals("", Ffmpeg.stderr("ffmpeg", "-v", "error", "-i", file.toString(), "-f", "null", "-").strip(),
                "ffmpeg reported errors decoding " + file.getFileName());
    }

    /** ffmpeg's MD5 of each decoded picture of the video stream. */
    private static List<String> decodedVideoMd5s(Path file) throws Exception {
        return TestFiles.framemd5(new String(Ffmpeg.run("ffmpeg", "-v", "error", "-i", file.toString(), "-map", "0:v",
                "-fps_mode", "passthrough", "-pix_fmt", "yuv420p", "-f", "framemd5", "-"), StandardCharsets.UTF_8));
    }

    /** One stream copied out of the file into another container, on standard output. */
    private static byte[] demux(Path file, String stream, String... format) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-map", stream,
                "-c", "copy"));
        cmd.addAll(List.of(format));
        cmd.add("-");
        return Ffmpeg.run(cmd.toArray(String[]::new));
    }

    /** The MD5 of each packet of a stream as ffmpeg's demuxer returns it. */
    private static List<String> packetMd5s(Path file, String stream) throws Exception {
        return TestFiles.framemd5(new String(demux(file, stream, "-f", "framemd5"), StandardCharsets.UTF_8));
    }

    /** Each packet's pts and duration in milliseconds (framemd5 of a Matroska stream uses its 1/1000 time base). */
    private static List<long[]> packetTimes(Path file, String stream) throws Exception {
        List<long[]> out = new ArrayList<>();
        for (String line : new String(demux(file, stream, "-f", "framemd5"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] c = line.split(",");
                out.add(new long[] {Long.parseLong(c[2].trim()), Long.parseLong(c[3].trim())});
            }
        }
        return out;
    }

    private static List<String> md5s(List<byte[]> frames) {
        return frames.stream().map(Md5::hex).toList();
    }

    private static byte[] concat(List<byte[]> frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        frames.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
