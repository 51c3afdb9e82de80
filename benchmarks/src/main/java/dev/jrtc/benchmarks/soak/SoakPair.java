package dev.jrtc.benchmarks.soak;

import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCDataChannel;
import dev.jrtc.peerconnection.api.RTCDataChannelMessage;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.peerconnection.api.RTCRtpTransceiverInit;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.sdp.jsep.MediaKind;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two connected {@link RTCPeerConnection}s on 127.0.0.1: the offerer sends synthetic VP8 frames on a
 * send-only video transceiver, and one reliable ordered data channel carries numbered messages in
 * both directions. Each receiving end checks that message {@code n} is followed by {@code n + 1}.
 */
final class SoakPair implements AutoCloseable {
    private static final int MESSAGE_BYTES = 128;
    private static final long TIMEOUT_S = 30;

    private final RTCPeerConnection offerer = new RTCPeerConnection(RTCConfiguration.loopback());
    private final RTCPeerConnection answerer = new RTCPeerConnection(RTCConfiguration.loopback());
    private final RTCRtpTransceiver video;
    private final MessageStream offererToAnswerer = new MessageStream();
    private final MessageStream answererToOfferer = new MessageStream();
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();
    private volatile RTCDataChannel offererChannel;
    private volatile RTCDataChannel answererChannel;

    /** One direction of the numbered message stream. */
    static final class MessageStream {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong received = new AtomicLong();
        /** Messages that were not the next expected number (gap, duplicate or reordering). */
        final AtomicLong outOfSequence = new AtomicLong();
        private long expected;

        /** Runs on the receiving connection's loop only. */
        void onMessage(RTCDataChannelMessage m) {
            long n = ByteBuffer.wrap(m.data()).getLong();
            if (n != expected) {
                outOfSequence.incrementAndGet();
            }
            expected = n + 1;
            received.incrementAndGet();
        }
    }

    private SoakPair() {
        video = offerer.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(dev.jrtc.sdp.Direction.SENDONLY));
    }

    static SoakPair connect(String label) throws Exception {
        SoakPair p = new SoakPair();
        try {
            p.negotiate(label);
            return p;
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
    }

    private void negotiate(String label) throws Exception {
        CompletableFuture<RTCDataChannel> incoming = new CompletableFuture<>();
        answerer.ondatachannel(ch -> {
            ch.onmessage(offererToAnswerer::onMessage);
            answererChannel = ch;
            incoming.complete(ch);
        });
        answerer.ontrack(e -> e.track().onframe(f -> framesReceived.incrementAndGet()));
        RTCDataChannel out = offerer.createDataChannel(label);
        CompletableFuture<Void> open = new CompletableFuture<>();
        out.onopen(() -> open.complete(null));
        out.onmessage(answererToOfferer::onMessage);
        offererChannel = out;
        offerer.setLocalDescription(offerer.createOffer().get(TIMEOUT_S, TimeUnit.SECONDS)).get(TIMEOUT_S, TimeUnit.SECONDS);
        offerer.gatheringComplete().get(TIMEOUT_S, TimeUnit.SECONDS);
        answerer.setRemoteDescription(offerer.localDescription().orElseThrow()).get(TIMEOUT_S, TimeUnit.SECONDS);
        answerer.setLocalDescription(answerer.createAnswer().get(TIMEOUT_S, TimeUnit.SECONDS)).get(TIMEOUT_S, TimeUnit.SECONDS);
        answerer.gatheringComplete().get(TIMEOUT_S, TimeUnit.SECONDS);
        offerer.setRemoteDescription(answerer.localDescription().orElseThrow()).get(TIMEOUT_S, TimeUnit.SECONDS);
        open.get(TIMEOUT_S, TimeUnit.SECONDS);
        incoming.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Sends the next numbered message in both directions. */
    void sendMessages() {
        send(offererChannel, offererToAnswerer);
        send(answererChannel, answererToOfferer);
    }

    private static void send(RTCDataChannel channel, MessageStream d) {
        ByteBuffer m = ByteBuffer.allocate(MESSAGE_BYTES);
        m.putLong(0, d.sent.getAndIncrement());
        channel.send(m.array());
    }

    /** Sends one synthetic frame; RTP timestamps advance by {@code ticks} (90 kHz clock). */
    void sendFrame(byte[] frame, long ticks) {
        long n = framesSent.getAndIncrement();
        video.sendFrame(frame, n * ticks);
    }

    long framesSent() {
        return framesSent.get();
    }

    long framesReceived() {
        return framesReceived.get();
    }

    MessageStream offererToAnswerer() {
        return offererToAnswerer;
    }

    MessageStream answererToOfferer() {
        return answererToOfferer;
    }

    /** Every message sent has been received, in both directions. */
    boolean drained() {
        return offererToAnswerer.received.get() == offererToAnswerer.sent.get()
                && answererToOfferer.received.get() == answererToOfferer.sent.get();
    }

    boolean connected() {
        return offerer.connectionState() == ConnectionState.CONNECTED
                && answerer.connectionState() == ConnectionState.CONNECTED;
    }

    String states() {
        return offerer.connectionState() + "/" + answerer.connectionState();
    }

    @Override
    public void close() {
        offerer.close();
        answerer.close();
    }
}
