package dev.jrtc.ice;

import dev.jrtc.common.Transmit;
import dev.jrtc.ice.turn.StreamFramer;
import java.net.InetSocketAddress;

/**
 * Sends bytes from one of our candidates the way that candidate needs: through its TURN
 * allocation, framed on an accepted ICE-TCP connection (RFC 4571), or as a plain datagram from its
 * base socket. Every part that sends goes through here, so that no part knows about relays.
 */
final class PairTransmitter {
    private final AgentState st;

    PairTransmitter(AgentState st) {
        this.st = st;
    }

    void sendOnPair(long nowNanos, CandidatePair pair, byte[] bytes) {
        sendOnPair(nowNanos, pair, bytes, 0, bytes.length);
    }

    /** Sends {@code bytes[offset, offset + length)}, which this agent now owns (a plain datagram carries the slice as it is). */
    void sendOnPair(long nowNanos, CandidatePair pair, byte[] bytes, int offset, int length) {
        sendFrom(nowNanos, pair.local, pair.remote.address(), pair.tcpConnection, bytes, offset, length);
    }

    void sendFrom(long nowNanos, LocalCandidate local, InetSocketAddress remote, int tcpConnection, byte[] bytes) {
        sendFrom(nowNanos, local, remote, tcpConnection, bytes, 0, bytes.length);
    }

    private void sendFrom(long nowNanos, LocalCandidate local, InetSocketAddress remote, int tcpConnection,
            byte[] bytes, int offset, int length) {
        if (local.relay != null) {
            local.relay.sendToPeer(nowNanos, remote, bytes, offset, length);
        } else if (tcpConnection >= 0) {
            st.out.add(new IceEvent.StreamTransmit(tcpConnection, StreamFramer.rfc4571(bytes, offset, length)));
        } else {
            st.out.add(new Transmit(local.base, remote, bytes, offset, length));
        }
    }
}
