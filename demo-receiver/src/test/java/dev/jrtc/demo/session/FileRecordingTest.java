package dev.jrtc.demo.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.source.EncodedMediaFrame;
import dev.jrtc.media.source.ToneSource;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import java.io.File;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --record} with and without {@code --record-combined}, fed frames as a session would. */
class FileRecordingTest {
    @TempDir
    Path dir;

    @Test
    void combinedRecordingIsOneWebmWithBothTracks() throws Exception {
        FileRecording r = new FileRecording("s1", dir, true);
        r.videoTrack("VP8");
        r.audioTrack("opus");
        feed(r, "VP8");
        r.close();
        Path webm = dir.resolve("s1.webm");
        assertEquals(List.of(webm), r.files());
        byte[] head = Files.readAllBytes(webm);
        assertEquals(0x1A45DFA3, ByteBuffer.wrap(head).getInt(), "an EBML file");
        if (onPath("ffprobe")) {
            assertEquals("vp8\nopus", probeCodecs(webm));
        }
    }

    @Test
    void withoutCombiningEachTrackHasItsFile() throws Exception {
        FileRecording r = new FileRecording("s2", dir, false);
        r.videoTrack("VP8");
        r.audioTrack("opus");
        feed(r, "VP8");
        r.close();
        assertEquals(List.of(dir.resolve("s2-video.ivf"), dir.resolve("s2-audio.opus")), r.files());
    }

    @Test
    void codecsMatroskaDoesNotTakeGetAFileEach() throws Exception {
        FileRecording r = new FileRecording("s3", dir, true);
        r.videoTrack("VP8");
        r.audioTrack("pcmu");
        r.video(new EncodedFrame("VP8", 0, true, clip().get(0)));
        r.audio(new EncodedFrame("pcmu", 0, true, new byte[160]));
        r.close();
        assertEquals(List.of(dir.resolve("s3-video.ivf"), dir.resolve("s3-audio.wav")), r.files());
    }

    /** One second: 30 VP8 frames and 50 Opus packets, interleaved as they would arrive. */
    private static void feed(FileRecording r, String videoCodec) throws Exception {
        List<byte[]> clip = clip();
        ToneSource tone = new ToneSource(440);
        for (int ms = 0, frame = 0; ms < 1000; ms += 10) {
            if (ms % 20 == 0) {
                EncodedMediaFrame p = tone.next();
                r.audio(new EncodedFrame("opus", p.rtpTimestamp(), true, p.data()));
            }
            if (ms * 3 / 100 >= frame) {
                r.video(new EncodedFrame(videoCodec, frame * 3000L, frame == 0, clip.get(frame)));
                frame++;
            }
        }
    }

    private static List<byte[]> clip() throws Exception {
        try (InputStream in = FileRecordingTest.class.getResourceAsStream("/dev/jrtc/demo/vp8-320x240-60f.ivf")) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            b.position(b.getShort(6));
            List<byte[]> frames = new ArrayList<>();
            while (b.remaining() >= 12) {
                byte[] f = new byte[b.getInt()];
                b.getLong();
                b.get(f);
                frames.add(f);
            }
            return frames;
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String probeCodecs(Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "csv=p=0",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor() == 0, out);
        return out;
    }
}
