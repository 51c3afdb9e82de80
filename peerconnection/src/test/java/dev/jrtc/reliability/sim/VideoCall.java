package dev.jrtc.reliability.sim;

import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.Transceiver;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.time.Duration;

/** A connected pair in which side a sends VP8 to side b at 30 frames a second. */
public final class VideoCall {
    private final EnginePair pair;
    private final String mid;
    private int sent;

    private VideoCall(EnginePair pair, String mid) {
        this.pair = pair;
        this.mid = mid;
    }

    /** Adds a send-only video transceiver on a, negotiates and waits (virtual time) until both sides are connected. */
    public static VideoCall connect(EnginePair pair) throws Exception {
        Transceiver t = pair.a.engine.addTransceiver(pair.clock.nanoTime(), MediaKind.VIDEO, Direction.SENDONLY);
        pair.connect(Duration.ofSeconds(30));
        return new VideoCall(pair, t.mid().orElseThrow());
    }

    /** Sends {@code frames} frames 33 ms apart; returns how many the engine accepted. */
    public int send(int frames) throws InterruptedException {
        int accepted = 0;
        for (int i = 0; i < frames; i++) {
            if (pair.a.engine.sendFrame(pair.clock.nanoTime(), mid, MediaSource.vp8Frame(sent), 1000 + 3000L * sent)) {
                accepted++;
            }
            sent++;
            pair.drain();
            pair.runFor(Duration.ofMillis(33));
        }
        return accepted;
    }

    /** Sends frames 33 ms apart for {@code d} of virtual time; returns how many the engine accepted. */
    public int sendFor(Duration d) throws InterruptedException {
        return send((int) (d.toMillis() / 33));
    }

    /** Frames sent so far. */
    public int sent() {
        return sent;
    }

    /** Frames b has received so far. */
    public int received() {
        return pair.b.events(EngineEvent.FrameReceived.class).size();
    }

    /** Waits until b has every frame sent so far. */
    public void awaitAll(Duration max) throws InterruptedException {
        pair.runUntil(() -> received() >= sent, max);
    }
}
