package dev.jrtc.ice.stun;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Engine;
import dev.jrtc.common.Output;
import dev.jrtc.common.ParseException;
import dev.jrtc.common.Transmit;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A minimal sans-IO STUN server (RFC 8489 section 6.3): answers Binding requests with the
 * source address in XOR-MAPPED-ADDRESS, rejects unknown comprehension-required attributes with 420,
 * and drops everything else. Stateless, so it has no timers.
 */
public final class StunBindingServer implements Engine {
    private final ArrayDeque<Output> out = new ArrayDeque<>();
    private long answered;
    private long dropped;

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset,
            int length) {
        StunMessage request;
        try {
            StunPacket p = StunPacket.decode(buf, offset, length);
            if (p.hasFingerprint() && !p.fingerprintValid()) {
                dropped++;
                return;
            }
            request = p.message();
        } catch (ParseException e) {
            dropped++;
            return;
        }
        if (!request.is(StunMethod.BINDING, StunClass.REQUEST)) {
            dropped++;
            return;
        }
        List<Integer> unknown = request.unknownComprehensionRequired();
        StunMessage.Builder response = StunMessage.responseTo(request, unknown.isEmpty());
        if (unknown.isEmpty()) {
            response.address(StunAttributeType.XOR_MAPPED_ADDRESS, remote);
        } else {
            response.add(new StunAttribute.ErrorCode(420, "Unknown Attribute"))
                    .add(new StunAttribute.UnknownAttributes(unknown));
        }
        out.add(new Transmit(local, remote, response.encode(StunProtection.fingerprintOnly())));
        answered++;
    }

    @Override
    public void handleTimeout(long nowNanos) {
        // stateless: nothing to time out
    }

    @Override
    public Output poll() {
        Output o = out.poll();
        return o != null ? o : Deadline.NEVER;
    }

    /** How many requests were answered. */
    public long answered() {
        return answered;
    }

    /** How many datagrams were dropped as malformed or not a Binding request. */
    public long dropped() {
        return dropped;
    }
}
