package dev.jrtc.ice.stun;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One decoded STUN attribute. MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT are not
 * attributes of this model: the encoder computes them and {@link StunPacket} checks them.
 */
public sealed interface StunAttribute {
    /** The attribute type number ({@link StunAttributeType}). */
    int type();

    /** An address; XOR-encoded on the wire when the type says so (XOR-MAPPED-ADDRESS and friends). */
    record Address(int type, InetSocketAddress address) implements StunAttribute {
        public Address {
            if (!StunAttributeType.isXorAddress(type) && !StunAttributeType.isPlainAddress(type)) {
                throw new IllegalArgumentException(String.format("0x%04x is not an address attribute", type));
            }
            if (Objects.requireNonNull(address, "address").isUnresolved()) {
                throw new IllegalArgumentException("an address attribute needs an IP address: " + address);
            }
        }
    }

    /** UTF-8 text: USERNAME, REALM, NONCE, SOFTWARE. */
    record Text(int type, String value) implements StunAttribute {
        public Text {
            if (!StunAttributeType.isText(type)) {
                throw new IllegalArgumentException(String.format("0x%04x is not a text attribute", type));
            }
            Objects.requireNonNull(value, "value");
        }
    }

    /** A 32-bit number: PRIORITY, LIFETIME, CONNECTION-ID. */
    record Number32(int type, long value) implements StunAttribute {
    }

    /** A 64-bit number: ICE-CONTROLLED, ICE-CONTROLLING (the tie-breaker), RESERVATION-TOKEN. */
    record Number64(int type, long value) implements StunAttribute {
    }

    /** An attribute with an empty value: USE-CANDIDATE, DONT-FRAGMENT. */
    record Flag(int type) implements StunAttribute {
    }

    /** ERROR-CODE: a code 300..699 and a reason phrase. */
    record ErrorCode(int code, String reason) implements StunAttribute {
        public ErrorCode {
            if (code < 300 || code > 699) {
                throw new IllegalArgumentException("STUN error codes are 300..699, got " + code);
            }
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public int type() {
            return StunAttributeType.ERROR_CODE;
        }
    }

    /** UNKNOWN-ATTRIBUTES: the comprehension-required types a 420 response is about. */
    record UnknownAttributes(List<Integer> types) implements StunAttribute {
        public UnknownAttributes {
            types = List.copyOf(types);
        }

        @Override
        public int type() {
            return StunAttributeType.UNKNOWN_ATTRIBUTES;
        }
    }

    /** CHANNEL-NUMBER: a TURN channel, 0x4000..0x4FFF. */
    record ChannelNumber(int channel) implements StunAttribute {
        @Override
        public int type() {
            return StunAttributeType.CHANNEL_NUMBER;
        }
    }

    /** REQUESTED-TRANSPORT: the IP protocol number of the relay (17 for UDP, 6 for TCP). */
    record RequestedTransport(int protocol) implements StunAttribute {
        @Override
        public int type() {
            return StunAttributeType.REQUESTED_TRANSPORT;
        }
    }

    /** Anything else, kept as bytes: DATA, and attributes we do not interpret. */
    record Opaque(int type, byte[] value) implements StunAttribute {
        public Opaque {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        /** The length without copying. */
        public int length() {
            return value.length;
        }

        byte[] valueNoCopy() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Opaque other && other.type == type && Arrays.equals(other.value, value);
        }

        @Override
        public int hashCode() {
            return type * 31 + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return String.format("Opaque[type=0x%04x, %d bytes]", type, value.length);
        }
    }
}
