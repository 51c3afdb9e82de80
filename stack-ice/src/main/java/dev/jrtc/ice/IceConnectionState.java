package dev.jrtc.ice;

/** The W3C {@code RTCIceConnectionState} values. */
public enum IceConnectionState { NEW, CHECKING, CONNECTED, COMPLETED, DISCONNECTED, FAILED, CLOSED }
