package dev.jrtc.ice;

/** The W3C {@code RTCIceGatheringState} values. */
public enum IceGatheringState { NEW, GATHERING, COMPLETE }
