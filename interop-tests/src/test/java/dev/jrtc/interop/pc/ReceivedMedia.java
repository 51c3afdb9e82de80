package dev.jrtc.interop.pc;

import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a jrtc RTCPeerConnection received, per media kind: frames (for audio, one Opus packet is
 * one frame), key frames, the codec, and every picture size the video bitstream declared (VP8
 * key-frame headers, H.264 SPS).
 */
final class ReceivedMedia {
    /** The counters of one kind. */
    static final class Tally {
        private volatile long frames;
        private volatile long keyFrames;
        private volatile long bytes;
        private volatile String codec;
        private volatile String firstKeyFrameStart;
        private final Set<FrameSize> sizes = ConcurrentHashMap.newKeySet();

        private synchronized void add(EncodedFrame f) {
            codec = f.codec();
            if (f.keyFrame()) {
                keyFrames++;
                if (firstKeyFrameStart == null) {
                    firstKeyFrameStart = java.util.HexFormat.of()
                            .formatHex(java.util.Arrays.copyOf(f.data(), Math.min(48, f.data().length)));
                }
            }
            FrameSize.of(f.codec(), f.data()).ifPresent(sizes::add);
            bytes += f.data().length;
            frames++;
            notifyAll();
        }

        long frames() {
            return frames;
        }

        long keyFrames() {
            return keyFrames;
        }

        String codec() {
            return codec;
        }

        /** Every size the bitstream declared so far. */
        Set<FrameSize> sizes() {
            return Set.copyOf(sizes);
        }

        /** Whether {@code n} frames arrived within {@code within}. */
        synchronized boolean await(long n, Duration within) throws InterruptedException {
            long end = System.nanoTime() + within.toNanos();
            while (frames < n) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }

        @Override
        public String toString() {
            return frames + " frames (" + keyFrames + " key, " + bytes + " bytes) of " + codec + ", sizes " + sizes
                    + (firstKeyFrameStart == null ? "" : ", first key frame starts " + firstKeyFrameStart);
        }
    }

    private final Map<MediaKind, Tally> tallies = new EnumMap<>(MediaKind.class);

    /** Takes over {@code pc}'s {@code ontrack}. */
    ReceivedMedia(RTCPeerConnection pc) {
        tallies.put(MediaKind.AUDIO, new Tally());
        tallies.put(MediaKind.VIDEO, new Tally());
        pc.ontrack(e -> {
            Tally t = tallies.get(e.track().kind());
            e.track().onframe(t::add);
        });
    }

    Tally video() {
        return tallies.get(MediaKind.VIDEO);
    }

    Tally audio() {
        return tallies.get(MediaKind.AUDIO);
    }

    @Override
    public String toString() {
        return "video: " + video() + "; audio: " + audio();
    }
}
