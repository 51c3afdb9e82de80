package dev.jrtc.rtp.sim;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.Unwrapper;
import dev.jrtc.rtp.codec.Depacketizer;
import dev.jrtc.rtp.receive.JitterBuffer;
import dev.jrtc.rtp.receive.ReceivedFrame;
import java.util.ArrayList;
import java.util.List;

/** Feeds packets to a jitter buffer one millisecond apart and collects every frame it releases. */
public final class JitterBufferDriver {
    private final JitterBuffer buffer;
    private final DropCounters drops = new DropCounters();
    private final Unwrapper sequences = Unwrapper.forSequenceNumbers();
    private final RtpPacket view = new RtpPacket();
    private final List<ReceivedFrame> frames = new ArrayList<>();
    private long now;

    /** A driver around a default-configured buffer. */
    public JitterBufferDriver(Depacketizer depacketizer, int clockRate) {
        this.buffer = new JitterBuffer(depacketizer, clockRate, JitterBuffer.Config.defaults(), drops);
    }

    /** Inserts every packet, then lets enough time pass for every complete frame to be released. */
    public List<ReceivedFrame> run(List<byte[]> packets) throws ParseException {
        for (byte[] p : packets) {
            now += 1_000_000L;
            view.parse(p, 0, p.length);
            buffer.insert(now, view, sequences.unwrap(view.sequenceNumber()), false);
            drain();
        }
        now += 10_000_000_000L;
        buffer.handleTimeout(now);
        drain();
        return frames;
    }

    private void drain() {
        ReceivedFrame f;
        while ((f = buffer.poll(now)) != null) {
            frames.add(f);
        }
    }

    /** What the buffer dropped. */
    public DropCounters drops() {
        return drops;
    }
}
