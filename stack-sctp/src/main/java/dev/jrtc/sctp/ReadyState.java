package dev.jrtc.sctp;

/** A data channel's state, as the W3C {@code RTCDataChannelState}. */
public enum ReadyState {
    CONNECTING,
    OPEN,
    CLOSING,
    CLOSED
}
