package dev.jrtc.media.record;

import dev.jrtc.media.UnsupportedCodecException;
import dev.jrtc.media.video.VideoDecoder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * A video track and an audio track in one Matroska file (RFC 9559): VP8 and Opus as WebM
 * ({@code .webm}), H.264 and Opus as Matroska ({@code .mkv}); either track may be left out.
 * Each track is fed through its own {@link Recorder} view ({@link #video()}, {@link #audio()}).
 *
 * <p><b>Timing.</b> Block times are milliseconds. Within a track they follow the RTP timestamps
 * (90 kHz video, 48 kHz Opus). The two RTP clocks have unrelated origins, so each track's first
 * frame is placed at the time it arrived after the file's first frame of either track (from
 * {@code nanoTime}); from then on the RTP timestamps rule. Times never go backwards within a track:
 * a video frame with an earlier timestamp keeps the previous time, and an Opus packet that is not
 * newer than the last one (a duplicate or a late arrival) is skipped and counted.
 *
 * <p><b>Layout.</b> A new cluster starts at every video key frame, and at least every
 * {@link MatroskaFile#MAX_CLUSTER_SPAN_MS} ms. Video frames before the first key frame are skipped
 * and counted (they cannot be decoded from the file). Cues index the clusters that start with a
 * video key frame (with no video track, every cluster). The picture size comes from the first key
 * frame's bitstream (the VP8 frame header, the H.264 SPS), the Opus channel count from the first
 * packet; the track header keeps that first size if the stream later changes resolution (decoders
 * follow the bitstream). The file is complete after {@link #close()} (or after every track's view
 * is closed), which writes the Tracks, the Duration, the SeekHead and the Cues into the space kept
 * for them; a file that was never closed has its clusters but no track header.
 *
 * <p>Thread-safe: the two tracks may be written from different threads.
 */
public final class MatroskaWriter implements AutoCloseable {
    static final int VIDEO_TRACK = 1;
    static final int AUDIO_TRACK = 2;
    private static final int VIDEO_CLOCK = 90_000;
    private static final int OPUS_CLOCK = 48_000;
    /** RFC 7845 section 4.6 recommends decoding at least 80 ms before a seek target. */
    private static final long OPUS_SEEK_PRE_ROLL_NS = 80_000_000;
    private static final long DEFAULT_FRAME_MS = 33;

    private final Path path;
    private final MatroskaFile file;
    private final LongSupplier nanoTime;
    private final VideoTrack video;
    private final AudioTrack audio;
    private long startNanos;
    private boolean anyFrame;
    private long skipped;
    private boolean closed;

    /**
     * Creates (or replaces) the file.
     *
     * @param videoCodec VP8 or H264, or empty for audio only
     * @param opusAudio whether there is an Opus track
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}), read when each track starts
     * @throws UnsupportedCodecException for another video codec
     * @throws IllegalArgumentException if there is no track at all
     */
    public MatroskaWriter(Path path, Optional<String> videoCodec, boolean opusAudio, LongSupplier nanoTime) {
        if (videoCodec.isEmpty() && !opusAudio) {
            throw new IllegalArgumentException("a Matroska recording needs a video or an audio track");
        }
        Optional<MatroskaVideo> format = videoCodec.map(c -> MatroskaVideo.forCodec(VideoDecoder.canonicalName(c)));
        this.path = path;
        this.nanoTime = nanoTime;
        this.video = format.map(VideoTrack::new).orElse(null);
        this.audio = opusAudio ? new AudioTrack() : null;
        String docType = format.isEmpty() || format.get() instanceof Vp8MatroskaVideo ? "webm" : "matroska";
        this.file = new MatroskaFile(path, docType, video != null ? VIDEO_TRACK : AUDIO_TRACK);
    }

    /**
     * A recording of a video codec and an audio codec in {@code dir}: {@code baseName.webm} for VP8
     * or Opus alone, {@code baseName.mkv} with H.264.
     *
     * @param videoCodec VP8 or H264, or empty
     * @param audioCodec OPUS, or empty
     * @throws UnsupportedCodecException for other codecs (other containers take them)
     */
    public static MatroskaWriter forCodecs(Optional<String> videoCodec, Optional<String> audioCodec, Path dir,
            String baseName) {
        Optional<String> v = videoCodec.map(VideoDecoder::canonicalName);
        Optional<String> a = audioCodec.map(VideoDecoder::canonicalName);
        if (a.isPresent() && !a.get().equals("OPUS")) {
            throw new UnsupportedCodecException(audioCodec.get(), "OPUS");
        }
        String extension = v.filter("H264"::equals).isPresent() ? ".mkv" : ".webm";
        return new MatroskaWriter(dir.resolve(baseName + extension), v, a.isPresent(), System::nanoTime);
    }

    /** @return whether the combined container takes these codecs (VP8 or H.264 and/or Opus) */
    public static boolean supports(Optional<String> videoCodec, Optional<String> audioCodec) {
        boolean v = videoCodec.map(VideoDecoder::canonicalName).map(c -> c.equals("VP8") || c.equals("H264")).orElse(true);
        boolean a = audioCodec.map(VideoDecoder::canonicalName).map("OPUS"::equals).orElse(true);
        return v && a && (videoCodec.isPresent() || audioCodec.isPresent());
    }

    /** @return the video track's recorder; closing it ends the track */
    public Recorder video() {
        if (video == null) {
            throw new IllegalStateException("this recording has no video track");
        }
        return video;
    }

    /** @return the audio track's recorder; closing it ends the track */
    public Recorder audio() {
        if (audio == null) {
            throw new IllegalStateException("this recording has no audio track");
        }
        return audio;
    }

    /** @return the file being written */
    public Path path() {
        return path;
    }

    /** @return frames not written: video before the first usable key frame, malformed or repeated Opus packets */
    public synchronized long skippedFrames() {
        return skipped;
    }

    /** Finishes the file: Tracks, Duration, SeekHead and Cues. Later writes throw. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        EbmlWriter tracks = new EbmlWriter();
        double duration = 0;
        if (video != null && video.frames > 0) {
            video.entry(tracks);
            duration = Math.max(duration, video.endMs);
        }
        if (audio != null && audio.packets > 0) {
            audio.entry(tracks);
            duration = Math.max(duration, audio.endMs);
        }
        file.finish(tracks.toByteArray(), duration);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("recorder is closed");
        }
    }

    /** Milliseconds from the file's first frame to now, where a track's first frame goes. */
    private long trackStartMs() {
        long now = nanoTime.getAsLong();
        if (!anyFrame) {
            anyFrame = true;
            startNanos = now;
        }
        return Math.max(0, (now - startNanos) / 1_000_000);
    }

    private static long uid() {
        long u;
        do {
            u = ThreadLocalRandom.current().nextLong();
        } while (u == 0);
        return u;
    }

    /** The Recorder of one track; closing every declared track's view finishes the file. */
    private abstract class Track implements Recorder {
        boolean ended;
        long endMs;

        @Override
        public Path path() {
            return path;
        }

        @Override
        public void close() {
            synchronized (MatroskaWriter.this) {
                ended = true;
                if ((video == null || video.ended) && (audio == null || audio.ended)) {
                    MatroskaWriter.this.close();
                }
            }
        }
    }

    private final class VideoTrack extends Track {
        private final MatroskaVideo format;
        private final TrackTimeline timeline = new TrackTimeline(VIDEO_CLOCK);
        private long lastMs;
        private long frameMs = DEFAULT_FRAME_MS;
        private int frames;

        VideoTrack(MatroskaVideo format) {
            this.format = format;
        }

        @Override
        public void write(byte[] frame, long rtpTimestamp, boolean keyFrame) {
            synchronized (MatroskaWriter.this) {
                checkOpen();
                boolean key = format.isKeyFrame(frame);
                if (!timeline.started()) {
                    if (!key || !format.configure(frame)) {
                        skipped++;
                        return;
                    }
                    timeline.start(rtpTimestamp, trackStartMs());
                }
                long ms = timeline.place(rtpTimestamp);
                if (frames > 0 && ms > lastMs) {
                    frameMs = ms - lastMs;
                }
                file.addBlock(VIDEO_TRACK, ms, key, key, format.blockData(frame));
                lastMs = ms;
                endMs = ms + frameMs;
                frames++;
            }
        }

        void entry(EbmlWriter tracks) {
            byte[] codecPrivate = format.codecPrivate();
            tracks.master(MatroskaIds.TRACK_ENTRY, e -> {
                e.uint(MatroskaIds.TRACK_NUMBER, VIDEO_TRACK).uint(MatroskaIds.TRACK_UID, uid())
                        .uint(MatroskaIds.TRACK_TYPE, MatroskaIds.TRACK_TYPE_VIDEO).uint(MatroskaIds.FLAG_LACING, 0)
                        .string(MatroskaIds.CODEC_ID, format.codecId());
                if (codecPrivate.length > 0) {
                    e.binary(MatroskaIds.CODEC_PRIVATE, codecPrivate);
                }
                e.master(MatroskaIds.VIDEO, v -> v.uint(MatroskaIds.PIXEL_WIDTH, format.width())
                        .uint(MatroskaIds.PIXEL_HEIGHT, format.height()));
            });
        }
    }

    private final class AudioTrack extends Track {
        private final TrackTimeline timeline = new TrackTimeline(OPUS_CLOCK);
        private int channels;
        private int packets;

        @Override
        public void write(byte[] packet, long rtpTimestamp, boolean keyFrame) {
            synchronized (MatroskaWriter.this) {
                checkOpen();
                int samples = OpusToc.packetSamples(packet);
                if (samples < 0 || (timeline.started() && !timeline.isNew(rtpTimestamp))) {
                    skipped++;
                    return;
                }
                if (!timeline.started()) {
                    channels = OpusToc.stereo(packet) ? 2 : 1;
                    timeline.start(rtpTimestamp, trackStartMs());
                }
                long ms = timeline.place(rtpTimestamp);
                // Every Opus packet decodes on its own (after the pre-roll), so each is a key frame.
                file.addBlock(AUDIO_TRACK, ms, true, false, packet);
                endMs = ms + timeline.millis(samples);
                packets++;
            }
        }

        void entry(EbmlWriter tracks) {
            tracks.master(MatroskaIds.TRACK_ENTRY, e -> e.uint(MatroskaIds.TRACK_NUMBER, AUDIO_TRACK)
                    .uint(MatroskaIds.TRACK_UID, uid()).uint(MatroskaIds.TRACK_TYPE, MatroskaIds.TRACK_TYPE_AUDIO)
                    .uint(MatroskaIds.FLAG_LACING, 0).string(MatroskaIds.CODEC_ID, "A_OPUS")
                    .binary(MatroskaIds.CODEC_PRIVATE, OpusHead.of(channels))
                    .uint(MatroskaIds.CODEC_DELAY, OpusHead.PRE_SKIP * 1_000_000_000L / OPUS_CLOCK)
                    .uint(MatroskaIds.SEEK_PRE_ROLL, OPUS_SEEK_PRE_ROLL_NS)
                    .master(MatroskaIds.AUDIO, a -> a.float64(MatroskaIds.SAMPLING_FREQUENCY, OPUS_CLOCK)
                            .uint(MatroskaIds.CHANNELS, channels)));
        }
    }
}
