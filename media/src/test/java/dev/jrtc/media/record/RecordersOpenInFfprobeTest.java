package dev.jrtc.media.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.Ffmpeg;
import dev.jrtc.media.Ivf;
import dev.jrtc.media.TestFiles;
import dev.jrtc.media.audio.G711;
import dev.jrtc.media.audio.ToneMeter;
import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.media.source.TestPatternSource;
import dev.jrtc.media.source.ToneSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each recorder's file opens in ffprobe with the right codec, size and duration. */
class RecordersOpenInFfprobeTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsFfprobe() {
        Ffmpeg.assumeInstalled("ffprobe");
    }

    @Test
    void ivfOfVp8() throws Exception {
        List<Ivf.Frame> frames = Ivf.frames(TestFiles.resource("/vp8/clip-96x64.ivf"));
        Path path;
        // RTP timestamps near the 32-bit wrap, 30 fps; the first frame (a key frame) is dropped to
        // start on an inter frame, which the writer must skip until the next key frame (frame 8).
        long ts = 0xFFFFFFFFL - 5 * 3000L;
        try (Recorder r = Recorder.forCodec("VP8", dir, "vp8")) {
            path = r.path();
            for (int i = 1; i < frames.size(); i++) {
                r.write(frames.get(i).data(), (ts + i * 3000L) & 0xFFFFFFFFL, false);
            }
        }
        assertTrue(path.toString().endsWith(".ivf"));
        Map<String, String> p = Ffmpeg.probe(path);
        assertEquals("vp8", p.get("codec_name"));
        assertEquals("96", p.get("width"));
        assertEquals("64", p.get("height"));
        assertEquals("16", p.get("nb_read_frames"));
        List<Ivf.Frame> written = Ivf.frames(java.nio.file.Files.readAllBytes(path));
        assertEquals(0, written.get(0).pts());
        assertEquals(15 * 3000L, written.get(15).pts());
        // The decoded file equals ffmpeg's decoding of the same frames from the original clip.
        List<String> original = TestFiles.framemd5(TestFiles.resourceText("/vp8/clip-96x64.framemd5"));
        assertEquals(original.subList(8, 24), Ffmpeg.frameMd5s(path));
    }

    @Test
    void mp4AndAnnexBOfH264() throws Exception {
        TestPatternSource source = new TestPatternSource(160, 96, 25, 25);
        Path mp4;
        Path annexB;
        try (Recorder m = Recorder.forCodec("h264", dir, "video"); AnnexBWriter a = new AnnexBWriter(dir.resolve("v.h264"))) {
            mp4 = m.path();
            annexB = a.path();
            for (int i = 0; i < 50; i++) {
                EncodedMediaFrame f = source.next();
                m.write(f.data(), f.rtpTimestamp(), f.keyFrame());
                a.write(f.data(), f.rtpTimestamp(), f.keyFrame());
            }
        }
        assertTrue(mp4.toString().endsWith(".mp4"));
        Map<String, String> p = Ffmpeg.probe(mp4);
        assertEquals("h264", p.get("codec_name"));
        assertEquals("160", p.get("width"));
        assertEquals("96", p.get("height"));
        assertEquals("50", p.get("nb_read_frames"));
        assertEquals(2.0, Double.parseDouble(p.get("duration")), 0.05, "50 frames at 25 fps");
        assertEquals(Ffmpeg.frameMd5s(annexB), Ffmpeg.frameMd5s(mp4));
        Map<String, String> raw = Ffmpeg.probe(annexB);
        assertEquals("h264", raw.get("codec_name"));
        assertEquals("50", raw.get("nb_read_frames"));
    }

    @Test
    void oggOpusWithAGap() throws Exception {
        ToneSource tone = new ToneSource(880);
        Path path;
        OggOpusWriter w;
        try (Recorder r = Recorder.forCodec("OPUS", dir, "tone")) {
            w = (OggOpusWriter) r;
            path = r.path();
            for (int i = 0; i < 150; i++) {
                EncodedMediaFrame f = tone.next();
                if (i >= 60 && i < 70) {
                    continue; // 200 ms lost
                }
                r.write(f.data(), f.rtpTimestamp() + 0xFFFFF000L, true);
            }
        }
        assertEquals(150 * 960, w.granulePosition());
        Map<String, String> p = Ffmpeg.probe(path);
        assertEquals("opus", p.get("codec_name"));
        assertEquals("48000", p.get("sample_rate"));
        assertEquals("1", p.get("channels"));
        // 3 s of packets (ffprobe puts the pre-skip before time 0, as a negative start time).
        assertEquals(3.0, Double.parseDouble(p.get("duration")), 0.001);
        // libopus (through ffmpeg) decodes the file to the tone; CRC errors would fail the demuxer.
        byte[] pcm = Ffmpeg.run("ffmpeg", "-v", "error", "-err_detect", "crccheck+explode", "-i", path.toString(),
                "-f", "s16le", "-ac", "1", "-ar", "48000", "-");
        short[] s = new short[pcm.length / 2];
        ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
        assertEquals(150 * 960 - OggOpusWriter.PRE_SKIP, s.length);
        short[] first = java.util.Arrays.copyOfRange(s, 4800, 48000);
        assertEquals(880, ToneMeter.frequency(first, 1, 0, 48000), 2);
    }

    @Test
    void oggCrcCheckValue() {
        byte[] check = "123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(0x89A1897F, OggCrc.of(check, 0, check.length));
    }

    @Test
    void wavOfG711AndOfPcm() throws Exception {
        Path mu;
        try (Recorder r = Recorder.forCodec("PCMU", dir, "mu")) {
            mu = r.path();
            byte[] payload = new byte[160];
            for (int i = 0; i < 100; i++) {
                for (int k = 0; k < 160; k++) {
                    payload[k] = G711.encodeMu((short) (8000 * Math.sin(2 * Math.PI * 1000 * (i * 160 + k) / 8000.0)));
                }
                r.write(payload, i * 160L, true);
            }
        }
        Map<String, String> p = Ffmpeg.probe(mu);
        assertEquals("pcm_mulaw", p.get("codec_name"));
        assertEquals("8000", p.get("sample_rate"));
        assertEquals(2.0, Double.parseDouble(p.get("duration")), 0.001);

        Path pcm = dir.resolve("pcm.wav");
        try (WavWriter w = WavWriter.pcm16(pcm, 48000, 2)) {
            w.writeSamples(new short[48000 * 2]);
        }
        Map<String, String> q = Ffmpeg.probe(pcm);
        assertEquals("pcm_s16le", q.get("codec_name"));
        assertEquals("2", q.get("channels"));
        assertEquals(1.0, Double.parseDouble(q.get("duration")), 0.001);

        Path a;
        try (Recorder r = Recorder.forCodec("pcma", dir, "a")) {
            a = r.path();
            r.write(new byte[801], 0, true);
        }
        assertEquals("pcm_alaw", Ffmpeg.probe(a).get("codec_name"));
    }
}
