package dev.jrtc.ice;

/** The transport of a candidate. */
public enum Transport {
    UDP, TCP
}
