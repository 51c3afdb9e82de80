package dev.jrtc.media.record;

import dev.jrtc.media.audio.G711;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A WAV (RIFF WAVE) file of 16-bit PCM or of G.711 codes (format tags 7 mu-law and 6 A-law, 8 kHz
 * mono), which players decode themselves. Sizes in the header are filled in by {@link #close()}.
 */
public final class WavWriter implements Recorder {
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_ALAW = 6;
    private static final int FORMAT_MULAW = 7;
    private final FileSink file;
    private final int format;
    private final int sampleRate;
    private final int channels;
    private final int bitsPerSample;
    private final int headerSize;
    private long dataBytes;
    private boolean closed;

    private WavWriter(Path path, int format, int sampleRate, int channels, int bitsPerSample) {
        this.file = new FileSink(path);
        this.format = format;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.bitsPerSample = bitsPerSample;
        this.headerSize = format == FORMAT_PCM ? 44 : 58;
        file.append(header());
    }

    /**
     * A WAV of 16-bit PCM; write samples with {@link #writeSamples(short[])}.
     *
     * @param channels 1 or more; samples are interleaved
     */
    public static WavWriter pcm16(Path path, int sampleRate, int channels) {
        if (sampleRate <= 0 || channels <= 0) {
            throw new IllegalArgumentException("bad PCM format: " + sampleRate + " Hz, " + channels + " channels");
        }
        return new WavWriter(path, FORMAT_PCM, sampleRate, channels, 16);
    }

    /** A WAV of G.711 codes, 8 kHz mono; {@link #write} appends RTP payloads as they are. */
    public static WavWriter g711(Path path, G711.Law law) {
        return new WavWriter(path, law == G711.Law.MU ? FORMAT_MULAW : FORMAT_ALAW, 8000, 1, 8);
    }

    /**
     * Appends a payload: G.711 codes, or for a PCM file little-endian 16-bit samples. Timestamps are
     * not used; a WAV file is continuous.
     */
    @Override
    public void write(byte[] frame, long rtpTimestamp, boolean keyFrame) {
        if (closed) {
            throw new IllegalStateException("recorder is closed");
        }
        if (format == FORMAT_PCM && frame.length % (2 * channels) != 0) {
            throw new IllegalArgumentException("PCM payload of " + frame.length + " bytes is not whole sample frames");
        }
        file.append(frame);
        dataBytes += frame.length;
    }

    /** Appends interleaved samples to a 16-bit PCM file. */
    public void writeSamples(short[] samples) {
        if (format != FORMAT_PCM) {
            throw new IllegalStateException("not a PCM file");
        }
        ByteBuffer b = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.asShortBuffer().put(samples);
        write(b.array(), 0, false);
    }

    private ByteBuffer header() {
        ByteBuffer b = ByteBuffer.allocate(headerSize).order(ByteOrder.LITTLE_ENDIAN);
        int blockAlign = channels * bitsPerSample / 8;
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt((int) Math.min(0xFFFFFFFFL, headerSize - 8 + dataBytes + (dataBytes & 1)));
        b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt(format == FORMAT_PCM ? 16 : 18);
        b.putShort((short) format);
        b.putShort((short) channels);
        b.putInt(sampleRate);
        b.putInt(sampleRate * blockAlign);
        b.putShort((short) blockAlign);
        b.putShort((short) bitsPerSample);
        if (format != FORMAT_PCM) {
            // Non-PCM formats carry an extension size and a fact chunk with the sample count.
            b.putShort((short) 0);
            b.put("fact".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            b.putInt(4);
            b.putInt((int) (dataBytes / blockAlign));
        }
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.putInt((int) Math.min(0xFFFFFFFFL, dataBytes));
        return b.flip();
    }

    @Override
    public Path path() {
        return file.path();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if ((dataBytes & 1) != 0) {
                file.append(new byte[1]); // RIFF chunks are padded to even length
            }
            file.writeAt(0, header());
        } finally {
            file.close();
        }
    }
}
