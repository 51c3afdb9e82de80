package dev.jrtc.sctp;

/**
 * Our DTLS role, which fixes the parity of the stream ids we pick (RFC 8832 §6): the DTLS client
 * uses even ids, the server odd ones, so both sides can open channels without colliding.
 */
public enum DtlsRole {
    CLIENT,
    SERVER;

    /** Whether {@code id} is one this role may choose. */
    public boolean owns(int id) {
        return (id & 1) == (this == CLIENT ? 0 : 1);
    }
}
