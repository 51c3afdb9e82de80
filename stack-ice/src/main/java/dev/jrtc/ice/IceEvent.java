package dev.jrtc.ice;

import dev.jrtc.common.Output;
import dev.jrtc.ice.turn.TurnTransport;
import java.net.InetSocketAddress;

/** What an {@link IceAgent} reports through {@code poll()}. */
public sealed interface IceEvent extends Output.Event {
    /** A local candidate to signal to the peer (trickle). */
    record LocalCandidate(Candidate candidate) implements IceEvent {
    }

    /** Gathering finished: signal end-of-candidates. */
    record GatheringComplete() implements IceEvent {
    }

    /** The W3C connection state changed. */
    record ConnectionStateChanged(IceConnectionState from, IceConnectionState to, String reason) implements IceEvent {
    }

    /** The pair used for data changed. */
    record SelectedPairChanged(Candidate local, Candidate remote) implements IceEvent {
    }

    /** A W3C {@code icecandidateerror}: a STUN or TURN server failed. */
    record CandidateError(String url, String address, int port, int errorCode, String errorText) implements IceEvent {
    }

    /** The role changed after a conflict (RFC 8445 section 7.3.1.1). */
    record RoleChanged(IceRole role) implements IceEvent {
    }

    /** Non-STUN data from a validated remote address: DTLS, RTP, RTCP. The agent copied it. */
    record DataReceived(InetSocketAddress remote, InetSocketAddress local, byte[] data) implements IceEvent {
    }

    /** Open a TCP (or TLS) connection to a TURN server; answer with {@code handleStreamConnected} or {@code handleStreamClosed}. */
    record StreamConnect(int connectionId, TurnTransport transport, InetSocketAddress remote) implements IceEvent {
    }

    /** Write these bytes, already framed, on a stream connection. */
    record StreamTransmit(int connectionId, byte[] data) implements IceEvent {
    }

    /** Close a stream connection. */
    record StreamClose(int connectionId) implements IceEvent {
    }
}
