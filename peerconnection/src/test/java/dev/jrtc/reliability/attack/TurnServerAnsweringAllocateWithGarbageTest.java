package dev.jrtc.reliability.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceServer;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.peerconnection.engine.ConnectionReport;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.VideoCall;
import dev.jrtc.reliability.sim.VirtualTurnServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A configured TURN server answers every Allocate with something unusable: random bytes, a
 * truncated response, a response for another transaction, or a success whose MESSAGE-INTEGRITY
 * does not verify. Both engines have it configured. Nothing may throw; the host path must still
 * connect and carry media; the server must be reported by name (an {@code icecandidateerror} while
 * connected, and in the connection report's server errors when there is no other path).
 */
class TurnServerAnsweringAllocateWithGarbageTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress("192.0.2.200", 3478);

    /** What the server does to its Allocate responses. */
    enum Garbage {
        RANDOM_BYTES, TRUNCATED, WRONG_TRANSACTION, BAD_INTEGRITY
    }

    /** The real simulated TURN server, with every Allocate response corrupted on the way out. */
    private static final class GarbageTurnServer implements EnginePair.Host {
        final VirtualTurnServer real = new VirtualTurnServer(SERVER, "user", "secret");
        final Garbage garbage;
        final Random random = new Random(12);
        int corrupted;

        GarbageTurnServer(Garbage garbage) {
            this.garbage = garbage;
        }

        @Override
        public boolean owns(InetSocketAddress address) {
            return real.owns(address);
        }

        @Override
        public void receive(long now, Transmit t, Consumer<Transmit> send) {
            real.receive(now, t, reply -> send.accept(corrupt(reply)));
        }

        private Transmit corrupt(Transmit reply) {
            byte[] b = Arrays.copyOfRange(reply.data(), reply.offset(), reply.offset() + reply.length());
            StunPacket p;
            try {
                p = StunPacket.decode(b, 0, b.length);
            } catch (ParseException e) {
                throw new AssertionError("the simulated server sent a bad message", e);
            }
            if (p.message().method() != StunMethod.ALLOCATE) {
                return reply;
            }
            byte[] out = switch (garbage) {
                case RANDOM_BYTES -> {
                    byte[] r = new byte[b.length];
                    random.nextBytes(r);
                    r[0] &= 0x03; // still demultiplexed as STUN (RFC 7983), so the TURN client must parse it
                    yield r;
                }
                case TRUNCATED -> Arrays.copyOf(b, b.length / 2);
                case WRONG_TRANSACTION -> {
                    b[8] ^= 0x5a; // first byte of the transaction ID
                    yield b;
                }
                case BAD_INTEGRITY -> {
                    if (!p.hasIntegrity()) {
                        yield b; // the 401 challenge carries none: let the client authenticate, then lie
                    }
                    int integrityValueEnd = b.length - (p.hasFingerprint() ? 8 : 0);
                    b[integrityValueEnd - 1] ^= 0x01;
                    yield b;
                }
            };
            if (garbage != Garbage.BAD_INTEGRITY || p.hasIntegrity()) {
                corrupted++;
            }
            return new Transmit(reply.source(), reply.destination(), out);
        }
    }

    private static IceConfig withTurn() throws ParseException {
        return IceConfig.builder().server(IceServer.turn("turn:192.0.2.200:3478?transport=udp", "user", "secret")).build();
    }

    @ParameterizedTest(name = "{0}: host path connects, server named in icecandidateerror")
    @EnumSource(Garbage.class)
    void hostPathStillConnectsAndTheServerIsNamed(Garbage garbage) throws Exception {
        try (EnginePair pair = new EnginePair(880 + garbage.ordinal(), withTurn(), withTurn())) {
            GarbageTurnServer server = new GarbageTurnServer(garbage);
            pair.attach(server);

            VideoCall call = VideoCall.connect(pair); // EnginePair fails the test if an engine throws
            call.send(30);
            call.awaitAll(Duration.ofSeconds(2));
            pair.runFor(Duration.ofSeconds(40)); // past every TURN retransmission and timeout

            assertEquals(30, call.received(), "media crossed the host path");
            assertTrue(pair.a.connected() && pair.b.connected());
            assertTrue(server.corrupted > 0, "the server did answer with " + garbage);
            assertEquals(0, server.real.counters().relayedToClients + server.real.counters().relayedToPeers,
                    "nothing was relayed");
            for (EnginePair.Side s : List.of(pair.a, pair.b)) {
                assertEquals("host", selectedType(pair, s), s.name + " uses the host path");
                assertFalse(s.events(EngineEvent.LocalCandidate.class).stream()
                        .anyMatch(c -> c.candidate().contains("typ relay")), s.name + " offers no relayed candidate");
                List<EngineEvent.IceCandidateError> errors = s.events(EngineEvent.IceCandidateError.class);
                assertTrue(errors.stream().anyMatch(e -> e.url().contains("192.0.2.200:3478")),
                        s.name + " names the TURN server in an icecandidateerror: " + errors);
                System.out.println(garbage + " " + s.name + ": " + errors);
            }
        }
    }

    @ParameterizedTest(name = "{0}: with no other path, the connection report names the server")
    @EnumSource(Garbage.class)
    void withNoOtherPathTheConnectionReportNamesTheServer(Garbage garbage) throws Exception {
        try (EnginePair pair = new EnginePair(890 + garbage.ordinal(), withTurn(), withTurn())) {
            pair.attach(new GarbageTurnServer(garbage));
            // The peers cannot reach each other directly: only the (useless) TURN server is reachable.
            pair.middlebox(t -> t.destination().equals(SERVER) || t.source().equals(SERVER) ? t : null);

            pair.a.engine.addTransceiver(pair.clock.nanoTime(), dev.jrtc.sdp.jsep.MediaKind.VIDEO,
                    dev.jrtc.sdp.Direction.SENDONLY);
            pair.negotiate();
            pair.runUntil(() -> failed(pair.a) && failed(pair.b), Duration.ofSeconds(90));

            for (EnginePair.Side s : List.of(pair.a, pair.b)) {
                ConnectionReport report = s.engine.connectionReport().orElseThrow();
                ConnectionReport.Ice ice = report.causes(ConnectionReport.Ice.class).get(0);
                assertTrue(ice.serverErrors().stream().anyMatch(e -> e.url().contains("192.0.2.200:3478")),
                        s.name + ": the report names the TURN server: " + report.explanation());
                assertTrue(report.explanation().contains("192.0.2.200"), report.explanation());
                System.out.println(garbage + " " + s.name + ": " + report.explanation());
            }
        }
    }

    private static boolean failed(EnginePair.Side s) {
        return s.engine.connectionState() == ConnectionState.FAILED;
    }

    private static String selectedType(EnginePair pair, EnginePair.Side side) {
        RTCStatsReport report = side.engine.getStats(pair.clock.nanoTime());
        RTCStats transport = report.ofType("transport").get(0);
        RTCStats selected = report.get((String) transport.get("selectedCandidatePairId")).orElseThrow();
        RTCStats local = report.get((String) selected.get("localCandidateId")).orElseThrow();
        return String.valueOf(local.get("candidateType"));
    }
}
