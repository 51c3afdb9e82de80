package dev.jrtc.ice;

import dev.jrtc.common.ParseException;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import java.net.InetSocketAddress;
import java.util.Arrays;

/**
 * Where a packet for one of our candidates goes: Binding requests to {@link InboundChecks},
 * responses to {@link CheckScheduler}, anything else through the source gate (DESIGN.md section
 * 2) to the application. Malformed STUN is counted and dropped, never thrown.
 */
final class PacketRouter {
    private final AgentState st;
    private final InboundChecks inbound;
    private final CheckScheduler checks;
    private final NominationPolicy nomination;
    private final Diagnostics diagnostics;

    PacketRouter(AgentState st, InboundChecks inbound, CheckScheduler checks, NominationPolicy nomination,
            Diagnostics diagnostics) {
        this.st = st;
        this.inbound = inbound;
        this.checks = checks;
        this.nomination = nomination;
        this.diagnostics = diagnostics;
    }

    /** A packet from {@code remote} arrived on {@code local} (over ICE-TCP connection {@code tcpConnection}, or -1). */
    void onPacket(long nowNanos, InetSocketAddress remote, LocalCandidate local, int tcpConnection, byte[] buf,
            int offset, int length) {
        if (!StunPacket.looksLikeStun(buf, offset, length)) {
            onData(nowNanos, remote, local, buf, offset, length);
            return;
        }
        StunPacket packet;
        try {
            packet = StunPacket.decode(buf, offset, length);
        } catch (ParseException e) {
            diagnostics.dropStun();
            return;
        }
        StunMessage m = packet.message();
        if (m.method() != StunMethod.BINDING) {
            diagnostics.dropStun();
        } else if (m.stunClass() == StunClass.REQUEST) {
            if (inbound.onRequest(nowNanos, packet, remote, local, tcpConnection)) {
                nomination.maybeSelect(nowNanos);
            }
        } else if (m.stunClass().isResponse()) {
            if (checks.onResponse(nowNanos, packet, remote, local)) {
                nomination.maybeSelect(nowNanos);
            }
        }
        // Binding indications are keepalives: nothing to do.
    }

    private void onData(long nowNanos, InetSocketAddress remote, LocalCandidate local, byte[] buf, int offset,
            int length) {
        if (!isValidatedRemote(remote)) {
            diagnostics.dropData();
            return;
        }
        if (st.selected != null && st.selected.remote.address().equals(remote)) {
            st.liveness.onReceive(nowNanos);
        }
        st.out.add(new IceEvent.DataReceived(remote, local.address, Arrays.copyOfRange(buf, offset, offset + length)));
    }

    /** The source gate: an authenticated check with this (normalised) address succeeded in a live generation. */
    boolean isValidatedRemote(InetSocketAddress remote) {
        InetSocketAddress r = IpAddresses.normalize(remote);
        for (IceSession s : st.sessions()) {
            for (CandidatePair p : s.checkList.pairs()) {
                if (p.state == PairState.SUCCEEDED && p.remote.address().equals(r)) {
                    return true;
                }
            }
        }
        return false;
    }
}
