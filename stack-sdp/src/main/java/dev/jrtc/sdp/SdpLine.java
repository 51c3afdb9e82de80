package dev.jrtc.sdp;

/**
 * One line of an SDP: {@code <type>=<value>}. The value is kept exactly as it was read (or as a
 * typed value wrote it), which is what makes parse-then-write round-trip byte for byte.
 */
public sealed interface SdpLine permits TextLine, Attribute {
    /** The type letter, e.g. {@code 'v'}, {@code 'm'}, {@code 'a'}. */
    char type();

    /** Everything after {@code <type>=}, without the line ending. */
    String text();

    /** The whole line as written, without the line ending: {@code type + "=" + text()}. */
    default String line() {
        return type() + "=" + text();
    }
}
