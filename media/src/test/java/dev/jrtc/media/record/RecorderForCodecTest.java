package dev.jrtc.media.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.UnsupportedCodecException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderForCodecTest {
    @TempDir
    Path dir;

    @Test
    void eachCodecGetsItsContainer() {
        for (String[] c : new String[][] {{"vp8", "a.ivf"}, {"H264", "a.mp4"}, {"opus", "a.opus"}, {"PCMU", "a.wav"},
            {"pcma", "a.wav"}}) {
            try (Recorder r = Recorder.forCodec(c[0], dir, "a")) {
                assertEquals(dir.resolve(c[1]), r.path());
            }
        }
        UnsupportedCodecException e = assertThrows(UnsupportedCodecException.class,
                () -> Recorder.forCodec("VP9", dir, "a"));
        assertTrue(e.getMessage().contains("VP9"));
    }

    @Test
    void writingAfterCloseIsAClearError() {
        Recorder r = Recorder.forCodec("VP8", dir, "x");
        r.close();
        r.close();
        assertThrows(IllegalStateException.class, () -> r.write(new byte[10], 0, true));
    }

    @Test
    void malformedOpusPacketsAreSkippedAndCounted() throws Exception {
        Path p = dir.resolve("bad.opus");
        OggOpusWriter w = new OggOpusWriter(p);
        w.write(new byte[0], 0, true);
        w.write(new byte[] {(byte) 0x03}, 960, true); // code 3 without its frame count byte
        assertEquals(2, w.skippedPackets());
        w.close();
        assertEquals(0, Files.size(p), "nothing valid arrived, so no headers either");
    }

    @Test
    void annexBStartsAtTheFirstIdr() throws Exception {
        Path p = dir.resolve("s.h264");
        try (AnnexBWriter w = new AnnexBWriter(p)) {
            w.write(new byte[] {0, 0, 0, 1, 0x41, 1, 2}, 0, false); // a non-IDR slice: skipped
            w.write(new byte[] {0x65, 1, 2}, 3000, true); // an IDR without start code: one is added
            assertEquals(1, w.accessUnits());
        }
        assertEquals(7, Files.size(p));
    }
}
