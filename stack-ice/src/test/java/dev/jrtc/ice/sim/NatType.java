package dev.jrtc.ice.sim;

/** NAT behaviours (RFC 4787 terms) the emulator implements. */
public enum NatType {
    /** Endpoint-independent mapping and filtering. */
    FULL_CONE,
    /** Endpoint-independent mapping, address-and-port-dependent filtering. */
    PORT_RESTRICTED,
    /** Address-and-port-dependent mapping and filtering: a new public port per destination. */
    SYMMETRIC
}
