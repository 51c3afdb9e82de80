package dev.jrtc.media.record;

import dev.jrtc.media.UnsupportedCodecException;
import dev.jrtc.media.video.VideoDecoder;
import java.nio.file.Path;

/**
 * Writes one received stream's encoded frames to a file that common players open. Frames come as
 * the depacketizer gives them (VP8 frames, H.264 Annex B access units, Opus or G.711 payloads)
 * with their RTP timestamps, which set the file's timing; gaps in the timestamps stay gaps.
 *
 * <p>I/O errors are thrown as {@link java.io.UncheckedIOException}. Not thread-safe.
 *
 * <p>To put a video and an audio track in one file, use {@link MatroskaWriter}, whose
 * {@link MatroskaWriter#video()} and {@link MatroskaWriter#audio()} are Recorders.
 */
public interface Recorder extends AutoCloseable {

    /**
     * @param frame one encoded frame; not kept after the call
     * @param rtpTimestamp its RTP timestamp (32-bit, wrapping)
     * @param keyFrame whether it is a key frame (video)
     */
    void write(byte[] frame, long rtpTimestamp, boolean keyFrame);

    /** @return the file being written */
    Path path();

    /** Finishes the file (headers, sizes, indexes). The file is complete only after this. */
    @Override
    void close();

    /**
     * Picks the container for a codec: VP8 to IVF ({@code .ivf}), H264 to MP4 ({@code .mp4}), OPUS to
     * Ogg ({@code .opus}), PCMU and PCMA to WAV ({@code .wav}).
     *
     * @param dir an existing directory
     * @param baseName the file name without extension
     * @throws UnsupportedCodecException for other codecs
     */
    static Recorder forCodec(String codec, Path dir, String baseName) {
        return switch (VideoDecoder.canonicalName(codec)) {
            case "VP8" -> new IvfWriter(dir.resolve(baseName + ".ivf"));
            case "H264" -> new Mp4Writer(dir.resolve(baseName + ".mp4"));
            case "OPUS" -> new OggOpusWriter(dir.resolve(baseName + ".opus"));
            case "PCMU" -> WavWriter.g711(dir.resolve(baseName + ".wav"), dev.jrtc.media.audio.G711.Law.MU);
            case "PCMA" -> WavWriter.g711(dir.resolve(baseName + ".wav"), dev.jrtc.media.audio.G711.Law.A);
            default -> throw new UnsupportedCodecException(codec, "VP8, H264, OPUS, PCMU, PCMA");
        };
    }
}
