package dev.jrtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.sim.SimNetwork;
import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.StunProtection;
import dev.jrtc.ice.turn.StreamFramer;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 6544 passive candidate: a peer with an active TCP candidate connects, its RFC 4571-framed check
 * is answered on the stream, our triggered check goes back on the same stream, and the pair is
 * selected once the peer nominates it.
 */
class IceTcpPassiveCandidateTest {
    @Test
    void activePeerConnectsToOurPassiveCandidate() throws Exception {
        InetSocketAddress passive = new InetSocketAddress(SimNetwork.ip("192.0.2.10"), 5000);
        InetSocketAddress peer = new InetSocketAddress(SimNetwork.ip("192.0.2.20"), 49152);
        IceAgent agent = new IceAgent(IceConfig.builder().role(IceRole.CONTROLLED).build(), RandomSource.seeded(4));
        agent.addTcpPassiveAddress(passive);
        agent.startGathering(0);
        Candidate ours = agent.localCandidates().get(0);
        assertEquals(Transport.TCP, ours.transport());
        assertEquals(TcpType.PASSIVE, ours.tcpType());
        IceCredentials theirs = new IceCredentials("peer", "peerpasswordpeerpassword");
        agent.setRemoteCredentials(0, theirs);
        drain(agent);

        int conn = agent.handleStreamAccepted(1, peer, passive);
        assertTrue(conn > 0);
        byte[] check = StunMessage.request(StunMethod.BINDING, RandomSource.seeded(9))
                .text(StunAttributeType.USERNAME, agent.localCredentials().ufrag() + ":peer")
                .add(new StunAttribute.Number32(StunAttributeType.PRIORITY, 1_518_280_447L))
                .add(new StunAttribute.Number64(StunAttributeType.ICE_CONTROLLING, 7))
                .add(new StunAttribute.Flag(StunAttributeType.USE_CANDIDATE))
                .encode(StunProtection.shortTerm(StunCredentials.shortTermKey(agent.localCredentials().password())));
        byte[] framed = StreamFramer.rfc4571(check, 0, check.length);
        agent.handleStreamReceive(2, conn, framed, 0, 5);           // split across two reads
        agent.handleStreamReceive(2, conn, framed, 5, framed.length - 5);
        agent.handleTimeout(2);
        List<StunMessage> written = new ArrayList<>();
        StreamFramer fromAgent = new StreamFramer(StreamFramer.Framing.RFC4571);
        for (Output o : drain(agent)) {
            if (o instanceof IceEvent.StreamTransmit t && t.connectionId() == conn) {
                for (byte[] m : fromAgent.append(t.data(), 0, t.data().length)) {
                    written.add(StunPacket.decode(m, 0, m.length).message());
                }
            }
        }
        StunMessage response = written.stream().filter(m -> m.stunClass() == StunClass.SUCCESS_RESPONSE).findFirst()
                .orElseThrow();
        assertEquals(peer, response.address(StunAttributeType.XOR_MAPPED_ADDRESS).orElseThrow());
        StunMessage triggered = written.stream().filter(m -> m.stunClass() == StunClass.REQUEST).findFirst().orElseThrow();
        // The peer answers our triggered check; the nominated TCP pair is selected.
        byte[] answer = StunMessage.responseTo(triggered, true).address(StunAttributeType.XOR_MAPPED_ADDRESS, passive)
                .encode(StunProtection.shortTerm(StunCredentials.shortTermKey(theirs.password())));
        byte[] framedAnswer = StreamFramer.rfc4571(answer, 0, answer.length);
        agent.handleStreamReceive(3, conn, framedAnswer, 0, framedAnswer.length);
        drain(agent);
        assertEquals(IceConnectionState.CONNECTED, agent.connectionState());
        assertEquals(Transport.TCP, agent.selectedPair().orElseThrow().remote().transport());
        assertTrue(agent.isValidatedRemote(peer));
    }

    private static List<Output> drain(IceAgent agent) {
        List<Output> out = new ArrayList<>();
        for (Output o = agent.poll(); !(o instanceof Deadline); o = agent.poll()) {
            out.add(o);
        }
        return out;
    }
}
