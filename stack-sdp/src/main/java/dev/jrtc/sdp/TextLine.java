package dev.jrtc.sdp;

import java.util.Objects;

/**
 * Any SDP line other than an attribute: {@code v=}, {@code o=}, {@code m=}, {@code c=}, {@code b=},
 * and also lines this library has no typed view for ({@code i=}, {@code u=}, {@code z=}, unknown
 * letters, ...), which it keeps and writes back unchanged.
 *
 * @param type the type letter
 * @param text the value after {@code =}, exactly as read
 */
public record TextLine(char type, String text) implements SdpLine {
    /** Checks that the line can be written back: no line breaks or NULs in it. */
    public TextLine {
        Objects.requireNonNull(text, "text");
        if (type == 'a') {
            throw new IllegalArgumentException("attributes are Attribute, not TextLine");
        }
        LineText.requireWritable(text);
    }
}
