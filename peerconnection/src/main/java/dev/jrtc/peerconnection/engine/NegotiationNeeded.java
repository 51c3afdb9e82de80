package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Output;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The W3C negotiation-needed flag: fires {@link EngineEvent.NegotiationNeeded} once per round, in the
 * stable state, when the applied local description no longer says what the application asked for
 * (a transceiver added, stopped or redirected, a first data channel, or an ICE restart).
 */
final class NegotiationNeeded {
    private final Negotiation negotiation;
    private final SctpDataChannels data;
    private final Consumer<Output> events;
    private boolean announced;
    /** Our ICE ufrag when the application asked for a restart; cleared once a description with new credentials is applied. */
    private String restartRequestedAt;

    NegotiationNeeded(Negotiation negotiation, SctpDataChannels data, Consumer<Output> events) {
        this.negotiation = negotiation;
        this.data = data;
        this.events = events;
    }

    /** The application asked for an ICE restart while our credentials were {@code currentUfrag}. */
    void requestIceRestart(String currentUfrag) {
        restartRequestedAt = currentUfrag;
    }

    /** Whether an offer made now must carry new ICE credentials (ours are still {@code currentUfrag}). */
    boolean restartPending(String currentUfrag) {
        return restartRequestedAt != null && restartRequestedAt.equals(currentUfrag);
    }

    /** A local description with credentials {@code ufrag} is applied: a restart asked for before it is done if they changed. */
    void localApplied(String ufrag) {
        if (restartRequestedAt != null && !restartRequestedAt.equals(ufrag)) {
            restartRequestedAt = null;
        }
    }

    /** An exchange completed or was rolled back: a new round starts, which may fire again. */
    void newRound() {
        announced = false;
        check();
    }

    /** Fires the event if negotiation became needed; a closed connection is never stable, so never fires. */
    void check() {
        if (negotiation.state() != SignalingState.STABLE) {
            return;
        }
        boolean needed = needed();
        if (needed && !announced) {
            announced = true;
            events.accept(new EngineEvent.NegotiationNeeded());
        } else if (!needed) {
            announced = false;
        }
    }

    private boolean needed() {
        if (restartRequestedAt != null) {
            return true;
        }
        if (data.wanted() && negotiation.dataMid().isEmpty()) {
            return true;
        }
        Optional<SessionDescription> local = negotiation.local();
        for (Transceiver t : negotiation.transceivers()) {
            if (t.mid().isEmpty()) {
                if (!t.stopped()) {
                    return true;
                }
                continue;
            }
            Optional<MediaDescription> section = local.flatMap(d -> d.mediaByMid(t.mid().get()));
            if (section.isEmpty()) {
                return true;
            }
            if (section.get().isRejected()) {
                continue;
            }
            if (t.stopped()) {
                return true;
            }
            Direction signalled = local.get().directionOf(section.get());
            // After answering, our section may hold less than we asked; only what we would send more or less counts.
            boolean differs = negotiation.weOffered() ? signalled != t.direction()
                    : signalled.sends() != t.direction().sends();
            if (differs) {
                return true;
            }
        }
        return false;
    }
}
