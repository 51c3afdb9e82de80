package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Output;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.srtp.SrtpProfile;

/** What a {@link PeerConnectionEngine} reports through {@code poll()}, besides transmits and deadlines. */
public sealed interface EngineEvent extends Output.Event {

    /**
     * A local candidate to signal (trickle).
     *
     * @param candidate the attribute value, {@code candidate:...}
     * @param mid the media section it belongs to (the first one of the bundle)
     */
    record LocalCandidate(String candidate, String mid) implements EngineEvent {
    }

    /** Candidate gathering finished; signal end-of-candidates. */
    record GatheringComplete() implements EngineEvent {
    }

    /** The ICE connection state changed. */
    record IceStateChanged(IceConnectionState state) implements EngineEvent {
    }

    /** The peer connection state changed. */
    record ConnectionStateChanged(ConnectionState state) implements EngineEvent {
    }

    /** The signaling state changed. */
    record SignalingStateChanged(SignalingState state) implements EngineEvent {
    }

    /** DTLS connected and SRTP keys are installed with this profile. */
    record SecureTransportReady(SrtpProfile profile) implements EngineEvent {
    }

    /**
     * A remote track appeared in a negotiated description.
     *
     * @param mid the transceiver's mid
     * @param kind audio or video
     * @param codec the codec the peer will send
     */
    record TrackAdded(String mid, MediaKind kind, String codec) implements EngineEvent {
    }

    /** A frame arrived on the transceiver with this mid. */
    record FrameReceived(String mid, EncodedFrame frame) implements EngineEvent {
    }

    /** The peer asked for a key frame on the transceiver with this mid. */
    record KeyFrameRequested(String mid) implements EngineEvent {
    }

    /**
     * The transceivers or data channels changed in a way the peer must hear about (W3C
     * {@code negotiationneeded}): make and signal a new offer. Fired only in the stable state.
     */
    record NegotiationNeeded() implements EngineEvent {
    }

    /**
     * A STUN or TURN server failed (W3C {@code icecandidateerror}).
     *
     * @param url the server's URL
     * @param address our local address the request went from, or null
     * @param port that address's port, or -1
     * @param errorCode 701 when unreachable, else the STUN error code
     * @param errorText what happened
     */
    record IceCandidateError(String url, String address, int port, int errorCode, String errorText)
            implements EngineEvent {
    }

    /** A renegotiation ended the remote track of the transceiver with this mid (it no longer receives). */
    record TrackEnded(String mid) implements EngineEvent {
    }

    /** The connection failed for good; a sentence for a human. */
    record Failed(String reason) implements EngineEvent {
    }

    /** A data channel we created is open. */
    record DataChannelOpen(EngineDataChannel channel) implements EngineEvent {
    }

    /** The peer opened a data channel (W3C {@code datachannel}); it is already open. */
    record DataChannelIncoming(EngineDataChannel channel) implements EngineEvent {
    }

    /**
     * A message arrived on a data channel.
     *
     * @param binary whether it was sent as binary (else as a string, UTF-8 in {@code data})
     * @param data the message; owned by the receiver of the event
     */
    record DataChannelMessage(EngineDataChannel channel, boolean binary, byte[] data) implements EngineEvent {
    }

    /** The channel's buffered amount fell to or below its threshold. */
    record DataChannelBufferedAmountLow(EngineDataChannel channel) implements EngineEvent {
    }

    /** The peer started closing the channel. */
    record DataChannelClosing(EngineDataChannel channel) implements EngineEvent {
    }

    /** The channel is closed. */
    record DataChannelClosed(EngineDataChannel channel) implements EngineEvent {
    }
}
