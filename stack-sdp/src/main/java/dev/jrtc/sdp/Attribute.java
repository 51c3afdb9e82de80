package dev.jrtc.sdp;

import java.util.Objects;

/**
 * An {@code a=} line: {@code a=<name>} (a flag, {@link #value()} is {@code null}) or
 * {@code a=<name>:<value>}. The value is kept verbatim; typed views such as {@link RtpMap} parse it
 * on demand.
 *
 * @param name  the attribute name, e.g. {@code rtpmap}
 * @param value the text after the first colon, or {@code null} when the line has no colon
 */
public record Attribute(String name, String value) implements SdpLine {
    /** Checks that the attribute can be written back: no line breaks or NULs. */
    public Attribute {
        Objects.requireNonNull(name, "name");
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("attribute name may not contain ':': " + name);
        }
        LineText.requireWritable(name);
        if (value != null) {
            LineText.requireWritable(value);
        }
    }

    /** A flag attribute such as {@code a=rtcp-mux}. */
    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    /** An attribute with a value, {@code a=name:value}. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, Objects.requireNonNull(value, "value"));
    }

    /** True for {@code a=name} without a colon. */
    public boolean isFlag() {
        return value == null;
    }

    @Override
    public char type() {
        return 'a';
    }

    @Override
    public String text() {
        return value == null ? name : name + ":" + value;
    }

    /** Splits the text after {@code a=} at its first colon. */
    static Attribute fromText(String text) {
        int colon = text.indexOf(':');
        return colon < 0 ? new Attribute(text, null) : new Attribute(text.substring(0, colon), text.substring(colon + 1));
    }
}
