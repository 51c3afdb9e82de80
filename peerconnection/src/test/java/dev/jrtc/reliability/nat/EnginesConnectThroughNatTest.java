package dev.jrtc.reliability.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Transmit;
import dev.jrtc.peerconnection.engine.ConnectionReport;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.PeerConnectionEngine;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.VideoCall;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Two full engines in virtual time with NATs on the path. Each engine offers only its private
 * host candidate and there is no STUN or TURN server, so a NATed side can only be reached at the
 * peer-reflexive address its checks reveal (RFC 8445 section 7.3.1.3).
 */
class EnginesConnectThroughNatTest {

    @Test
    void behindPortRestrictedConeToPublicPeerConnectsViaPeerReflexive() throws Exception {
        try (EnginePair pair = new EnginePair(71)) {
            VirtualNat nat = VirtualNat.portRestrictedCone(pair.a.address, "203.0.113.1");
            pair.middlebox(VirtualNat.path(List.of(nat)));

            VideoCall call = connectAndSendVideo(pair, "port-restricted cone");

            assertEquals(1, nat.publicAddresses().size(), "endpoint-independent mapping: one public address");
            assertSelected(pair, nat, call);
        }
    }

    @Test
    void behindSymmetricNatToPublicPeerConnectsViaPeerReflexive() throws Exception {
        try (EnginePair pair = new EnginePair(72)) {
            VirtualNat nat = VirtualNat.symmetric(pair.a.address, "203.0.113.1");
            pair.middlebox(VirtualNat.path(List.of(nat)));

            VideoCall call = connectAndSendVideo(pair, "symmetric");

            assertSelected(pair, nat, call);
        }
    }

    @Test
    void bothBehindSymmetricNatsWithoutTurnFailsWithAnIceExplanation() throws Exception {
        try (EnginePair pair = new EnginePair(73)) {
            VirtualNat natA = VirtualNat.symmetric(pair.a.address, "203.0.113.1");
            VirtualNat natB = VirtualNat.symmetric(pair.b.address, "198.51.100.1");
            pair.middlebox(VirtualNat.path(List.of(natA, natB)));

            pair.a.engine.addTransceiver(pair.clock.nanoTime(), MediaKind.VIDEO, Direction.SENDONLY);
            long start = pair.clock.nanoTime();
            pair.negotiate();
            pair.runUntil(() -> failed(pair.a.engine) && failed(pair.b.engine), Duration.ofSeconds(60));
            double seconds = (pair.clock.nanoTime() - start) / 1e9;
            System.out.printf("symmetric-symmetric: both failed after %.3f s of virtual time%n", seconds);

            assertFalse(pair.a.connected() || pair.b.connected());
            assertTrue(natA.unroutable() + natB.unroutable() > 0,
                    "checks to the peer's private host candidate went nowhere");
            for (EnginePair.Side s : List.of(pair.a, pair.b)) {
                ConnectionReport report = s.engine.connectionReport().orElseThrow(
                        () -> new AssertionError(s.name + " failed with no connection report"));
                assertEquals(ConnectionState.FAILED, report.state());
                List<ConnectionReport.Ice> ice = report.causes(ConnectionReport.Ice.class);
                assertFalse(ice.isEmpty(), s.name + ": the report names ICE: " + report.explanation());
                assertEquals("failed", ice.get(0).iceState());
                assertTrue(ice.get(0).pairsChecked() > 0, s.name + ": pairs were checked");
                assertEquals(0, ice.get(0).pairsSucceeded(), s.name + ": no check was answered");
                assertFalse(ice.get(0).diagnosis().isBlank());
                System.out.println(s.name + ": " + report.explanation());
            }
        }
    }

    /** The NAT itself: the two flavours differ only in mapping; both filter by address and port. */
    @Test
    void natFlavoursMapAndFilterAsSpecified() {
        InetSocketAddress inside = new InetSocketAddress("10.0.0.1", 5000);
        InetSocketAddress peer1 = new InetSocketAddress("192.0.2.1", 1000);
        InetSocketAddress peer2 = new InetSocketAddress("192.0.2.2", 2000);
        for (VirtualNat nat : List.of(VirtualNat.portRestrictedCone(inside, "203.0.113.1"),
                VirtualNat.symmetric(inside, "203.0.113.1"))) {
            UnaryOperator<Transmit> path = VirtualNat.path(List.of(nat));
            InetSocketAddress m1 = path.apply(new Transmit(inside, peer1, new byte[] {1})).source();
            Transmit back = path.apply(new Transmit(peer1, m1, new byte[] {2}));
            assertEquals(inside, back.destination(), "a reply from a contacted peer gets in");
            assertNull(path.apply(new Transmit(new InetSocketAddress("192.0.2.1", 1001), m1, new byte[] {3})),
                    "same address, other port: filtered");
            assertNull(path.apply(new Transmit(peer1, inside, new byte[] {4})), "private address unroutable");
            assertEquals(1, nat.filtered());
            assertEquals(1, nat.unroutable());
        }
        VirtualNat cone = VirtualNat.portRestrictedCone(inside, "203.0.113.1");
        VirtualNat symmetric = VirtualNat.symmetric(inside, "203.0.113.1");
        for (InetSocketAddress peer : List.of(peer1, peer2)) {
            VirtualNat.path(List.of(cone)).apply(new Transmit(inside, peer, new byte[] {1}));
            VirtualNat.path(List.of(symmetric)).apply(new Transmit(inside, peer, new byte[] {1}));
        }
        assertEquals(1, cone.publicAddresses().size(), "cone: one mapping for every destination");
        assertEquals(2, symmetric.publicAddresses().size(), "symmetric: one mapping per destination");
    }

    private static boolean failed(PeerConnectionEngine e) {
        return e.connectionState() == ConnectionState.FAILED;
    }

    private static VideoCall connectAndSendVideo(EnginePair pair, String label) throws Exception {
        long start = pair.clock.nanoTime();
        VideoCall call = VideoCall.connect(pair);
        System.out.printf("%s: connected after %.3f s of virtual time%n", label, (pair.clock.nanoTime() - start) / 1e9);
        assertTrue(pair.a.engine.srtpProfile().isPresent() && pair.b.engine.srtpProfile().isPresent());
        call.send(30);
        call.awaitAll(Duration.ofSeconds(2));
        assertEquals(30, call.received(), "every frame crossed the NAT");
        return call;
    }

    /** B reaches A at the NAT's public mapping, learnt as peer-reflexive; A reaches B's host candidate. */
    private static void assertSelected(EnginePair pair, VirtualNat nat, VideoCall call) {
        RTCStats remoteOfB = selectedRemote(pair.b.engine.getStats(pair.clock.nanoTime()));
        assertEquals("prflx", remoteOfB.get("candidateType"), "B's remote candidate for A");
        InetSocketAddress seen = new InetSocketAddress(String.valueOf(remoteOfB.get("address")),
                ((Number) remoteOfB.get("port")).intValue());
        assertTrue(nat.publicAddresses().contains(seen), "B talks to A's NAT mapping " + nat.publicAddresses()
                + ", not " + seen);
        RTCStats remoteOfA = selectedRemote(pair.a.engine.getStats(pair.clock.nanoTime()));
        assertEquals("host", remoteOfA.get("candidateType"), "A's remote candidate for B");
        assertTrue(pair.a.connected() && pair.b.connected());
        assertTrue(call.received() > 0);
    }

    private static RTCStats selectedRemote(RTCStatsReport report) {
        RTCStats transport = report.ofType("transport").get(0);
        RTCStats selected = report.get((String) transport.get("selectedCandidatePairId")).orElseThrow();
        return report.get((String) selected.get("remoteCandidateId")).orElseThrow();
    }
}
