package dev.jrtc.sctp;

/** Whether a message was sent as a string or as binary (RFC 8831 §6.6, by its PPID). */
public enum MessageKind {
    STRING,
    BINARY
}
