package dev.jrtc.vp8.tools;

import dev.jrtc.vp8.Vp8DecodeException;
import dev.jrtc.vp8.Vp8Decoder;
import dev.jrtc.vp8.Vp8Frame;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Command-line VP8 decoder, comparable to {@code vpxdec}.
 *
 * <pre>
 * Vp8Decode decode IN.ivf -o OUT.i420     raw I420 of the shown frames (vpxdec --i420 -o)
 * Vp8Decode decode IN.ivf --md5           one MD5 over all frames, as "md5  -" (vpxdec --md5 --i420)
 * Vp8Decode decode IN.ivf --frame-md5     one "md5 index" line per shown frame
 * </pre>
 *
 * Output is always raw I420, so {@code --i420} is accepted and changes nothing. Plain
 * {@code vpxdec --md5} (without {@code --i420}) hashes Y4M output, headers included; this tool has
 * no Y4M output, so its {@code --md5} is that of {@code vpxdec --md5 --i420}.
 *
 * A frame that fails to decode is reported on stderr and the exit status is 1; like vpxdec, the
 * tool stops at the first error unless {@code --keep-going} is given.
 */
public final class Vp8Decode {
    private Vp8Decode() {}

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the tool; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length < 2 || !args[0].equals("decode")) {
            err.println("usage: Vp8Decode decode IN.ivf [--i420] [-o OUT.i420 | --md5 | --frame-md5] [--keep-going]");
            return 2;
        }
        Path input = Path.of(args[1]);
        Path output = null;
        boolean md5 = false;
        boolean frameMd5 = false;
        boolean keepGoing = false;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "-o":
                    output = Path.of(args[++i]);
                    break;
                case "--i420":
                    // The only output format; accepted so that command lines read as vpxdec's.
                    break;
                case "--md5":
                    md5 = true;
                    break;
                case "--frame-md5":
                    frameMd5 = true;
                    break;
                case "--keep-going":
                    keepGoing = true;
                    break;
                default:
                    err.println("unknown option " + args[i]);
                    return 2;
            }
        }
        MessageDigest total = md5();
        MessageDigest perFrame = md5();
        int status = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(input));
                OutputStream os = output == null ? null : new BufferedOutputStream(Files.newOutputStream(output))) {
            IvfReader ivf = new IvfReader(in);
            Vp8Decoder decoder = new Vp8Decoder();
            byte[] buf = new byte[0];
            int index = 0;
            int shown = 0;
            byte[] frameData;
            while ((frameData = ivf.next()) != null) {
                Vp8Frame frame;
                try {
                    frame = decoder.decode(frameData, 0, frameData.length);
                } catch (Vp8DecodeException e) {
                    err.println("frame " + index + ": " + e.getMessage()
                            + (e.needsKeyFrame() ? " (needs key frame)" : ""));
                    status = 1;
                    index++;
                    if (!keepGoing) {
                        break;
                    }
                    continue;
                }
                index++;
                if (frame == null) {
                    continue;
                }
                if (buf.length < frame.i420Size()) {
                    buf = new byte[frame.i420Size()];
                }
                frame.copyI420(buf, 0);
                int size = frame.i420Size();
                total.update(buf, 0, size);
                if (frameMd5) {
                    perFrame.reset();
                    perFrame.update(buf, 0, size);
                    out.println(HexFormat.of().formatHex(perFrame.digest()) + " " + shown);
                }
                if (os != null) {
                    os.write(buf, 0, size);
                }
                shown++;
            }
        }
        if (md5) {
            out.println(HexFormat.of().formatHex(total.digest()) + "  -");
        }
        return status;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
