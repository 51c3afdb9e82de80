package dev.jrtc.rtp.sim;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.VirtualClock;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.RtpEvents;
import dev.jrtc.rtp.receive.ReceiveConfig;
import dev.jrtc.rtp.receive.ReceiveStream;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.rtp.send.SendStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * One video stream from a {@link SendStream} to a {@link ReceiveStream} through a simulated network
 * in virtual time: a fixed one-way delay, uniform jitter (which reorders), and a loss model on each
 * direction. The source is a synthetic VP8-shaped encoder at 30 fps that makes a key frame at the
 * start and whenever the receiver asks.
 */
public final class CallSimulation {
    /**
     * What happened.
     *
     * @param framesSent      frames the encoder produced
     * @param framesDelivered frames the receiver released, all checked byte for byte
     * @param delaysNanos     per delivered frame: release time minus the send time of its last packet
     * @param nacksSent       sequence numbers NACKed, retries included
     * @param retransmissions packets the sender sent again
     * @param keyFrameRequests PLIs the receiver sent
     * @param keyFramesSent   key frames the encoder made
     * @param mediaPacketsLost packets the forward link lost (first sends and retransmissions)
     * @param duplicatesReceived packets the receiver already had, or no longer needed, when they arrived
     */
    public record Result(int framesSent, int framesDelivered, long[] delaysNanos, long nacksSent, long retransmissions,
                         long keyFrameRequests, int keyFramesSent, int mediaPacketsLost, long duplicatesReceived) {
        /** The delay at quantile {@code q} (0..1). */
        public long delayQuantile(double q) {
            long[] d = delaysNanos.clone();
            Arrays.sort(d);
            return d.length == 0 ? 0 : d[Math.min(d.length - 1, (int) Math.ceil(q * d.length) - 1)];
        }

        /** A one-line summary for the test log. */
        public String summary(String name) {
            return String.format("%s: frames %d/%d delivered, delay p50 %.1f ms, p99 %.1f ms, max %.1f ms, "
                            + "forward packets lost %d, NACKed %d, retransmitted %d, duplicates received %d, PLIs %d, key frames %d",
                    name, framesDelivered, framesSent, delayQuantile(0.5) / 1e6, delayQuantile(0.99) / 1e6,
                    delayQuantile(1.0) / 1e6, mediaPacketsLost, nacksSent, retransmissions, duplicatesReceived,
                    keyFrameRequests, keyFramesSent);
        }
    }

    private record Event(long at, long order, Runnable action) {
    }

    private static final long FRAME_INTERVAL = 1_000_000_000L / 30;

    private final VirtualClock clock = new VirtualClock();
    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.order, b.order));
    private final RandomSource random;
    private final LossModel forwardLoss;
    private final LossModel reverseLoss;
    private final long oneWayNanos;
    private final long jitterNanos;
    private final SendStream sender;
    private final ReceiveStream receiver;
    private final boolean honourKeyFrameRequests;
    private final Map<Long, byte[]> sentFrames = new HashMap<>();
    private final Map<Long, Long> lastPacketSentAt = new HashMap<>();
    private final List<Long> delays = new ArrayList<>();
    private long order;
    private long senderDeadline = Long.MAX_VALUE;
    private long receiverDeadline = Long.MAX_VALUE;
    private boolean keyFrameRequested = true;
    private int keyFrames;
    private int lostForward;
    private boolean sendingFrame;
    private int measuredFrames;
    private int minFrameBytes = 800;
    private int maxFrameBytes = 3200;
    private int keyFrameBytes = 6000;

    /**
     * @param honourKeyFrameRequests whether the encoder answers PLI with a key frame
     */
    public CallSimulation(long seed, SendConfig send, ReceiveConfig receive, LossModel forwardLoss, LossModel reverseLoss,
                          long oneWayNanos, long jitterNanos, boolean honourKeyFrameRequests) {
        this.random = RandomSource.seeded(seed);
        this.forwardLoss = forwardLoss;
        this.reverseLoss = reverseLoss;
        this.oneWayNanos = oneWayNanos;
        this.jitterNanos = jitterNanos;
        this.sender = new SendStream(send, clock);
        this.receiver = new ReceiveStream(receive, clock);
        this.honourKeyFrameRequests = honourKeyFrameRequests;
    }

    /**
     * Sets the encoder's frame sizes: delta frames uniform in {@code [minBytes, maxBytes]}, key frames
     * {@code keyBytes}. The default, 800..3200 and 6000 bytes, is about 500 kbit/s.
     */
    public CallSimulation withFrameSizes(int minBytes, int maxBytes, int keyBytes) {
        if (minBytes < 1 || maxBytes < minBytes || keyBytes < 1) {
            throw new IllegalArgumentException("bad frame sizes");
        }
        this.minFrameBytes = minBytes;
        this.maxFrameBytes = maxBytes;
        this.keyFrameBytes = keyBytes;
        return this;
    }

    private void schedule(long at, Runnable action) {
        events.add(new Event(at, order++, action));
    }

    private long transit() {
        return oneWayNanos + (jitterNanos == 0 ? 0 : (long) (Impairments.uniform(random) * jitterNanos));
    }

    /** Runs {@code frames} frames and then long enough for every repair to finish. */
    public Result run(int frames) {
        return run(frames, 0);
    }

    /**
     * Runs {@code frames} measured frames, then {@code trailingFrames} more that are sent but not
     * measured (a call goes on, so a loss at the end of the measured frames shows as a gap like any
     * other), then long enough for every repair to finish.
     */
    public Result run(int frames, int trailingFrames) {
        measuredFrames = frames;
        int total = frames + trailingFrames;
        long end = total * FRAME_INTERVAL;
        long nextFrame = 0;
        int frameIndex = 0;
        while (true) {
            long next = Math.min(Math.min(senderDeadline, receiverDeadline), events.isEmpty() ? Long.MAX_VALUE : events.peek().at);
            if (frameIndex < total) {
                next = Math.min(next, nextFrame);
            }
            if (next == Long.MAX_VALUE || next > end + 5_000_000_000L) {
                break;
            }
            clock.advanceTo(next);
            long now = clock.nanoTime();
            if (frameIndex < total && nextFrame <= now) {
                sendFrame(now, frameIndex++);
                nextFrame += FRAME_INTERVAL;
            } else if (!events.isEmpty() && events.peek().at <= now) {
                events.poll().action().run();
            } else {
                if (senderDeadline <= now) {
                    sender.handleTimeout(now);
                    drainSender();
                }
                if (receiverDeadline <= now) {
                    receiver.handleTimeout(now);
                    drainReceiver();
                }
            }
        }
        long[] d = delays.stream().mapToLong(Long::longValue).toArray();
        long duplicates = receiver.drops().get(DropReason.DUPLICATE) + receiver.drops().get(DropReason.TOO_LATE);
        return new Result(frames, d.length, d, receiver.nacksSent(), sender.retransmissions(),
                receiver.keyFrameRequestsSent(), keyFrames, lostForward, duplicates);
    }

    private void sendFrame(long now, int index) {
        boolean key = keyFrameRequested;
        keyFrameRequested = false;
        if (key) {
            keyFrames++;
        }
        byte[] frame = new byte[key ? keyFrameBytes : minFrameBytes + random.nextInt(maxFrameBytes - minFrameBytes + 1)];
        random.nextBytes(frame);
        frame[0] = (byte) ((frame[0] & 0xFE) | (key ? 0 : 1)); // the VP8 inverse key-frame bit
        long ts = 3000L * index;
        sentFrames.put(ts, frame);
        sender.sendFrame(now, frame, ts);
        sendingFrame = true;
        drainSender();
        sendingFrame = false;
    }

    private void drainSender() {
        drain(sender::poll, o -> {
            if (o instanceof RtpEvents.SendRtp rtp) {
                if (sendingFrame) {
                    // The frame's own packets (not retransmissions): the last one sets the clock.
                    long ts = ((rtp.packet()[4] & 0xFFL) << 24) | ((rtp.packet()[5] & 0xFF) << 16)
                            | ((rtp.packet()[6] & 0xFF) << 8) | (rtp.packet()[7] & 0xFF);
                    lastPacketSentAt.put(ts, clock.nanoTime());
                }
                if (forwardLoss.lose()) {
                    lostForward++;
                    return;
                }
                schedule(clock.nanoTime() + transit(), () -> {
                    receiver.handleRtp(clock.nanoTime(), rtp.packet(), 0, rtp.packet().length);
                    drainReceiver();
                });
            } else if (o instanceof RtpEvents.SendRtcp rtcp) {
                if (!forwardLoss.lose()) {
                    schedule(clock.nanoTime() + transit(), () -> {
                        receiver.handleRtcp(clock.nanoTime(), rtcp.datagram(), 0, rtcp.datagram().length);
                        drainReceiver();
                    });
                }
            } else if (o instanceof RtpEvents.KeyFrameRequested && honourKeyFrameRequests) {
                keyFrameRequested = true;
            }
        }, d -> senderDeadline = d);
    }

    private void drainReceiver() {
        drain(receiver::poll, o -> {
            if (o instanceof RtpEvents.FrameReady ready) {
                long ts = ready.frame().rtpTimestamp();
                if (!Arrays.equals(sentFrames.get(ts), ready.frame().data())) {
                    throw new AssertionError("frame " + ts + " differs from what was sent");
                }
                if (ts < 3000L * measuredFrames) {
                    delays.add(clock.nanoTime() - lastPacketSentAt.get(ts));
                }
            } else if (o instanceof RtpEvents.SendRtcp rtcp) {
                if (!reverseLoss.lose()) {
                    schedule(clock.nanoTime() + transit(), () -> {
                        sender.handleRtcp(clock.nanoTime(), rtcp.datagram(), 0, rtcp.datagram().length);
                        drainSender();
                    });
                }
            }
        }, d -> receiverDeadline = d);
    }

    private static void drain(java.util.function.Supplier<Output> poll, Consumer<Output> handle, Consumer<Long> deadline) {
        while (true) {
            Output o = poll.get();
            if (o instanceof Deadline d) {
                deadline.accept(d.atNanos());
                return;
            }
            handle.accept(o);
        }
    }

    /** The receiver, for its counters. */
    public ReceiveStream receiver() {
        return receiver;
    }

    /** The sender, for its counters. */
    public SendStream sender() {
        return sender;
    }
}
