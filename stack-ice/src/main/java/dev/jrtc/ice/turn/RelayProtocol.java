package dev.jrtc.ice.turn;

/**
 * The transport between the relay and the peers, the REQUESTED-TRANSPORT of the Allocate: UDP
 * (RFC 8656) or TCP (RFC 6062, which needs a TCP or TLS connection to the server).
 */
public enum RelayProtocol {
    UDP(17), TCP(6);

    private final int ipProtocol;

    RelayProtocol(int ipProtocol) {
        this.ipProtocol = ipProtocol;
    }

    /** The IP protocol number that REQUESTED-TRANSPORT carries. */
    public int ipProtocol() {
        return ipProtocol;
    }
}
