package dev.jrtc.media.video;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrtc.media.Ffmpeg;
import dev.jrtc.media.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed expected MD5s are what the installed ffmpeg computes from the committed clips. */
class H264CorpusIsFfmpegsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"cbp-160x120", "cbp-odd-98x58", "cbp-slices", "main-bframes", "main-pyramid",
        "high-8x8"})
    void committedMd5sAreFfmpegs(String clip) throws Exception {
        Ffmpeg.assumeInstalled("ffmpeg");
        Path file = dir.resolve(clip + ".h264");
        Files.write(file, TestFiles.resource("/h264/" + clip + ".h264"));
        assertEquals(TestFiles.framemd5(TestFiles.resourceText("/h264/" + clip + ".framemd5")),
                Ffmpeg.frameMd5s(file));
    }
}
