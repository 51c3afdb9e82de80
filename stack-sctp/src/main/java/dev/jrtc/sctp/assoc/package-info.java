/**
 * The association state machine and its parts, one job each: {@link dev.jrtc.sctp.assoc.Association}
 * (handshake, tags, heartbeat, shutdown), the sender ({@code DataSender}, {@code SendQueue},
 * {@code RetransmissionQueue}, {@link dev.jrtc.sctp.assoc.CongestionControl},
 * {@link dev.jrtc.sctp.assoc.RtoEstimator}), the receiver ({@code DataReceiver},
 * {@link dev.jrtc.sctp.assoc.TsnTracker}, {@link dev.jrtc.sctp.assoc.Reassembly}), stream reset
 * ({@code StreamResetHandler}) and the {@link dev.jrtc.sctp.assoc.StateCookie}. Internal to
 * stack-sctp: the public API is {@link dev.jrtc.sctp.SctpAssociation}.
 */
package dev.jrtc.sctp.assoc;
