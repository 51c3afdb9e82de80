package dev.jrtc.ice;

import dev.jrtc.ice.turn.StreamFramer;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * TCP connections that peers opened to our passive ICE-TCP candidates (RFC 6544): deframes RFC
 * 4571 and hands each packet to the {@link PacketRouter}; a broken framing closes the connection,
 * and a closed connection fails the pairs that used it.
 */
final class IceTcpConnections {
    /** One accepted connection. */
    private static final class Connection {
        final InetSocketAddress remote;
        final LocalCandidate local;
        final StreamFramer framer = new StreamFramer(StreamFramer.Framing.RFC4571);

        Connection(InetSocketAddress remote, LocalCandidate local) {
            this.remote = remote;
            this.local = local;
        }
    }

    private final AgentState st;
    private final CandidateRegistry candidates;
    private final PacketRouter router;
    private final Map<Integer, Connection> connections = new HashMap<>();

    IceTcpConnections(AgentState st, CandidateRegistry candidates, PacketRouter router) {
        this.st = st;
        this.candidates = candidates;
        this.router = router;
    }

    /** Returns the new connection's ID, or -1 if {@code local} is none of our passive candidates. */
    int accept(InetSocketAddress remote, InetSocketAddress local) {
        Optional<LocalCandidate> passive = candidates.tcpPassive(IpAddresses.normalize(local));
        if (passive.isEmpty() || st.closed) {
            return -1;
        }
        int id = st.newConnectionId();
        connections.put(id, new Connection(IpAddresses.normalize(remote), passive.get()));
        return id;
    }

    /** Bytes on an accepted connection; unknown IDs are ignored. */
    void receive(long nowNanos, int connectionId, byte[] buf, int offset, int length) {
        Connection c = connections.get(connectionId);
        if (c == null) {
            return;
        }
        for (byte[] frame : c.framer.append(buf, offset, length)) {
            router.onPacket(nowNanos, c.remote, c.local, connectionId, frame, 0, frame.length);
        }
        if (c.framer.isBroken()) {
            connections.remove(connectionId);
            st.out.add(new IceEvent.StreamClose(connectionId));
        }
    }

    /** The connection is gone: so are the pairs that ran over it. */
    void closed(int connectionId, String reason) {
        connections.remove(connectionId);
        for (IceSession s : st.sessions()) {
            for (CandidatePair p : s.checkList.pairs()) {
                if (p.tcpConnection == connectionId) {
                    p.state = PairState.FAILED;
                    p.lastError = "TCP connection closed: " + reason;
                }
            }
        }
    }
}
