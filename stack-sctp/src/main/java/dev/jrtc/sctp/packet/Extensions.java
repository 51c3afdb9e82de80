package dev.jrtc.sctp.packet;

/**
 * The optional features an endpoint announces in INIT or INIT-ACK: the Supported Extensions
 * parameter (RFC 5061 §4.2.7) listing chunk types, and the Forward-TSN-Supported parameter
 * (RFC 3758 §3.1).
 *
 * @param forwardTsn partial reliability (FORWARD-TSN, RFC 3758)
 * @param reConfig stream reconfiguration (RE-CONFIG, RFC 6525)
 * @param iData message interleaving (I-DATA and I-FORWARD-TSN, RFC 8260)
 */
public record Extensions(boolean forwardTsn, boolean reConfig, boolean iData) {
    /** Nothing beyond RFC 9260. */
    public static final Extensions NONE = new Extensions(false, false, false);

    /** What both sides support: a feature is used only when both announce it. */
    public Extensions intersect(Extensions other) {
        return new Extensions(forwardTsn && other.forwardTsn, reConfig && other.reConfig, iData && other.iData);
    }
}
