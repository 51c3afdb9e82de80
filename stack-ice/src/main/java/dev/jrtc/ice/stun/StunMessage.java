package dev.jrtc.ice.stun;

import dev.jrtc.common.RandomSource;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A STUN message: type, transaction ID and attributes in wire order. Immutable; build one with
 * {@link #builder} and put it on the wire with {@link #encode(StunProtection)}.
 */
public record StunMessage(StunMessageType type, TransactionId transactionId, List<StunAttribute> attributes) {
    /** Copies the attribute list. */
    public StunMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transactionId, "transactionId");
        attributes = List.copyOf(attributes);
    }

    /** A builder for a message of {@code method} and {@code stunClass}. */
    public static Builder builder(int method, StunClass stunClass, TransactionId tid) {
        return new Builder(new StunMessageType(method, stunClass), tid);
    }

    /** A builder for a new request with a random transaction ID. */
    public static Builder request(int method, RandomSource random) {
        return builder(method, StunClass.REQUEST, TransactionId.random(random));
    }

    /** A builder for a response to {@code request}, with its method and transaction ID. */
    public static Builder responseTo(StunMessage request, boolean success) {
        return builder(request.method(), success ? StunClass.SUCCESS_RESPONSE : StunClass.ERROR_RESPONSE,
                request.transactionId());
    }

    /** The method, e.g. {@link StunMethod#BINDING}. */
    public int method() {
        return type.method();
    }

    /** The class: request, indication, success or error response. */
    public StunClass stunClass() {
        return type.stunClass();
    }

    /** Whether this message is a {@code method} of class {@code cls}. */
    public boolean is(int method, StunClass cls) {
        return type.method() == method && type.stunClass() == cls;
    }

    /** The first attribute of {@code type}; later duplicates are ignored, as RFC 8489 section 14 says. */
    public Optional<StunAttribute> first(int attributeType) {
        for (StunAttribute a : attributes) {
            if (a.type() == attributeType) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Whether an attribute of {@code type} is present. */
    public boolean has(int attributeType) {
        return first(attributeType).isPresent();
    }

    /** The address of an address attribute. */
    public Optional<InetSocketAddress> address(int attributeType) {
        return first(attributeType).filter(StunAttribute.Address.class::isInstance)
                .map(a -> ((StunAttribute.Address) a).address());
    }

    /** The text of USERNAME, REALM, NONCE or SOFTWARE. */
    public Optional<String> text(int attributeType) {
        return first(attributeType).filter(StunAttribute.Text.class::isInstance)
                .map(a -> ((StunAttribute.Text) a).value());
    }

    /** The value of a 32- or 64-bit number attribute. */
    public OptionalLong number(int attributeType) {
        Optional<StunAttribute> a = first(attributeType);
        if (a.isPresent() && a.get() instanceof StunAttribute.Number32 n) {
            return OptionalLong.of(n.value());
        }
        if (a.isPresent() && a.get() instanceof StunAttribute.Number64 n) {
            return OptionalLong.of(n.value());
        }
        return OptionalLong.empty();
    }

    /** The bytes of an opaque attribute such as DATA. */
    public Optional<byte[]> bytes(int attributeType) {
        return first(attributeType).filter(StunAttribute.Opaque.class::isInstance)
                .map(a -> ((StunAttribute.Opaque) a).value());
    }

    /** The ERROR-CODE of an error response. */
    public Optional<StunAttribute.ErrorCode> errorCode() {
        return first(StunAttributeType.ERROR_CODE).map(StunAttribute.ErrorCode.class::cast);
    }

    /** The comprehension-required attribute types we do not know: a request with any gets a 420. */
    public List<Integer> unknownComprehensionRequired() {
        List<Integer> unknown = new ArrayList<>();
        for (StunAttribute a : attributes) {
            if (StunAttributeType.isComprehensionRequired(a.type()) && !StunAttributeType.isKnown(a.type())) {
                unknown.add(a.type());
            }
        }
        return unknown;
    }

    /** Encodes this message with the given integrity and fingerprint protection. */
    public byte[] encode(StunProtection protection) {
        return StunEncoder.encode(this, protection);
    }

    /** Builds a {@link StunMessage}. */
    public static final class Builder {
        private final StunMessageType type;
        private final TransactionId tid;
        private final List<StunAttribute> attributes = new ArrayList<>();

        private Builder(StunMessageType type, TransactionId tid) {
            this.type = type;
            this.tid = Objects.requireNonNull(tid, "tid");
        }

        /** Appends an attribute. */
        public Builder add(StunAttribute attribute) {
            attributes.add(Objects.requireNonNull(attribute, "attribute"));
            return this;
        }

        /** Appends a text attribute. */
        public Builder text(int attributeType, String value) {
            return add(new StunAttribute.Text(attributeType, value));
        }

        /** Appends an address attribute. */
        public Builder address(int attributeType, InetSocketAddress address) {
            return add(new StunAttribute.Address(attributeType, address));
        }

        /** The message. */
        public StunMessage build() {
            return new StunMessage(type, tid, attributes);
        }

        /** Shorthand for {@code build().encode(protection)}. */
        public byte[] encode(StunProtection protection) {
            return build().encode(protection);
        }
    }
}
