package dev.jrtc.interop.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.capture.RtpCapture;
import dev.jrtc.rtp.capture.RtpCapture.Section;
import dev.jrtc.rtp.capture.RtpCapture.Sender;
import dev.jrtc.rtp.codec.Depacketizer;
import dev.jrtc.rtp.codec.H264Depacketizer;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.receive.ReceivedFrame;
import dev.jrtc.rtp.receive.RtxUnwrapper;
import dev.jrtc.rtp.sim.JitterBufferDriver;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real video streams in stack-rtp's committed captures (Chromium 156 and aiortc 1.4, decrypted
 * with libsrtp; see that directory's README) go through jrtc's jitter buffer and depacketizers, and
 * the reference decoders take the result without a single error: {@code vpxdec} for VP8 (in IVF),
 * {@code ffmpeg} for H.264 (Annex B). The decoded picture count and size are checked too.
 *
 * <p>Runs no peer and opens no socket; it is an IT because it runs the reference decoders.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CapturedStreamsDecodeIT {

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
        "chromium-aiortc-vp8, OFFERER, 320, 240",
        "chromium-aiortc-vp8, ANSWERER, 640, 480",
        "chromium-aiortc-h264, OFFERER, 320, 240",
        "chromium-aiortc-h264, ANSWERER, 640, 480",
    })
    void reassembledStreamDecodesWithoutErrors(String name, Sender sender, int width, int height, @TempDir Path dir)
            throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        Section video = capture.answerSection("video");
        boolean vp8 = video.payloadType("VP8").isPresent();
        int pt = vp8 ? video.payloadType("VP8").orElseThrow() : video.payloadType("H264").orElseThrow();
        int rtxPt = video.apt().entrySet().stream().filter(e -> e.getValue() == pt).findFirst().orElseThrow().getKey();

        // The media packets plus the originals inside the RTX retransmissions (RFC 4588) that
        // repaired the packets aiortc was made to leave out.
        RtxUnwrapper rtx = null;
        List<byte[]> media = new ArrayList<>();
        Set<Long> timestamps = new HashSet<>();
        for (RtpCapture.Packet p : capture.packets(sender, false)) {
            RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
            if (rtp.payloadType() == pt) {
                media.add(p.data());
                timestamps.add(rtp.timestamp());
                rtx = rtx != null ? rtx : new RtxUnwrapper(rtp.ssrc(), rtxPt, pt);
            } else if (rtp.payloadType() == rtxPt && rtp.payloadLength() > 2 && rtx != null) {
                RtpPacket original = rtx.unwrap(rtp);
                media.add(Arrays.copyOfRange(original.array(), original.offset(), original.offset() + original.length()));
            }
        }
        Depacketizer depacketizer = vp8 ? new Vp8Depacketizer() : new H264Depacketizer();
        JitterBufferDriver driver = new JitterBufferDriver(depacketizer, 90_000);
        List<ReceivedFrame> frames = driver.run(media);
        String counts = frames.size() + " frames from " + timestamps.size() + " timestamps; drops " + driver.drops().snapshot();
        if (sender == Sender.OFFERER || !vp8) {
            // Everything was on the wire or repaired; only the frame cut off at the end may be missing.
            assertTrue(frames.size() >= timestamps.size() - 1, counts);
        } else {
            // aiortc's VP8 lost one packet for good: the frames up to its next key frame are dropped.
            assertTrue(frames.size() >= timestamps.size() / 2 && driver.drops().get(DropReason.INCOMPLETE_FRAME) >= 1, counts);
        }
        assertTrue(frames.size() >= 60, counts);
        assertTrue(frames.get(0).keyFrame(), "the stream starts with a key frame");

        Decoded decoded = vp8 ? vpxdec(dir, frames) : ffmpeg(dir, frames);
        System.out.println(name + " " + sender + ": " + counts + "; decoded " + decoded);
        assertEquals(frames.size(), decoded.pictures(), "every reassembled frame decodes to one picture");
        assertEquals(width, decoded.width(), "width of the last picture");
        assertEquals(height, decoded.height(), "height of the last picture");
    }

    /** What a reference decoder made of a stream. */
    record Decoded(int pictures, int width, int height) {
    }

    private static Decoded vpxdec(Path dir, List<ReceivedFrame> frames) throws Exception {
        Path ivf = dir.resolve("stream.ivf");
        Files.write(ivf, ivf(frames));
        Path pictures = Files.createDirectory(dir.resolve("pictures"));
        // One I420 file per picture, named by its decoded size and number: Chromium changes the
        // resolution as it ramps up, which a single y4m stream cannot describe.
        run(List.of("vpxdec", "--i420", "-o", pictures.resolve("p-%wx%h-%4.i420").toString(), ivf.toString()));
        List<Path> files;
        try (var s = Files.list(pictures)) {
            files = s.sorted().toList();
        }
        int w = 0;
        int h = 0;
        for (Path f : files) {
            String[] size = f.getFileName().toString().split("-")[1].split("x");
            w = Integer.parseInt(size[0]);
            h = Integer.parseInt(size[1]);
            assertEquals((long) w * h + 2L * ((w + 1) / 2) * ((h + 1) / 2), Files.size(f), "whole picture " + f);
        }
        return new Decoded(files.size(), w, h);
    }

    private static Decoded ffmpeg(Path dir, List<ReceivedFrame> frames) throws Exception {
        Path annexB = dir.resolve("stream.h264");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ReceivedFrame f : frames) {
            out.writeBytes(f.data());
        }
        Files.write(annexB, out.toByteArray());
        Path y4m = dir.resolve("out.y4m");
        // -xerror with explode: any bitstream error fails the run instead of being concealed.
        run(List.of("ffmpeg", "-v", "error", "-nostdin", "-err_detect", "explode", "-xerror", "-f", "h264",
                "-i", annexB.toString(), "-f", "yuv4mpegpipe", "-pix_fmt", "yuv420p", y4m.toString()));
        return y4mPictures(Files.readAllBytes(y4m));
    }

    /** Runs a decoder; it must exit 0 and print nothing on stderr (ffmpeg at -v error, vpxdec by default). */
    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command.get(0) + " did not finish");
        assertEquals(0, p.exitValue(), command.get(0) + " failed: " + err);
        assertEquals("", err.strip(), command.get(0) + " reported errors");
    }

    /** An IVF file (32-byte header, then 12-byte frame headers): the container vpxdec reads. */
    private static byte[] ivf(List<ReceivedFrame> frames) {
        int size = 32 + frames.stream().mapToInt(f -> 12 + f.data().length).sum();
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        // Width and height in the file header are left 0: vpxdec must take them from the bitstream.
        b.put("DKIF".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putShort((short) 32)
                .put("VP80".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0).putShort((short) 0)
                .putInt(90_000).putInt(1).putInt(frames.size()).putInt(0);
        long first = frames.get(0).rtpTimestamp();
        for (ReceivedFrame f : frames) {
            b.putInt(f.data().length).putLong(f.rtpTimestamp() - first).put(f.data());
        }
        return b.array();
    }

    /** Counts the FRAME records of a YUV4MPEG2 stream and reads its W and H. */
    private static Decoded y4mPictures(byte[] y4m) {
        String header = new String(y4m, 0, indexOf(y4m, (byte) '\n', 0), StandardCharsets.US_ASCII);
        int w = 0;
        int h = 0;
        for (String field : header.split(" ")) {
            if (field.startsWith("W")) {
                w = Integer.parseInt(field.substring(1));
            } else if (field.startsWith("H")) {
                h = Integer.parseInt(field.substring(1));
            }
        }
        int pictureBytes = w * h * 3 / 2;
        int pictures = 0;
        int pos = header.length() + 1;
        while (pos < y4m.length) {
            int eol = indexOf(y4m, (byte) '\n', pos);
            assertTrue(new String(y4m, pos, eol - pos, StandardCharsets.US_ASCII).startsWith("FRAME"), "bad y4m record");
            pos = eol + 1 + pictureBytes;
            pictures++;
        }
        assertEquals(y4m.length, pos, "y4m ends with a whole picture");
        return new Decoded(pictures, w, h);
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException("no newline in y4m");
    }
}
