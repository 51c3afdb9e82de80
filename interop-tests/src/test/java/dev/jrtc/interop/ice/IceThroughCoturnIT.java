package dev.jrtc.interop.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.CandidateType;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.ice.IceEvent;
import dev.jrtc.ice.IceRole;
import dev.jrtc.ice.IceServer;
import dev.jrtc.ice.IceServerUrl;
import dev.jrtc.ice.ServerResult;
import dev.jrtc.ice.turn.TurnTransport;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two {@link IceAgent}s on loopback that can reach each other only through a real coturn relay,
 * allocated over UDP, TCP ({@code turn:...?transport=tcp}) and TLS ({@code turns:}) through the
 * agent's own stream path, and the diagnostics for a wrong TURN password (401) and an unreachable server (701).
 */
class IceThroughCoturnIT {
    private static Coturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start();
    }

    @AfterAll
    static void stopCoturn() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
    }

    private static IceServer turn(String password) throws Exception {
        return turn(TurnTransport.UDP, password);
    }

    /** coturn as {@code turn:...?transport=udp}, {@code turn:...?transport=tcp} or {@code turns:...}. */
    private static IceServer turn(TurnTransport transport, String password) throws Exception {
        String url = switch (transport) {
            case UDP -> "turn:127.0.0.1:" + coturn.port + "?transport=udp";
            case TCP -> "turn:127.0.0.1:" + coturn.port + "?transport=tcp";
            case TLS -> "turns:127.0.0.1:" + coturn.tlsPort;
        };
        return new IceServer(IceServerUrl.parse(url), transport == TurnTransport.TLS ? coturn.tlsAddress() : coturn.address(),
                Coturn.USER, password);
    }

    private static IceConfig.Builder config(IceRole role) {
        return IceConfig.builder().role(role).allowLoopbackRemote(true).serverRto(Duration.ofMillis(100)).serverMaxSends(3);
    }

    @ParameterizedTest
    @EnumSource(TurnTransport.class)
    void relayOnlyAgentConnectsThroughCoturn(TurnTransport transport) throws Exception {
        try (LoopbackAgents net = new LoopbackAgents()) {
            LoopbackAgents.Node a = net.add(new IceAgent(config(IceRole.CONTROLLING).server(turn(transport, Coturn.PASSWORD))
                    .relayOnly(true).build(), RandomSource.secure()));
            LoopbackAgents.Node b = net.add(new IceAgent(config(IceRole.CONTROLLED).build(), RandomSource.secure()));
            // a uses relay-only policy (W3C iceTransportPolicy "relay"): b can reach a only through coturn.
            a.signal = e -> {
                if (e instanceof IceEvent.LocalCandidate c) {
                    assertEquals(CandidateType.RELAYED, c.candidate().type());
                    b.agent.addRemoteCandidate(System.nanoTime(), c.candidate());
                }
            };
            b.signal = e -> {
                if (e instanceof IceEvent.LocalCandidate c) {
                    a.agent.addRemoteCandidate(System.nanoTime(), c.candidate());
                }
            };
            a.agent.setRemoteCredentials(System.nanoTime(), b.agent.localCredentials());
            b.agent.setRemoteCredentials(System.nanoTime(), a.agent.localCredentials());
            a.agent.startGathering(System.nanoTime());
            b.agent.startGathering(System.nanoTime());
            boolean up = net.runUntil(() -> b.agent.connectionState() == IceConnectionState.CONNECTED
                    && a.agent.connectionState() == IceConnectionState.CONNECTED, 15_000);
            assertTrue(up, a.agent.connectionState() + " " + b.agent.connectionState() + " " + b.agent.pairStatistics()
                    + " " + a.agent.serverResults() + "\n" + coturn.log());
            assertEquals(CandidateType.RELAYED, b.agent.selectedPair().orElseThrow().remote().type());
            assertEquals(CandidateType.RELAYED, a.agent.selectedPair().orElseThrow().local().type());
            assertInstanceOf(ServerResult.Reachable.class, a.agent.serverResults().get(0));
            // Over TCP and TLS the agent reached coturn through its own stream path, not over UDP.
            assertEquals(transport.isStream(), a.events.stream().anyMatch(
                    e -> e instanceof IceEvent.StreamConnect c && c.transport() == transport), a.events.toString());
            byte[] rtp = {(byte) 0x80, 96, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 7};
            assertTrue(b.agent.send(System.nanoTime(), rtp, 0, rtp.length));
            net.drain(b);
            assertTrue(net.runUntil(() -> a.events.stream().anyMatch(IceEvent.DataReceived.class::isInstance), 3000),
                    "data crossed the relay");
            // And the other way: a sends through its allocation (ChannelData or Send over the stream).
            byte[] back = {(byte) 0x80, 96, 0, 2, 0, 0, 0, 2, 0, 0, 0, 1, 9};
            assertTrue(a.agent.send(System.nanoTime(), back, 0, back.length));
            net.drain(a);
            assertTrue(net.runUntil(() -> b.events.stream().anyMatch(
                    e -> e instanceof IceEvent.DataReceived d && java.util.Arrays.equals(d.data(), back)), 3000),
                    "data crossed the relay back");
        }
    }

    @Test
    void wrongPasswordIsExplainedAs401() throws Exception {
        try (LoopbackAgents net = new LoopbackAgents()) {
            LoopbackAgents.Node a = net.add(new IceAgent(config(IceRole.CONTROLLING).server(turn("wrong")).build(),
                    RandomSource.secure()));
            a.agent.startGathering(System.nanoTime());
            assertTrue(net.runUntil(() -> !(a.agent.serverResults().get(0) instanceof ServerResult.Pending), 5000));
            ServerResult r = a.agent.serverResults().get(0);
            assertInstanceOf(ServerResult.AuthFailed.class, r);
            assertEquals(401, r.errorCode());
            assertTrue(r.describe().contains("refused our credentials (401"), r.describe());
            assertTrue(a.events.stream().anyMatch(e -> e instanceof IceEvent.CandidateError ce && ce.errorCode() == 401));
        }
    }

    @Test
    void unreachableServerIs701() throws Exception {
        int closedPort = Coturn.freePort(); // nothing listens there
        IceServer dead = new IceServer(IceServerUrl.parse("turn:127.0.0.1:" + closedPort),
                new InetSocketAddress("127.0.0.1", closedPort), "u", "p");
        try (LoopbackAgents net = new LoopbackAgents()) {
            LoopbackAgents.Node a = net.add(new IceAgent(config(IceRole.CONTROLLING).server(dead).build(),
                    RandomSource.secure()));
            a.agent.startGathering(System.nanoTime());
            assertTrue(net.runUntil(() -> !(a.agent.serverResults().get(0) instanceof ServerResult.Pending), 10_000));
            assertEquals(701, a.agent.serverResults().get(0).errorCode());
            assertTrue(a.events.stream().anyMatch(e -> e instanceof IceEvent.CandidateError ce && ce.errorCode() == 701));
        }
    }
}
