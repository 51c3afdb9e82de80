package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.mdns.DnsMessage;
import dev.jrtc.ice.mdns.MdnsResolver;
import dev.jrtc.ice.mdns.MdnsResponder;
import dev.jrtc.ice.sim.TwoPeers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mDNS host candidates: published names, our own resolution, and prflx when a name cannot resolve. */
class MdnsCandidatesTest {
    @Test
    void publishedHostCandidatesHideTheIp() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun().configureB(c -> c.publishMdns(true))).start();
        Candidate host = p.b.agent.localCandidates().get(0);
        assertTrue(host.isMdns(), host.toString());
        assertTrue(!host.toSdpValue().contains(p.bHost.getAddress().getHostAddress()));
    }

    @Test
    void unresolvableNameStillConnectsThroughPeerReflexive() {
        // The simulated network carries no multicast: the name never resolves.
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun().configureB(c -> c.publishMdns(true))).start();
        assertTrue(p.runUntilConnected(10), p.a.states() + " " + p.b.states());
        assertEquals("host->prflx", TwoPeers.selectedTypes(p.a));
        assertTrue(p.exchangeData());
    }

    @Test
    void resolvedNameIsCheckedAsAHostCandidate() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun()
                .configureA(c -> c.role(IceRole.CONTROLLED)).configureB(c -> c.publishMdns(true).role(IceRole.CONTROLLING)));
        // b gathers first; a resolves b's name from a response before any check arrives.
        p.net.call(p.b.agent, now -> p.b.agent.startGathering(now));
        Candidate named = p.b.agent.localCandidates().get(0);
        p.net.call(p.a.agent, now -> p.a.agent.startGathering(now));
        byte[] answer = DnsMessage.response(named.address(), p.bHost.getAddress(), 120);
        p.net.call(p.a.agent, now -> p.a.agent.addRemoteCandidate(now, named));
        p.net.call(p.a.agent, now -> p.a.agent.handleReceive(now, new InetSocketAddress(p.bHost.getAddress(), 5353),
                p.aHost, answer, 0, answer.length));
        p.net.call(p.a.agent, now -> p.a.agent.setRemoteCredentials(now, p.b.agent.localCredentials()));
        p.net.call(p.b.agent, now -> p.b.agent.setRemoteCredentials(now, p.a.agent.localCredentials()));
        for (Candidate c : p.a.agent.localCandidates()) {
            p.net.call(p.b.agent, now -> p.b.agent.addRemoteCandidate(now, c));
        }
        assertTrue(p.runUntilConnected(10), p.a.states() + " " + p.b.states());
        assertEquals("host->host", TwoPeers.selectedTypes(p.a));
    }

    @Test
    void nameThatResolvesAfterTheChecksUpgradesThePeerReflexiveCandidateToHost() {
        // As with Chromium: its checks arrive before our query is answered, so a peer-reflexive
        // candidate comes first; the late answer turns it into the signalled host candidate.
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun().configureB(c -> c.publishMdns(true))).start();
        assertTrue(p.runUntilConnected(10), p.a.states() + " " + p.b.states());
        assertEquals("host->prflx", TwoPeers.selectedTypes(p.a));
        Candidate named = p.b.agent.localCandidates().get(0);
        byte[] answer = DnsMessage.response(named.address(), p.bHost.getAddress(), 120);
        p.net.call(p.a.agent, now -> p.a.agent.addRemoteCandidate(now, named)); // queried again: not cached
        p.net.call(p.a.agent, now -> p.a.agent.handleReceive(now, new InetSocketAddress(p.bHost.getAddress(), 5353),
                p.aHost, answer, 0, answer.length));
        assertEquals("host->host", TwoPeers.selectedTypes(p.a), "the same pair, now with the signalled type");
        assertEquals(p.bHost.getAddress().getHostAddress(), p.a.agent.selectedPair().orElseThrow().remote().address());
        assertTrue(p.a.isConnected());
        assertTrue(p.exchangeData());
    }

    @Test
    void withResolutionOffNamesAreNeverQueriedAndPeerReflexiveCarriesTheConnection() {
        TwoPeers p = new TwoPeers(TwoPeers.Setup.of(null, null).withoutStun()
                .configureA(c -> c.resolveMdns(false)).configureB(c -> c.publishMdns(true)));
        List<byte[]> queries = new ArrayList<>();
        p.net.setDropRule((t, addrs) -> {
            if (addrs[1].getPort() == 5353) {
                queries.add(new byte[0]);
            }
            return false;
        });
        p.start();
        assertTrue(p.runUntilConnected(10), p.a.states() + " " + p.b.states());
        assertEquals("host->prflx", TwoPeers.selectedTypes(p.a));
        assertEquals(0, queries.size(), "no mDNS query left a");
        assertTrue(p.exchangeData());
    }

    @Test
    void queryAsksOnlyForTheARecord() throws Exception {
        DnsMessage.Parsed q = DnsMessage.parse(DnsMessage.query("abc.local"), 0, DnsMessage.query("abc.local").length);
        assertEquals(1, q.questions().size(), "Chromium ignores a query that also asks for AAAA");
    }

    @Test
    void resolverAndResponderTalkDns() {
        MdnsResponder responder = new MdnsResponder(RandomSource.seeded(3));
        InetAddress ip = dev.jrtc.ice.sim.SimNetwork.ip("192.168.7.7");
        String name = responder.nameFor(ip);
        List<byte[]> queries = new ArrayList<>();
        List<String> results = new ArrayList<>();
        MdnsResolver resolver = new MdnsResolver(new MdnsResolver.Listener() {
            public void sendQuery(byte[] q) { queries.add(q); }
            public void resolved(String n, InetAddress a) { results.add(n + "=" + a.getHostAddress()); }
            public void unresolved(String n) { results.add(n + "=?"); }
        }, 3);
        resolver.resolve(0, name);
        byte[] answer = responder.answer(queries.get(0), 0, queries.get(0).length).orElseThrow();
        resolver.handleResponse(answer, 0, answer.length);
        assertEquals(List.of(name + "=192.168.7.7"), results);
        resolver.resolve(0, "nobody.local");
        for (long t = 0; t <= 4_000_000_000L; t += 500_000_000L) {
            resolver.handleTimeout(t);
        }
        assertEquals("nobody.local=?", results.get(1));
        assertEquals(1 + 3, queries.size(), "one query for the known name, three tries for the unknown one");
    }
}
