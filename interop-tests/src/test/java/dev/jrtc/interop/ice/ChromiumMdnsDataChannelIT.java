package dev.jrtc.interop.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.Candidate;
import dev.jrtc.ice.CandidateType;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceCredentials;
import dev.jrtc.ice.IceRole;
import dev.jrtc.ice.PairStatistics;
import dev.jrtc.interop.HeadlessChromium;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.interop.pc.PageMessages;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import dev.jrtc.peerconnection.engine.SdpType;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chromium without getUserMedia offers a data channel with its host address hidden behind a random
 * {@code .local} name.
 * <ul>
 * <li>A jrtc {@link IceAgent} answers (ICE only, no DTLS) and resolves the name with its own one-shot
 * mDNS query (RFC 6762 section 5.1); Chromium's responder answers by multicast, which the test's
 * edge ({@link MdnsAgentEdge}) receives on port 5353. The pair ends up host to host.
 * <li>A jrtc RTCPeerConnection answers with mDNS resolution switched off: Chromium's checks still
 * arrive, jrtc learns a peer-reflexive candidate for the same address, and the data channel carries
 * messages both ways.
 * </ul>
 *
 * <p>Network: the namespace's veth {@code v0} (10.99.0.1) carries multicast. Its default route (to
 * 10.99.0.2, which does not exist) also covers 224.0.0.251, so no extra multicast route is needed;
 * without a default route, {@code ip route add 224.0.0.0/4 dev v0} does the same. jrtc binds 10.99.0.1,
 * the address Chromium's name stands for.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ChromiumMdnsDataChannelIT {
    private static final Duration MESSAGE = Duration.ofSeconds(40);
    private static final int MESSAGES = Integer.getInteger("jrtc.interop.mdns.messages", 20);
    private static final Pattern HOST = Pattern.compile("a=candidate:\\S+ 1 udp \\d+ (\\S+) \\d+ typ host");

    /** The offer's host candidates, each checked to be an mDNS name. */
    private static List<Candidate> mdnsHostCandidates(String offer) throws Exception {
        Matcher m = HOST.matcher(offer);
        List<Candidate> hosts = new ArrayList<>();
        while (m.find()) {
            assertTrue(m.group(1).endsWith(".local"), "a host candidate shows its IP: " + m.group());
            hosts.add(Candidate.parse(m.group().substring(2)));
        }
        assertFalse(hosts.isEmpty(), "no host candidate in the offer:\n" + offer);
        return hosts;
    }

    private static String attribute(String sdp, String name) {
        Matcher m = Pattern.compile("(?m)^a=" + name + ":(\\S+)").matcher(sdp);
        assertTrue(m.find(), "no a=" + name + " in\n" + sdp);
        return m.group(1);
    }

    /**
     * An ICE-only answer: credentials, our host candidate, and a fingerprint that nothing will ever
     * check, since the agent speaks no DTLS. Chromium's ICE connects all the same.
     */
    private static String iceOnlyAnswer(String offer, IceAgent agent, InetSocketAddress host) {
        String mid = attribute(offer, "mid");
        byte[] fp = new byte[32];
        new java.security.SecureRandom().nextBytes(fp);
        StringBuilder hex = new StringBuilder();
        for (byte b : fp) {
            hex.append(hex.length() == 0 ? "" : ":").append(String.format("%02X", b));
        }
        String candidates = agent.localCandidates().stream().map(c -> "a=" + c.toSdpValue() + "\r\n")
                .collect(java.util.stream.Collectors.joining());
        return "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE " + mid + "\r\n"
                + "m=application " + host.getPort() + " UDP/DTLS/SCTP webrtc-datachannel\r\n"
                + "c=IN IP4 " + host.getAddress().getHostAddress() + "\r\n"
                + "a=ice-ufrag:" + agent.localCredentials().ufrag() + "\r\na=ice-pwd:" + agent.localCredentials().password()
                + "\r\na=fingerprint:sha-256 " + hex + "\r\na=setup:active\r\na=mid:" + mid + "\r\n"
                + "a=sctp-port:5000\r\n" + candidates + "a=end-of-candidates\r\n";
    }

    @Test
    void iceAgentResolvesChromiumsMdnsNameWithItsOwnQuery() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(
                        server.pageUri("chromium-mdns-data-channel.html", "iceOnly=1"), HeadlessChromium.Media.NONE);
                MdnsAgentEdge edge = new MdnsAgentEdge(new IceAgent(IceConfig.builder().role(IceRole.CONTROLLED)
                        .allowLoopbackRemote(true).build(), RandomSource.secure()), new InetSocketAddress("10.99.0.1", 0), "v0")) {
            String offer = PageMessages.expect(server, "offer", MESSAGE, "chromium", chromium::logTail).path("sdp").asText();
            List<Candidate> hosts = mdnsHostCandidates(offer);
            IceAgent agent = edge.agent;
            long now = System.nanoTime();
            agent.setRemoteCredentials(now, new IceCredentials(attribute(offer, "ice-ufrag"), attribute(offer, "ice-pwd")));
            agent.startGathering(now);
            for (Candidate c : hosts) {
                agent.addRemoteCandidate(now, c);
            }
            agent.endOfRemoteCandidates(now);
            edge.drain();
            server.send(Map.of("type", "answer", "sdp", iceOnlyAnswer(offer, agent, edge.address())));
            // Pump the agent until Chromium says ICE is up (its message arrives on the test server's queue).
            CompletableFuture<JsonNode> ice = CompletableFuture.supplyAsync(() -> {
                try {
                    return PageMessages.expect(server, "ice", MESSAGE, "chromium", chromium::logTail);
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            });
            edge.runUntil(() -> ice.isDone() && agent.selectedPair().isPresent()
                    && agent.selectedPair().get().remote().type() == CandidateType.HOST, 30_000);
            assertTrue(ice.isDone(), "Chromium never reported ICE connected; agent: " + agent.connectionState()
                    + " " + agent.pairStatistics());
            JsonNode chromiumSide = ice.get();
            PairStatistics selected = agent.selectedPair().orElseThrow();
            // The name resolved: the pair's remote is Chromium's host candidate at its real address (a
            // peer-reflexive one learnt from an early check is upgraded to it, RFC 8445 section 7.3.1.3).
            assertEquals(CandidateType.HOST, selected.remote().type(), selected.toString());
            assertEquals("10.99.0.1", selected.remote().address(), selected.toString());
            assertEquals("host", chromiumSide.path("localType").asText(), chromiumSide.toString());
            assertEquals("host", chromiumSide.path("remoteType").asText(), chromiumSide.toString());
            System.out.println("ICE only: jrtc selected " + selected.local().type() + " -> " + selected.remote().type()
                    + " " + selected.remote().address() + "; Chromium " + chromiumSide);
        }
    }

    @Test
    void peerConnectionWithoutMdnsResolutionConnectsThroughPeerReflexive() throws Exception {
        boolean resolveMdns = false;
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessChromium chromium = HeadlessChromium.open(
                        server.pageUri("chromium-mdns-data-channel.html", "messages=" + MESSAGES), HeadlessChromium.Media.NONE)) {
            String offer = PageMessages.expect(server, "offer", MESSAGE, "chromium", chromium::logTail).path("sdp").asText();
            mdnsHostCandidates(offer);

            IceConfig ice = IceConfig.builder().allowLoopbackRemote(true).resolveMdns(resolveMdns).build();
            RTCPeerConnection pc = new RTCPeerConnection(
                    new RTCConfiguration(List.of(new InetSocketAddress("10.99.0.1", 0)), ice, null));
            try {
                pc.ondatachannel(ch -> ch.onmessage(msg -> ch.send(msg.text())));
                pc.setRemoteDescription(new RTCSessionDescription(SdpType.OFFER, offer)).get(10, TimeUnit.SECONDS);
                pc.setLocalDescription(pc.createAnswer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
                pc.gatheringComplete().get(10, TimeUnit.SECONDS);
                server.send(Map.of("type", "answer", "sdp", pc.localDescription().orElseThrow().sdp()));
                JsonNode done;
                try {
                    PageMessages.expect(server, "open", MESSAGE, "chromium", chromium::logTail);
                    done = PageMessages.expect(server, "done", MESSAGE, "chromium", chromium::logTail);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\njrtc: " + pc.iceConnectionState() + " "
                            + pc.getStats().get(5, TimeUnit.SECONDS) + "\n--- offer:\n" + offer, e);
                }
                assertEquals(MESSAGES, done.path("count").asInt());
                assertEquals(0, done.path("mismatches").asInt());

                RTCStats remote = selectedRemoteCandidate(pc.getStats().get(5, TimeUnit.SECONDS));
                // The name was set aside unresolved; Chromium's checks taught us a prflx candidate.
                assertEquals("prflx", remote.get("candidateType"), remote.toString());
                assertEquals("10.99.0.1", remote.get("address"), remote.toString());
                assertEquals("host", done.path("localType").asText(), "Chromium's side: " + done);
                assertEquals("host", done.path("remoteType").asText(), "jrtc's candidate as Chromium sees it: " + done);
                assertFalse(done.path("remoteAddress").asText().endsWith(".local"), done.toString());
                System.out.println("resolveMdns=" + resolveMdns + ": jrtc selected remote " + remote.get("candidateType")
                        + " " + remote.get("address") + "; Chromium " + done);
            } finally {
                pc.close();
            }
        }
    }

    private static RTCStats selectedRemoteCandidate(RTCStatsReport report) {
        RTCStats transport = report.ofType("transport").get(0);
        RTCStats pair = report.get((String) transport.get("selectedCandidatePairId")).orElseThrow(
                () -> new AssertionError("no selected pair: " + report));
        return report.get((String) pair.get("remoteCandidateId")).orElseThrow();
    }
}
