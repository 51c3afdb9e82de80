package dev.jrtc.ice;

import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunProtection;
import dev.jrtc.ice.stun.TransactionId;
import java.net.InetSocketAddress;
import java.util.List;

/** Builds the Binding requests and responses of connectivity and consent checks (RFC 8445 section 7.1). */
final class CheckMessages {
    private CheckMessages() {
    }

    static StunMessage request(TransactionId tid, IceSession s, IceRole role, long tieBreaker, long prflxPriority,
            boolean useCandidate) {
        StunMessage.Builder b = StunMessage.builder(StunMethod.BINDING, dev.jrtc.ice.stun.StunClass.REQUEST, tid)
                .text(StunAttributeType.USERNAME, s.remote.ufrag() + ":" + s.local.ufrag())
                .add(new StunAttribute.Number32(StunAttributeType.PRIORITY, prflxPriority))
                .add(new StunAttribute.Number64(role == IceRole.CONTROLLING ? StunAttributeType.ICE_CONTROLLING
                        : StunAttributeType.ICE_CONTROLLED, tieBreaker));
        if (useCandidate) {
            b.add(new StunAttribute.Flag(StunAttributeType.USE_CANDIDATE));
        }
        return b.build();
    }

    static byte[] sign(StunMessage m, IceCredentials credentials) {
        return m.encode(StunProtection.shortTerm(StunCredentials.shortTermKey(credentials.password())));
    }

    static byte[] success(StunMessage request, InetSocketAddress mapped, IceCredentials local) {
        return sign(StunMessage.responseTo(request, true).address(StunAttributeType.XOR_MAPPED_ADDRESS, mapped).build(), local);
    }

    static byte[] error(StunMessage request, int code, String reason, List<Integer> unknown, IceCredentials local) {
        StunMessage.Builder b = StunMessage.responseTo(request, false).add(new StunAttribute.ErrorCode(code, reason));
        if (!unknown.isEmpty()) {
            b.add(new StunAttribute.UnknownAttributes(unknown));
        }
        return sign(b.build(), local);
    }
}
