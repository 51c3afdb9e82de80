package dev.jrtc.ice.stun;

import java.util.Objects;

/**
 * A STUN message type: a 12-bit method and a class, interleaved on the wire as
 * {@code M11..M7 C1 M6..M4 C0 M3..M0} (RFC 8489, section 5).
 */
public record StunMessageType(int method, StunClass stunClass) {
    /** Checks that the method fits in 12 bits. */
    public StunMessageType {
        if (method < 0 || method > 0xFFF) {
            throw new IllegalArgumentException("a STUN method has 12 bits, got " + method);
        }
        Objects.requireNonNull(stunClass, "stunClass");
    }

    /** The 14-bit wire value. */
    public int toWire() {
        int c = stunClass.bits();
        return ((method & 0xF80) << 2) | ((method & 0x070) << 1) | (method & 0x00F)
                | ((c & 0b10) << 7) | ((c & 0b01) << 4);
    }

    /** Splits a 14-bit wire value into method and class. */
    public static StunMessageType fromWire(int type) {
        int method = ((type >> 2) & 0xF80) | ((type >> 1) & 0x070) | (type & 0x00F);
        int c = ((type >> 7) & 0b10) | ((type >> 4) & 0b01);
        return new StunMessageType(method, StunClass.fromBits(c));
    }

    @Override
    public String toString() {
        return StunMethod.name(method) + " " + stunClass;
    }
}
