package dev.jrtc.peerconnection.engine;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The source gate (DESIGN.md section 2): non-STUN datagrams are admitted only from a remote
 * address that ICE validated with an authenticated check. Everything else is dropped and counted.
 * The last admitted address is remembered so that the steady-state check is one comparison; the
 * memory is forgotten whenever ICE's view changes ({@link #invalidate()}).
 */
public final class SourceGate {
    private final Predicate<InetSocketAddress> validated;
    private InetSocketAddress lastAdmitted;
    private long dropped;
    private long admitted;

    /** @param validated ICE's answer to "was this remote validated?" (it normalises IPv4-mapped IPv6) */
    public SourceGate(Predicate<InetSocketAddress> validated) {
        this.validated = Objects.requireNonNull(validated, "validated");
    }

    /** Whether a non-STUN datagram from {@code remote} may pass; counts it either way. */
    public boolean admit(InetSocketAddress remote) {
        if (remote != null && remote.equals(lastAdmitted)) {
            admitted++;
            return true;
        }
        if (remote != null && validated.test(remote)) {
            lastAdmitted = remote;
            admitted++;
            return true;
        }
        dropped++;
        return false;
    }

    /** Counts a datagram dropped before the gate was asked (no transport yet, unknown kind). */
    public void countDrop() {
        dropped++;
    }

    /** Forgets the cached address: ICE restarted, changed pair or changed state. */
    public void invalidate() {
        lastAdmitted = null;
    }

    /** Datagrams dropped by the gate. */
    public long dropped() {
        return dropped;
    }

    /** Datagrams the gate let through. */
    public long admitted() {
        return admitted;
    }
}
