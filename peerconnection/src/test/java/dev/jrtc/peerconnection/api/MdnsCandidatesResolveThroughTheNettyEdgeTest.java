package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.IceConfig;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two real RTCPeerConnections on 127.0.0.1. The offerer publishes its host candidates as random
 * {@code .local} names (and so opens its mDNS responder socket on port 5353); the answerer's ICE
 * agent multicasts a query for each name, which its Netty edge sends from port 5353 on the host
 * interface ({@code lo}, where Linux delivers multicast although the interface lacks the
 * MULTICAST flag) and whose multicast answer it hears on its own 5353 socket. The answerer's
 * selected pair must then use the resolved <em>host</em> candidate; without the edge's listener the
 * name never resolves and the pair's remote end is only peer-reflexive.
 */
class MdnsCandidatesResolveThroughTheNettyEdgeTest {

    @Test
    void answererResolvesTheOfferersLocalNamesAndSelectsAHostPair() throws Exception {
        RTCConfiguration publishing = new RTCConfiguration(List.of(new InetSocketAddress("127.0.0.1", 0)),
                IceConfig.builder().allowLoopbackRemote(true).publishMdns(true).build(), null);
        RTCPeerConnection offerer = new RTCPeerConnection(publishing);
        RTCPeerConnection answerer = new RTCPeerConnection(RTCConfiguration.loopback());
        try {
            assertTrue(offerer.loop().listenForMdns().get(5, TimeUnit.SECONDS), "offerer's mDNS socket opened");
            offerer.createDataChannel("m", RTCDataChannelInit.defaults());
            Signalling.connect(offerer, answerer);

            String offer = offerer.localDescription().orElseThrow().sdp();
            List<String> hosts = offer.lines().filter(l -> l.startsWith("a=candidate") && l.contains(" typ host"))
                    .toList();
            assertFalse(hosts.isEmpty(), offer);
            for (String h : hosts) {
                assertTrue(h.contains(".local"), "published as a name: " + h);
                assertFalse(h.contains("127.0.0.1"), "IP hidden: " + h);
            }

            RTCStats remote = waitForSelectedRemote(answerer);
            assertEquals("host", remote.get("candidateType"), remote.toJson());
            assertTrue(answerer.loop().mdnsInterfaces() >= 1, "the answerer's edge opened its mDNS listener");
        } finally {
            offerer.close();
            answerer.close();
        }
        assertEquals(0, offerer.loop().mdnsInterfaces(), "closed with the connection");
    }

    /** The remote candidate of the answerer's selected pair, once the mDNS answer has had time to arrive. */
    private static RTCStats waitForSelectedRemote(RTCPeerConnection pc) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        RTCStats remote = null;
        while (System.nanoTime() < end) {
            RTCStatsReport report = pc.getStats().get(5, TimeUnit.SECONDS);
            Object pairId = report.ofType("transport").get(0).get("selectedCandidatePairId");
            RTCStats pair = pairId == null ? null : report.asMap().get(pairId.toString());
            remote = pair == null ? null : report.asMap().get(String.valueOf(pair.get("remoteCandidateId")));
            if (remote != null && "host".equals(remote.get("candidateType"))) {
                return remote;
            }
            Thread.sleep(50);
        }
        if (remote == null) {
            throw new AssertionError("no selected pair");
        }
        return remote;
    }
}
