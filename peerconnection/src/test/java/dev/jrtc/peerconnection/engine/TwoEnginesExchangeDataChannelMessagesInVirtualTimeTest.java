package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.Clips;
import dev.jrtc.peerconnection.RandomMessages;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.sctp.DataChannelInit;
import dev.jrtc.sctp.ReadyState;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.jsep.MediaKind;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Data channels between two sans-IO engines in virtual time: the data section is offered and
 * accepted (bundled with video), SCTP comes up over DTLS, an in-band channel opens on both sides,
 * 1,000 random messages (strings and binary, up to 64 KiB) cross each way with matching SHA-256,
 * empty messages keep their kind, a pre-negotiated channel works without DCEP, video frames flow
 * alongside, and a close on one side is seen on the other.
 */
class TwoEnginesExchangeDataChannelMessagesInVirtualTimeTest {
    private static final int MESSAGES = 1000;

    @Test
    void channelsOpenMessagesArriveIntactAndCloseIsSeenByThePeer() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(11, Duration.ofMillis(10))) {
            PeerConnectionEngine a = peers.a.engine;
            PeerConnectionEngine b = peers.b.engine;
            Transceiver video = a.addTransceiver(0, MediaKind.VIDEO, Direction.SENDONLY);
            EngineDataChannel chat = a.createDataChannel(0, DataChannelInit.reliable("chat").withProtocol("p1"));
            EngineDataChannel preA = a.createDataChannel(0, DataChannelInit.reliable("pre").negotiatedOn(7));
            EngineDataChannel preB = b.createDataChannel(0, DataChannelInit.reliable("pre").negotiatedOn(7));
            assertTrue(chat.id().isEmpty(), "no id before the DTLS role is known");
            assertEquals(7, preA.id().getAsInt());

            peers.negotiate();
            MediaDescription data = b.localDescription().orElseThrow().media().stream()
                    .filter(m -> m.kind().equals("application")).findFirst().orElseThrow();
            assertFalse(data.isRejected());
            assertTrue(data.mediaLine().proto().equals("UDP/DTLS/SCTP"));
            assertTrue(b.localDescription().orElseThrow().toSdpString().contains("a=group:BUNDLE 0 1"));

            peers.runUntil(() -> opened(peers.a, chat) && opened(peers.a, preA) && opened(peers.b, preB)
                    && !peers.b.events(EngineEvent.DataChannelIncoming.class).isEmpty(), Duration.ofSeconds(20));
            EngineDataChannel chatB = peers.b.events(EngineEvent.DataChannelIncoming.class).get(0).channel();
            assertEquals("chat", chatB.label());
            assertEquals("p1", chatB.protocol());
            assertEquals(chat.id(), chatB.id());
            assertEquals(ReadyState.OPEN, chatB.readyState());
            // a offered actpass, b answered active: b is the DTLS client, so a (server) picks odd ids.
            assertEquals(1, chat.id().getAsInt() & 1);

            List<RandomMessages.Message> fromA = RandomMessages.generate(1, MESSAGES);
            List<RandomMessages.Message> fromB = RandomMessages.generate(2, MESSAGES);
            for (int i = 0; i < MESSAGES; i++) {
                send(a, peers.clock.nanoTime(), chat, fromA.get(i));
                send(b, peers.clock.nanoTime(), chatB, fromB.get(i));
                if (i % 50 == 49) {
                    peers.runFor(Duration.ofMillis(20));
                }
            }
            assertTrue(chat.bufferedAmount() > 0 || received(peers.b, chatB).size() == MESSAGES);
            MessageCounter atB = new MessageCounter(peers.b, chatB);
            MessageCounter atA = new MessageCounter(peers.a, chat);
            peers.runUntil(() -> atB.count() == MESSAGES && atA.count() == MESSAGES, Duration.ofSeconds(120),
                    Duration.ofSeconds(120));
            assertEquals(RandomMessages.digestOf(fromA), digest(received(peers.b, chatB)));
            assertEquals(RandomMessages.digestOf(fromB), digest(received(peers.a, chat)));
            peers.runUntil(() -> chat.bufferedAmount() == 0 && chatB.bufferedAmount() == 0, Duration.ofSeconds(5));

            // Empty messages keep their kind (RFC 8831 §6.6).
            a.sendData(peers.clock.nanoTime(), chat, "");
            a.sendData(peers.clock.nanoTime(), chat, new byte[0], 0, 0);
            peers.drain();
            peers.runUntil(() -> received(peers.b, chatB).size() == MESSAGES + 2, Duration.ofSeconds(5));
            EngineEvent.DataChannelMessage emptyText = received(peers.b, chatB).get(MESSAGES);
            EngineEvent.DataChannelMessage emptyBinary = received(peers.b, chatB).get(MESSAGES + 1);
            assertFalse(emptyText.binary());
            assertEquals(0, emptyText.data().length);
            assertTrue(emptyBinary.binary());
            assertEquals(0, emptyBinary.data().length);

            // The pre-negotiated channel carries data both ways without DCEP.
            a.sendData(peers.clock.nanoTime(), preA, "ping");
            b.sendData(peers.clock.nanoTime(), preB, "pong".getBytes(StandardCharsets.UTF_8), 0, 4);
            peers.drain();
            peers.runUntil(() -> received(peers.b, preB).size() == 1 && received(peers.a, preA).size() == 1,
                    Duration.ofSeconds(5));
            assertEquals("ping", new String(received(peers.b, preB).get(0).data(), StandardCharsets.UTF_8));
            assertArrayEquals("pong".getBytes(StandardCharsets.UTF_8), received(peers.a, preA).get(0).data());
            assertTrue(received(peers.a, preA).get(0).binary());

            // Video on the same bundle, alongside the data.
            List<byte[]> clip = Clips.vp8Frames().subList(0, 10);
            long ts = 0;
            for (byte[] frame : clip) {
                assertTrue(a.sendFrame(peers.clock.nanoTime(), video.mid().orElseThrow(), frame, ts));
                peers.drain();
                ts += 3000;
                peers.runFor(Duration.ofMillis(33));
            }
            peers.runUntil(() -> peers.b.events(EngineEvent.FrameReceived.class).size() >= clip.size(), Duration.ofSeconds(5));
            for (int i = 0; i < clip.size(); i++) {
                assertArrayEquals(clip.get(i), peers.b.events(EngineEvent.FrameReceived.class).get(i).frame().data());
            }

            // Too large for the peer's max-message-size (256 KiB announced by jrtc): TypeError.
            IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                    () -> a.sendData(peers.clock.nanoTime(), chat, new byte[300_000], 0, 300_000));
            assertTrue(big.getMessage().startsWith("TypeError"), big.getMessage());

            // Close from a: b sees closing, then closed; a sees closed.
            a.closeDataChannel(peers.clock.nanoTime(), chat);
            peers.drain();
            peers.runUntil(() -> closed(peers.a, chat) && closed(peers.b, chatB), Duration.ofSeconds(10));
            assertTrue(peers.b.events(EngineEvent.DataChannelClosing.class).stream().anyMatch(e -> e.channel() == chatB));
            assertEquals(ReadyState.CLOSED, chat.readyState());
            assertEquals(ReadyState.CLOSED, chatB.readyState());
            IllegalStateException afterClose = assertThrows(IllegalStateException.class,
                    () -> a.sendData(peers.clock.nanoTime(), chat, "late"));
            assertTrue(afterClose.getMessage().startsWith("InvalidStateError"));
            // The other channel is untouched.
            assertEquals(ReadyState.OPEN, preA.readyState());
            assertEquals(ConnectionState.CONNECTED, a.connectionState());
        }
    }

    @Test
    void answererWithoutChannelsAcceptsAnOfferedDataSectionAndCanOpenChannelsItself() throws Exception {
        try (EnginePair peers = EnginePair.withLatency(5, Duration.ofMillis(3))) {
            EngineDataChannel fromA = peers.a.engine.createDataChannel(0, DataChannelInit.reliable("a"));
            peers.negotiate();
            peers.runUntil(() -> opened(peers.a, fromA), Duration.ofSeconds(20));
            EngineDataChannel fromB = peers.b.engine.createDataChannel(peers.clock.nanoTime(), DataChannelInit.reliable("b"));
            assertEquals(0, fromB.id().getAsInt() & 1, "the DTLS client picks even ids");
            peers.drain();
            peers.runUntil(() -> opened(peers.b, fromB) && peers.a.events(EngineEvent.DataChannelIncoming.class).size() == 1,
                    Duration.ofSeconds(5));
            assertEquals("b", peers.a.events(EngineEvent.DataChannelIncoming.class).get(0).channel().label());
        }
    }

    /** Counts a channel's messages incrementally (the predicate runs at every virtual step). */
    private static final class MessageCounter {
        private final EnginePair.Side peer;
        private final EngineDataChannel channel;
        private int scanned;
        private int count;

        MessageCounter(EnginePair.Side peer, EngineDataChannel channel) {
            this.peer = peer;
            this.channel = channel;
        }

        int count() {
            for (; scanned < peer.events.size(); scanned++) {
                if (peer.events.get(scanned) instanceof EngineEvent.DataChannelMessage m && m.channel() == channel) {
                    count++;
                }
            }
            return count;
        }
    }

    private static void send(PeerConnectionEngine e, long now, EngineDataChannel ch, RandomMessages.Message m) {
        if (m.binary()) {
            e.sendData(now, ch, m.data(), 0, m.data().length);
        } else {
            e.sendData(now, ch, m.text());
        }
    }

    private static boolean opened(EnginePair.Side p, EngineDataChannel ch) {
        return p.events(EngineEvent.DataChannelOpen.class).stream().anyMatch(e -> e.channel() == ch);
    }

    private static boolean closed(EnginePair.Side p, EngineDataChannel ch) {
        return p.events(EngineEvent.DataChannelClosed.class).stream().anyMatch(e -> e.channel() == ch);
    }

    private static List<EngineEvent.DataChannelMessage> received(EnginePair.Side p, EngineDataChannel ch) {
        return p.events(EngineEvent.DataChannelMessage.class).stream().filter(e -> e.channel() == ch).toList();
    }

    private static String digest(List<EngineEvent.DataChannelMessage> messages) {
        RandomMessages.Digest d = new RandomMessages.Digest();
        messages.forEach(m -> d.add(m.binary(), m.data()));
        return d.finish();
    }
}
