package dev.jrtc.interop.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.PrivateNetworkNamespace;
import dev.jrtc.interop.pc.PageMessages;
import dev.jrtc.media.audio.AudioDecoder;
import dev.jrtc.media.audio.ToneMeter;
import dev.jrtc.media.record.AnnexBWriter;
import dev.jrtc.media.record.IvfWriter;
import dev.jrtc.media.record.Mp4Writer;
import dev.jrtc.media.record.OggOpusWriter;
import dev.jrtc.media.video.DecodeException;
import dev.jrtc.media.video.H264AccessUnits;
import dev.jrtc.media.video.I420Frame;
import dev.jrtc.media.video.VideoDecoder;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.sdp.jsep.MediaKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Chromium media through jrtc into the media module. Chromium (OpenH264, 320x240 fake camera)
 * sends H.264: the frames {@code RemoteTrack.onframe} gives are recorded with {@link AnnexBWriter},
 * and jcodec's pictures must have the MD5s that {@code ffmpeg -f framemd5} gives for that file.
 * The same frames go into an MP4 that ffprobe opens, with the same pictures. VP8 from the same
 * camera goes into an IVF, and codec-vp8's pictures must equal ffmpeg's from that file.
 * Chromium's fake microphone beeps (a 400 Hz tone burst every half second, by Chromium's fake audio
 * source): the Opus packets are decoded by Concentus and the beeps' frequency is measured.
 * Counts: {@code -Djrtc.interop.media.h264Frames=N}, {@code -Djrtc.interop.media.opusPackets=N}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChromiumMediaDecodedByJrtcIT {
    private static final int H264_FRAMES = Integer.getInteger("jrtc.interop.media.h264Frames", 60);
    private static final int OPUS_PACKETS = Integer.getInteger("jrtc.interop.media.opusPackets", 150);
    private static final double BEEP_HZ = 400;
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    @Test
    void chromiumH264DecodesToTheSamePicturesAsFfmpeg() throws Exception {
        List<EncodedFrame> frames = receive("video=H264", MediaKind.VIDEO, H264_FRAMES, "video/H264");
        Path file = dir.resolve("chromium.h264");
        try (AnnexBWriter w = new AnnexBWriter(file)) {
            for (EncodedFrame f : frames) {
                w.write(f.data(), f.rtpTimestamp(), f.keyFrame());
            }
            assertTrue(w.accessUnits() >= H264_FRAMES / 2, "access units from the first IDR: " + w.accessUnits());
        }
        List<String> ours = new ArrayList<>();
        try (VideoDecoder d = VideoDecoder.forCodec("H264")) {
            for (byte[] au : H264AccessUnits.split(Files.readAllBytes(file))) {
                Optional<I420Frame> f = decode(d, au);
                while (f.isPresent()) {
                    assertEquals(320, f.get().width());
                    assertEquals(240, f.get().height());
                    ours.add(Tools.md5(f.get().toPacked()));
                    f = d.nextFrame();
                }
            }
        }
        List<String> ffmpeg = Tools.ffmpegFrameMd5s(file);
        System.out.println("Chromium H.264: " + frames.size() + " frames received, " + ours.size()
                + " pictures decoded by jcodec, " + ffmpeg.size() + " by ffmpeg");
        assertFalse(ours.isEmpty());
        assertEquals(ffmpeg, ours);

        Path mp4 = dir.resolve("chromium.mp4");
        try (Mp4Writer w = new Mp4Writer(mp4)) {
            frames.forEach(f -> w.write(f.data(), f.rtpTimestamp(), f.keyFrame()));
        }
        Map<String, String> probe = Tools.ffprobe(mp4);
        assertEquals("h264", probe.get("codec_name"));
        assertEquals("320", probe.get("width"));
        assertEquals("240", probe.get("height"));
        assertEquals(ffmpeg, Tools.ffmpegFrameMd5s(mp4), "the MP4 holds the same pictures");
        assertEquals(span(frames), Double.parseDouble(probe.get("duration")), 0.2, "duration: " + probe);
    }

    @Test
    void chromiumVp8RecordsToIvfAndDecodesLikeFfmpeg() throws Exception {
        List<EncodedFrame> frames = receive("video=VP8", MediaKind.VIDEO, H264_FRAMES, "video/VP8");
        Path ivf = dir.resolve("chromium.ivf");
        List<String> ours = new ArrayList<>();
        try (IvfWriter w = new IvfWriter(ivf); VideoDecoder d = VideoDecoder.forCodec("VP8")) {
            for (EncodedFrame f : frames) {
                w.write(f.data(), f.rtpTimestamp(), f.keyFrame());
                if (w.frames() > 0) {
                    try {
                        d.decode(f.data(), f.rtpTimestamp(), f.keyFrame())
                                .ifPresent(p -> ours.add(md5(p.toPacked())));
                    } catch (DecodeException e) {
                        throw new AssertionError("our VP8 decoder refused Chromium's frame: " + e.getMessage(), e);
                    }
                }
            }
        }
        Map<String, String> probe = Tools.ffprobe(ivf);
        assertEquals("vp8", probe.get("codec_name"));
        assertEquals("320", probe.get("width"));
        assertEquals("240", probe.get("height"));
        List<String> ffmpeg = Tools.ffmpegFrameMd5s(ivf);
        System.out.println("Chromium VP8: " + frames.size() + " frames received, " + ours.size()
                + " pictures decoded by codec-vp8, " + ffmpeg.size() + " by ffmpeg");
        assertFalse(ours.isEmpty());
        assertEquals(ffmpeg, ours);
    }

    private static String md5(byte[] data) {
        try {
            return Tools.md5(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds from the first key frame to one frame after the last, by RTP timestamps. */
    private static double span(List<EncodedFrame> frames) {
        int first = 0;
        while (!frames.get(first).keyFrame()) {
            first++;
        }
        long ticks = frames.get(frames.size() - 1).rtpTimestamp() - frames.get(first).rtpTimestamp();
        long last = frames.get(frames.size() - 1).rtpTimestamp() - frames.get(frames.size() - 2).rtpTimestamp();
        return (ticks + last) / 90000.0;
    }

    private static Optional<I420Frame> decode(VideoDecoder d, byte[] au) {
        try {
            return d.decode(au, 0, false);
        } catch (DecodeException e) {
            throw new AssertionError("jcodec refused Chromium's H.264: " + e.getMessage(), e);
        }
    }

    @Test
    void chromiumFakeMicrophoneBeepsAtItsFrequency() throws Exception {
        List<EncodedFrame> packets = receive("audio=1", MediaKind.AUDIO, OPUS_PACKETS, null);
        AudioDecoder decoder = AudioDecoder.forCodec("OPUS");
        short[] pcm = new short[0];
        long next = packets.get(0).rtpTimestamp();
        Path ogg = dir.resolve("microphone.opus");
        try (OggOpusWriter w = new OggOpusWriter(ogg)) {
            for (EncodedFrame p : packets) {
                w.write(p.data(), p.rtpTimestamp(), true);
                // A gap (loss or DTX) is concealed, so the timeline stays true.
                while (((p.rtpTimestamp() - next) & 0xFFFFFFFFL) >= 960 && ((p.rtpTimestamp() - next) & 0xFFFFFFFFL) < 48000) {
                    pcm = concat(pcm, decoder.conceal());
                    next += 960;
                }
                short[] out = decoder.decode(p.data());
                pcm = concat(pcm, out);
                next = p.rtpTimestamp() + out.length / 2;
            }
        }
        assertEquals(0, decoder.corruptPackets());
        List<Double> beeps = beepFrequencies(pcm, 2, 48000);
        System.out.println("Chromium fake microphone: " + packets.size() + " Opus packets, beeps at " + beeps + " Hz");
        assertTrue(beeps.size() >= 3, "beeps found: " + beeps);
        for (double hz : beeps) {
            assertEquals(BEEP_HZ, hz, BEEP_HZ * 0.01, "beep frequencies " + beeps);
        }
        Map<String, String> probe = Tools.ffprobe(ogg);
        assertEquals("opus", probe.get("codec_name"));
        assertEquals("48000", probe.get("sample_rate"));
    }

    /**
     * Finds the bursts of at least 15 ms (runs of 2.5 ms blocks louder than a quarter of the
     * loudest) and measures each one's fundamental by autocorrelation: the beep is a square wave, and Opus leaves
     * ringing around its edges that would confuse a zero-crossing count.
     */
    static List<Double> beepFrequencies(short[] pcm, int channels, int rate) {
        int block = rate / 400;
        int blocks = pcm.length / channels / block;
        double[] rms = new double[blocks];
        double loudest = 0;
        for (int b = 0; b < blocks; b++) {
            rms[b] = ToneMeter.rms(Arrays.copyOfRange(pcm, b * block * channels, (b + 1) * block * channels), channels, 0);
            loudest = Math.max(loudest, rms[b]);
        }
        List<Double> found = new ArrayList<>();
        int b = 0;
        while (b < blocks) {
            if (rms[b] < loudest / 4) {
                b++;
                continue;
            }
            int start = b;
            int end = b;
            // A burst ends after more than 5 ms of quiet, so one beep is never split in two.
            while (b < blocks && b - end <= 2) {
                if (rms[b] >= loudest / 4) {
                    end = b;
                }
                b++;
            }
            b = end + 1;
            if (b - start >= 6) {
                short[] burst = Arrays.copyOfRange(pcm, start * block * channels, b * block * channels);
                found.add(ToneMeter.fundamental(burst, channels, 0, rate, 200, 3000));
                System.out.printf("burst at %.1f ms, %.1f ms long, rms %.0f%n", start * 2.5, (b - start) * 2.5,
                        ToneMeter.rms(burst, channels, 0));
            }
        }
        return found;
    }

    private List<EncodedFrame> receive(String query, MediaKind kind, int count, String expectedMime) throws Exception {
        PrivateNetworkNamespace.assertInside();
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(server.pageUri("media-sends-to-jrtc.html", query),
                        HeadlessChromium.Media.FAKE_DEVICES);
                ReceivingJrtc jrtc = new ReceivingJrtc()) {
            String offer = PageMessages.expect(server, "offer", WAIT, "chromium", chromium::logTail).path("sdp").asText();
            server.send(Map.of("type", "answer", "sdp", jrtc.answer(offer)));
            PageMessages.expect(server, "applied", WAIT, "chromium", chromium::logTail);
            List<EncodedFrame> frames = jrtc.await(kind, count, WAIT, chromium::logTail);
            server.send(Map.of("type", "done"));
            JsonNode stats = PageMessages.expect(server, "stats", WAIT, "chromium", chromium::logTail);
            System.out.println("Chromium says: " + stats);
            if (expectedMime != null) {
                assertEquals(expectedMime, stats.path("videoMimeType").asText(), "Chromium's encoder: " + stats);
            }
            return frames;
        }
    }

    private static short[] concat(short[] a, short[] b) {
        short[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
