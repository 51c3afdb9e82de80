package dev.jrtc.sctp.assoc;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import dev.jrtc.sctp.packet.Extensions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The State Cookie (RFC 9260 §5.1.3): what the responder needs to build the association from a
 * COOKIE ECHO without having kept any state, sealed with HMAC-SHA-256 under a secret only it knows,
 * and stamped with its creation time so that a stale one is refused (§5.1.5).
 *
 * @param localTag the tag the responder chose (the peer puts it in its packets)
 * @param peerTag the peer's initiate tag
 * @param localInitialTsn the responder's initial TSN
 * @param peerInitialTsn the peer's initial TSN
 * @param peerRwnd the peer's a_rwnd
 * @param peerOutboundStreams how many streams the peer sends on
 * @param peerInboundStreams how many streams the peer accepts
 * @param peerExtensions what the peer announced
 * @param createdAtNanos when the cookie was made, on the responder's monotonic clock
 * @param localTieTag for an INIT that arrived on an established association (§5.2.2), the
 *     responder's tag of that association; 0 otherwise
 * @param peerTieTag likewise the peer's tag of that association; 0 otherwise
 */
public record StateCookie(long localTag, long peerTag, long localInitialTsn, long peerInitialTsn, long peerRwnd,
        int peerOutboundStreams, int peerInboundStreams, Extensions peerExtensions, long createdAtNanos,
        long localTieTag, long peerTieTag) {
    private static final int BODY = 4 * 5 + 2 * 2 + 1 + 8 + 4 * 2;
    private static final int MAC = 32;
    public static final int LENGTH = BODY + MAC;

    /** Serialises and seals the cookie with {@code secret}. */
    public byte[] seal(byte[] secret) {
        ByteWriter w = ByteWriter.allocate(LENGTH);
        w.u32(localTag).u32(peerTag).u32(localInitialTsn).u32(peerInitialTsn).u32(peerRwnd)
                .u16(peerOutboundStreams).u16(peerInboundStreams)
                .u8((peerExtensions.forwardTsn() ? 1 : 0) | (peerExtensions.reConfig() ? 2 : 0)
                        | (peerExtensions.iData() ? 4 : 0))
                .u64(createdAtNanos).u32(localTieTag).u32(peerTieTag);
        byte[] out = w.toByteArray();
        byte[] full = new byte[LENGTH];
        System.arraycopy(out, 0, full, 0, BODY);
        System.arraycopy(mac(secret, full, BODY), 0, full, BODY, MAC);
        return full;
    }

    /** Checks the MAC and reads the cookie; a forged or mangled one throws. */
    public static StateCookie open(byte[] secret, byte[] cookie) throws ParseException {
        if (cookie.length != LENGTH) {
            throw new ParseException("State Cookie of " + cookie.length + " bytes");
        }
        byte[] expected = mac(secret, cookie, BODY);
        byte[] got = new byte[MAC];
        System.arraycopy(cookie, BODY, got, 0, MAC);
        if (!MessageDigest.isEqual(expected, got)) {
            throw new ParseException("State Cookie MAC does not verify");
        }
        ByteReader r = new ByteReader(cookie, 0, BODY);
        long localTag = r.u32();
        long peerTag = r.u32();
        long localTsn = r.u32();
        long peerTsn = r.u32();
        long rwnd = r.u32();
        int os = r.u16();
        int mis = r.u16();
        int ext = r.u8();
        long created = r.s64();
        long localTie = r.u32();
        long peerTie = r.u32();
        return new StateCookie(localTag, peerTag, localTsn, peerTsn, rwnd, os, mis,
                new Extensions((ext & 1) != 0, (ext & 2) != 0, (ext & 4) != 0), created, localTie, peerTie);
    }

    private static byte[] mac(byte[] secret, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
