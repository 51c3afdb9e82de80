package dev.jrtc.ice.sim;

import dev.jrtc.common.Output;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.ice.IceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** An {@link IceAgent} in a simulation, with every event it reported and when. */
public final class IcePeer {
    /** An event and its virtual time. */
    public record Timed(long atNanos, Output.Event event) {
    }

    public final String name;
    public final IceAgent agent;
    public final List<Timed> events = new ArrayList<>();
    public final List<byte[]> received = new ArrayList<>();
    /** Signalling towards the other peer; set by the scenario. */
    Consumer<IceEvent> signal = e -> {
    };

    /** Wraps {@code agent}; place it in a {@link SimNetwork} with {@link #onEvent} as its event sink. */
    public IcePeer(String name, IceAgent agent) {
        this.name = name;
        this.agent = agent;
    }

    /** Stops trickling: candidates are then exchanged by hand (non-trickle). */
    public void signalOff() {
        signal = e -> {
        };
    }

    /** Records an event (and forwards candidates to the peer if signalling is on). */
    public void onEvent(long now, Output.Event e) {
        events.add(new Timed(now, e));
        if (e instanceof IceEvent.DataReceived d) {
            received.add(d.data());
        }
        if (e instanceof IceEvent.LocalCandidate || e instanceof IceEvent.GatheringComplete) {
            signal.accept((IceEvent) e);
        }
    }

    /** The states in the order they were entered. */
    public List<IceConnectionState> states() {
        List<IceConnectionState> s = new ArrayList<>();
        for (Timed t : events) {
            if (t.event instanceof IceEvent.ConnectionStateChanged c) {
                s.add(c.to());
            }
        }
        return s;
    }

    /** When the agent first entered {@code state}, or -1. */
    public long firstTime(IceConnectionState state) {
        for (Timed t : events) {
            if (t.event instanceof IceEvent.ConnectionStateChanged c && c.to() == state) {
                return t.atNanos;
            }
        }
        return -1;
    }

    /** How many state changes happened in [from, to). */
    public long stateChangesBetween(long fromNanos, long toNanos) {
        return events.stream().filter(t -> t.event instanceof IceEvent.ConnectionStateChanged
                && t.atNanos >= fromNanos && t.atNanos < toNanos).count();
    }

    public boolean isConnected() {
        IceConnectionState s = agent.connectionState();
        return s == IceConnectionState.CONNECTED || s == IceConnectionState.COMPLETED;
    }

    @Override
    public String toString() {
        return name;
    }
}
