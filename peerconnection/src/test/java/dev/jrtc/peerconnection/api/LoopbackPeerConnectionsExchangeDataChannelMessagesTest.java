package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.RandomMessages;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.sctp.ReadyState;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two real RTCPeerConnections on 127.0.0.1 with data channels: the offerer's channel reaches the
 * answerer through {@code ondatachannel}, 1,000 random messages (strings and binary up to 64 KiB)
 * cross each way with matching SHA-256 under bufferedamountlow back-pressure, empty messages keep
 * their kind, a pre-negotiated channel ({@code negotiated: true, id}) works on both sides, and
 * closing on one side fires {@code onclose} on both.
 */
class LoopbackPeerConnectionsExchangeDataChannelMessagesTest {
    private static final int MESSAGES = 1000;
    private static final long HIGH_WATER = 4L << 20;

    @Test
    void messagesCrossBothWaysIntactAndCloseIsSeenByThePeer() throws Exception {
        List<RandomMessages.Message> fromOfferer = RandomMessages.generate(3, MESSAGES);
        List<RandomMessages.Message> fromAnswerer = RandomMessages.generate(4, MESSAGES);
        RTCPeerConnection offerer = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection answerer = new RTCPeerConnection(RTCConfiguration.loopback());
        try {
            Endpoint atOfferer = new Endpoint();
            Endpoint atAnswerer = new Endpoint();
            CompletableFuture<RTCDataChannel> incoming = new CompletableFuture<>();
            answerer.ondatachannel(ch -> {
                atAnswerer.attach(ch);
                incoming.complete(ch);
            });

            RTCDataChannel chat = offerer.createDataChannel("chat", RTCDataChannelInit.defaults().withProtocol("json"));
            atOfferer.attach(chat);
            assertNull(chat.id(), "no id before the DTLS role is known");
            assertEquals(ReadyState.CONNECTING, chat.readyState());
            RTCDataChannel preOfferer = offerer.createDataChannel("pre", RTCDataChannelInit.negotiated(6));
            RTCDataChannel preAnswerer = answerer.createDataChannel("pre", RTCDataChannelInit.negotiated(6));
            assertEquals(6, preOfferer.id());
            Endpoint preAtOfferer = new Endpoint();
            Endpoint preAtAnswerer = new Endpoint();
            preAtOfferer.attach(preOfferer);
            preAtAnswerer.attach(preAnswerer);
            assertThrows(IllegalStateException.class, () -> chat.send("too early"));

            Signalling.connect(offerer, answerer);
            RTCDataChannel chatB = incoming.get(15, TimeUnit.SECONDS);
            atOfferer.open.get(15, TimeUnit.SECONDS);
            atAnswerer.open.get(5, TimeUnit.SECONDS);
            preAtOfferer.open.get(5, TimeUnit.SECONDS);
            preAtAnswerer.open.get(5, TimeUnit.SECONDS);
            assertEquals("chat", chatB.label());
            assertEquals("json", chatB.protocol());
            assertEquals(chat.id(), chatB.id());
            assertEquals(ReadyState.OPEN, chat.readyState());
            assertTrue(offerer.localDescription().orElseThrow().sdp().contains("m=application 9 UDP/DTLS/SCTP webrtc-datachannel"));
            assertTrue(answerer.localDescription().orElseThrow().sdp().contains("a=sctp-port:5000"));

            for (int i = 0; i < MESSAGES; i++) {
                atOfferer.send(chat, fromOfferer.get(i));
                atAnswerer.send(chatB, fromAnswerer.get(i));
            }
            atAnswerer.awaitCount(MESSAGES, 60);
            atOfferer.awaitCount(MESSAGES, 60);
            assertEquals(RandomMessages.digestOf(fromOfferer), atAnswerer.digest());
            assertEquals(RandomMessages.digestOf(fromAnswerer), atOfferer.digest());

            chat.send("");
            chat.send(ByteBuffer.allocate(0));
            atAnswerer.awaitCount(MESSAGES + 2, 10);
            RTCDataChannelMessage emptyText = atAnswerer.messages.get(MESSAGES);
            RTCDataChannelMessage emptyBinary = atAnswerer.messages.get(MESSAGES + 1);
            assertFalse(emptyText.binary());
            assertEquals("", emptyText.value());
            assertTrue(emptyBinary.binary());
            assertEquals(0, emptyBinary.data().length);

            preOfferer.send("ping");
            preAnswerer.send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            preAtAnswerer.awaitCount(1, 10);
            preAtOfferer.awaitCount(1, 10);
            assertEquals("ping", preAtAnswerer.messages.get(0).text());
            assertTrue(preAtOfferer.messages.get(0).binary());
            assertEquals(3, preAtOfferer.messages.get(0).data().length);

            // send copies before it returns: the caller may reuse its array at once. A heap buffer
            // is read from its window (slice offset, position) without moving the position.
            byte[] reused = {10, 11, 12, 13, 14, 15};
            preOfferer.send(reused, 1, 3);
            Arrays.fill(reused, (byte) 0);
            ByteBuffer window = ByteBuffer.wrap(new byte[] {20, 21, 22, 23, 24}, 1, 3).slice();
            window.position(1);
            preOfferer.send(window);
            assertEquals(1, window.position(), "send(ByteBuffer) moved the position");
            ByteBuffer direct = ByteBuffer.allocateDirect(2).put(new byte[] {30, 31}).flip();
            preOfferer.send(direct);
            preAtAnswerer.awaitCount(4, 10);
            assertArrayEquals(new byte[] {11, 12, 13}, preAtAnswerer.messages.get(1).data());
            assertArrayEquals(new byte[] {22, 23}, preAtAnswerer.messages.get(2).data());
            assertArrayEquals(new byte[] {30, 31}, preAtAnswerer.messages.get(3).data());

            IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> chat.send(new byte[300_000]));
            assertTrue(big.getMessage().startsWith("TypeError"), big.getMessage());

            chat.close();
            atAnswerer.closed.get(10, TimeUnit.SECONDS);
            atOfferer.closed.get(10, TimeUnit.SECONDS);
            assertEquals(ReadyState.CLOSED, chat.readyState());
            assertEquals(ReadyState.CLOSED, chatB.readyState());
            IllegalStateException late = assertThrows(IllegalStateException.class, () -> chat.send("late"));
            assertTrue(late.getMessage().startsWith("InvalidStateError"), late.getMessage());
            assertEquals(ReadyState.OPEN, preOfferer.readyState());
            assertEquals(ConnectionState.CONNECTED, offerer.connectionState());
        } finally {
            offerer.close();
            answerer.close();
        }
    }

    /** One side of a channel: open and close futures, received messages and their running digest. */
    private static final class Endpoint {
        final CompletableFuture<Void> open = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final List<RTCDataChannelMessage> messages = new CopyOnWriteArrayList<>();
        final RandomMessages.Digest digest = new RandomMessages.Digest();
        final Semaphore low = new Semaphore(0);
        private final Object lock = new Object();
        private int count;

        void attach(RTCDataChannel ch) {
            ch.setBufferedAmountLowThreshold(1L << 20);
            ch.onopen(() -> open.complete(null));
            ch.onclose(() -> closed.complete(null));
            ch.onbufferedamountlow(low::release);
            ch.onmessage(m -> {
                synchronized (lock) {
                    count++;
                    if (count <= MESSAGES) {
                        digest.add(m.binary(), m.data());
                    }
                    // Keep indices but not the bulk bytes: small messages are kept whole.
                    messages.add(m.data().length <= 64 ? m : new RTCDataChannelMessage(m.binary(), new byte[0]));
                    lock.notifyAll();
                }
            });
        }

        void send(RTCDataChannel ch, RandomMessages.Message m) throws InterruptedException {
            low.drainPermits();
            while (ch.bufferedAmount() > HIGH_WATER) {
                low.tryAcquire(100, TimeUnit.MILLISECONDS);
            }
            if (m.binary()) {
                ch.send(m.data());
            } else {
                ch.send(m.text());
            }
        }

        void awaitCount(int n, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            synchronized (lock) {
                while (count < n) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("received " + count + " of " + n + " messages");
                    }
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
        }

        String digest() {
            return digest.finish();
        }
    }
}
