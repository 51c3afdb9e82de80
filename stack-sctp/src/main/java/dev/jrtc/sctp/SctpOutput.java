package dev.jrtc.sctp;

/**
 * What {@link SctpAssociation#poll()} returns: a packet for DTLS, an event, or the deadline that
 * ends a drain. SCTP runs over DTLS (RFC 8261), so a packet has no addresses: it is the payload of
 * one DTLS record.
 */
public sealed interface SctpOutput permits SctpOutput.Packet, SctpOutput.Deadline, SctpEvent {

    /** One SCTP packet, owned by the receiver of this output, to send as one DTLS record. */
    record Packet(byte[] data) implements SctpOutput {
    }

    /**
     * Nothing more until the next input; call {@code handleTimeout} at {@code atNanos}
     * ({@link Long#MAX_VALUE}: no timer runs).
     */
    record Deadline(long atNanos) implements SctpOutput {
        /** The same deadline as the project's common output type. */
        public dev.jrtc.common.Deadline toCommon() {
            return new dev.jrtc.common.Deadline(atNanos);
        }
    }
}
