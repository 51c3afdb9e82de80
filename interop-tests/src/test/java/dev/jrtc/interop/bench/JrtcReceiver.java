package dev.jrtc.interop.bench;

import dev.jrtc.interop.pc.JrtcPeer;
import dev.jrtc.media.video.DecodeException;
import dev.jrtc.media.video.I420Frame;
import dev.jrtc.media.video.VideoDecoder;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * jrtc as the receiver, in this JVM: a {@link JrtcPeer} whose video frames are counted and, when
 * asked, decoded with {@link VideoDecoder#forCodec}. Its CPU time is the whole JVM's, so it also
 * carries the test's own threads (mostly idle while media flows) and any JIT work left after warm-up.
 */
final class JrtcReceiver implements SideBySideReceiver {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final JrtcPeer peer;
    private final boolean decode;
    private VideoDecoder decoder;
    private long frames;
    private long bytes;
    private long pictures;
    private int width;
    private int height;

    JrtcReceiver(JrtcPeer peer, boolean decode) {
        this.peer = peer;
        this.decode = decode;
        // Replaces the peer's own ontrack (its ReceivedMedia tally): this receiver counts for itself.
        peer.pc().ontrack(e -> e.track().onframe(this::onFrame));
    }

    private synchronized void onFrame(EncodedFrame f) {
        frames++;
        bytes += f.data().length;
        if (!decode) {
            return;
        }
        if (decoder == null) {
            decoder = VideoDecoder.forCodec(f.codec());
        }
        try {
            Optional<I420Frame> picture = decoder.decode(f.data(), f.rtpTimestamp(), f.keyFrame());
            while (picture.isPresent()) {
                pictures++;
                width = picture.get().width();
                height = picture.get().height();
                picture = decoder.nextFrame();
            }
        } catch (DecodeException e) {
            // Counted as no picture: the pictures-per-second figure shows it.
        }
    }

    @Override
    public String name() {
        return "jrtc";
    }

    @Override
    public String answer(String offerSdp) throws Exception {
        return peer.answer(offerSdp);
    }

    @Override
    public double awaitConnectedMillis(Duration within) throws Exception {
        peer.awaitConnected(within, () -> "");
        return peer.nanosToConnected() / 1e6;
    }

    @Override
    public synchronized Usage usage() {
        return new Usage(jvmCpuSeconds(), frames, bytes, pictures, width, height);
    }

    /** User + system CPU seconds of this whole JVM so far. */
    static double jvmCpuSeconds() {
        return OS.getProcessCpuTime() / 1e9;
    }

    @Override
    public void checkAfterConnected() throws Exception {
        peer.assertConnectedSecurelyWithNothingDropped();
    }

    @Override
    public void close() {
        peer.close();
        synchronized (this) {
            if (decoder != null) {
                decoder.close();
                decoder = null;
            }
        }
    }
}
