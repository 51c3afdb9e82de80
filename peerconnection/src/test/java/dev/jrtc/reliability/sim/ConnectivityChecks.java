package dev.jrtc.reliability.sim;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunProtection;
import java.util.Arrays;

/** Builds ICE Binding requests as a controlling peer would, signed with any password we choose. */
public final class ConnectivityChecks {
    private final RandomSource random;

    /** Checks with transaction ids from {@code seed}. */
    public ConnectivityChecks(long seed) {
        this.random = RandomSource.seeded(seed);
    }

    /** A Binding request with USERNAME {@code username}, signed with {@code password}. */
    public byte[] check(String username, String password, boolean useCandidate) {
        StunMessage.Builder b = StunMessage.request(StunMethod.BINDING, random)
                .text(StunAttributeType.USERNAME, username)
                .add(new StunAttribute.Number32(StunAttributeType.PRIORITY, 1_853_824_767L))
                .add(new StunAttribute.Number64(StunAttributeType.ICE_CONTROLLING, 1L));
        if (useCandidate) {
            b.add(new StunAttribute.Flag(StunAttributeType.USE_CANDIDATE));
        }
        return b.encode(StunProtection.shortTerm(StunCredentials.shortTermKey(password)));
    }

    /**
     * {@code signed} with a USE-CANDIDATE attribute appended after its integrity attributes and the
     * header length patched to cover it: the attribute is outside what the signature protects.
     */
    public static byte[] withAttributeAfterIntegrity(byte[] signed) {
        byte[] smuggled = Arrays.copyOf(signed, signed.length + 4);
        smuggled[signed.length] = 0x00;
        smuggled[signed.length + 1] = 0x25; // USE-CANDIDATE, zero length
        int length = smuggled.length - 20;
        smuggled[2] = (byte) (length >>> 8);
        smuggled[3] = (byte) length;
        return smuggled;
    }
}
