package dev.jrtc.ice.stun;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ParseException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A STUN message as received: the decoded {@link StunMessage} plus what is needed to check its
 * MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT against the bytes that came in.
 *
 * <p>Attributes after MESSAGE-INTEGRITY other than MESSAGE-INTEGRITY-SHA256 and FINGERPRINT are
 * left out of the message, as RFC 8489 section 14.5 says, and counted: no honest agent sends them,
 * so {@link #isAuthentic} refuses such a message outright.
 */
public final class StunPacket {
    private static final int NONE = -1;
    private final StunMessage message;
    private final byte[] raw;
    private final int integrityAt;
    private final int integritySha256At;
    private final int sha256Length;
    private final int fingerprintAt;
    private final int ignoredAfterIntegrity;

    private StunPacket(StunMessage message, byte[] raw, int integrityAt, int integritySha256At, int sha256Length,
            int fingerprintAt, int ignoredAfterIntegrity) {
        this.message = message;
        this.raw = raw;
        this.integrityAt = integrityAt;
        this.integritySha256At = integritySha256At;
        this.sha256Length = sha256Length;
        this.fingerprintAt = fingerprintAt;
        this.ignoredAfterIntegrity = ignoredAfterIntegrity;
    }

    /**
     * Cheap test of the first bytes: top two bits zero, the magic cookie, a length that is a
     * multiple of four and matches the datagram. Tells STUN from anything else on an ICE socket.
     */
    public static boolean looksLikeStun(byte[] buf, int offset, int length) {
        if (length < StunEncoder.HEADER || (buf[offset] & 0xC0) != 0) {
            return false;
        }
        int declared = ((buf[offset + 2] & 0xFF) << 8) | (buf[offset + 3] & 0xFF);
        int cookie = ((buf[offset + 4] & 0xFF) << 24) | ((buf[offset + 5] & 0xFF) << 16)
                | ((buf[offset + 6] & 0xFF) << 8) | (buf[offset + 7] & 0xFF);
        return cookie == StunAttributeCodec.MAGIC_COOKIE && (declared & 3) == 0
                && declared + StunEncoder.HEADER == length;
    }

    /** Decodes one whole STUN message, which must fill {@code buf[offset, offset + length)} exactly. */
    public static StunPacket decode(byte[] buf, int offset, int length) throws ParseException {
        if (length < StunEncoder.HEADER || offset < 0 || offset + length > buf.length) {
            throw new ParseException("a STUN message has a 20-byte header; got " + length + " bytes");
        }
        if (!looksLikeStun(buf, offset, length)) {
            throw new ParseException("not a STUN message (bad leading bits, magic cookie or length)");
        }
        byte[] raw = Arrays.copyOfRange(buf, offset, offset + length);
        ByteReader r = new ByteReader(raw);
        StunMessageType type = StunMessageType.fromWire(r.u16());
        r.u16();
        r.u32();
        TransactionId tid = TransactionId.of(raw, 8);
        r.skip(TransactionId.LENGTH);
        List<StunAttribute> attributes = new ArrayList<>();
        int integrityAt = NONE;
        int sha256At = NONE;
        int sha256Length = 0;
        int fingerprintAt = NONE;
        int ignored = 0;
        while (r.hasRemaining()) {
            int at = r.position();
            if (fingerprintAt != NONE) {
                throw new ParseException("attribute after FINGERPRINT at offset " + at);
            }
            int attrType = r.u16();
            int len = r.u16();
            ByteReader value = r.slice(len);
            r.skip(StunEncoder.padded(len) - len);
            switch (attrType) {
                case StunAttributeType.MESSAGE_INTEGRITY -> {
                    if (len != 20 || integrityAt != NONE || sha256At != NONE) {
                        throw new ParseException("bad or repeated MESSAGE-INTEGRITY");
                    }
                    integrityAt = at;
                }
                case StunAttributeType.MESSAGE_INTEGRITY_SHA256 -> {
                    if (len < 16 || len > 32 || len % 4 != 0 || sha256At != NONE) {
                        throw new ParseException("bad or repeated MESSAGE-INTEGRITY-SHA256");
                    }
                    sha256At = at;
                    sha256Length = len;
                }
                case StunAttributeType.FINGERPRINT -> {
                    if (len != 4) {
                        throw new ParseException("FINGERPRINT must be 4 bytes");
                    }
                    fingerprintAt = at;
                }
                default -> {
                    if (integrityAt != NONE || sha256At != NONE) {
                        ignored++;
                    } else {
                        attributes.add(StunAttributeCodec.decode(attrType, value, tid));
                    }
                }
            }
        }
        return new StunPacket(new StunMessage(type, tid, attributes), raw, integrityAt, sha256At, sha256Length,
                fingerprintAt, ignored);
    }

    /** The decoded message. */
    public StunMessage message() {
        return message;
    }

    /** Whether MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256 is present. */
    public boolean hasIntegrity() {
        return integrityAt != NONE || integritySha256At != NONE;
    }

    /** Whether a FINGERPRINT is present. */
    public boolean hasFingerprint() {
        return fingerprintAt != NONE;
    }

    /** How many attributes after MESSAGE-INTEGRITY were left out. */
    public int ignoredAfterIntegrity() {
        return ignoredAfterIntegrity;
    }

    /** Whether the FINGERPRINT is present and matches the CRC-32 of what precedes it. */
    public boolean fingerprintValid() {
        if (fingerprintAt == NONE) {
            return false;
        }
        long expected = StunEncoder.crc(raw, 0, fingerprintAt) ^ StunEncoder.FINGERPRINT_XOR;
        long actual = ((raw[fingerprintAt + 4] & 0xFFL) << 24) | ((raw[fingerprintAt + 5] & 0xFFL) << 16)
                | ((raw[fingerprintAt + 6] & 0xFFL) << 8) | (raw[fingerprintAt + 7] & 0xFFL);
        return (expected & 0xFFFF_FFFFL) == actual;
    }

    /**
     * Whether the message integrity matches {@code key}. MESSAGE-INTEGRITY-SHA256 is checked when
     * present (it is the stronger one), otherwise MESSAGE-INTEGRITY.
     */
    public boolean integrityValid(byte[] key) {
        if (integritySha256At != NONE) {
            return macMatches(true, key, integritySha256At, sha256Length);
        }
        return integrityAt != NONE && macMatches(false, key, integrityAt, 20);
    }

    private boolean macMatches(boolean sha256, byte[] key, int at, int macLen) {
        byte[] mac = Hmac.compute(sha256, key, raw, 0, at, at - StunEncoder.HEADER + 4 + macLen);
        byte[] got = Arrays.copyOfRange(raw, at + 4, at + 4 + macLen);
        return MessageDigest.isEqual(Arrays.copyOf(mac, macLen), got);
    }

    /**
     * The check an agent applies before a message may change any state: integrity present and
     * valid for {@code key}, a FINGERPRINT (if present) that matches, and nothing smuggled in after
     * the integrity attribute.
     */
    public boolean isAuthentic(byte[] key) {
        return ignoredAfterIntegrity == 0 && (fingerprintAt == NONE || fingerprintValid()) && integrityValid(key);
    }

    /** The raw length on the wire. */
    public int length() {
        return raw.length;
    }

    @Override
    public String toString() {
        return message.type() + " " + message.transactionId() + " " + message.attributes();
    }
}
