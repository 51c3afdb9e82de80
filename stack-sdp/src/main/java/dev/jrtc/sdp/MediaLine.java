package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.List;
import java.util.OptionalInt;

/**
 * The {@code m=} line (RFC 8866 section 5.14): {@code <media> <port>[/<number of ports>] <proto>
 * <fmt> ...}.
 *
 * @param media         e.g. {@code audio}, {@code video}, {@code application}
 * @param port          0..65535; 0 rejects the section (unless it is bundle-only)
 * @param numberOfPorts the {@code /n} suffix, if written
 * @param proto         e.g. {@code UDP/TLS/RTP/SAVPF}, {@code UDP/DTLS/SCTP}
 * @param formats       at least one; RTP payload type numbers when the proto is RTP
 */
public record MediaLine(String media, int port, OptionalInt numberOfPorts, String proto, List<String> formats) {
    /** Validates and copies. */
    public MediaLine {
        if (media.isEmpty() || media.indexOf(' ') >= 0 || proto.isEmpty() || proto.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("bad media or proto");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line needs at least one format");
        }
        for (String f : formats) {
            if (f.isEmpty() || f.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("bad format: '" + f + "'");
            }
            if (isRtp(proto) && !isPayloadType(f)) {
                throw new IllegalArgumentException("RTP formats must be payload types 0..127: '" + f + "'");
            }
        }
    }

    /** A line without a port count. */
    public static MediaLine of(String media, int port, String proto, List<String> formats) {
        return new MediaLine(media, port, OptionalInt.empty(), proto, formats);
    }

    /** True when the proto carries RTP, so that formats are payload types. */
    public static boolean isRtp(String proto) {
        return proto.contains("RTP/");
    }

    private static boolean isPayloadType(String f) {
        return f.length() <= 3 && Tokens.isDigits(f) && Integer.parseInt(f) <= 127;
    }

    /** Parses the text after {@code m=}. */
    public static MediaLine parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.size() < 4) {
            throw new ParseException("m= line needs at least 4 fields");
        }
        String portField = f.get(1);
        int slash = portField.indexOf('/');
        OptionalInt count = OptionalInt.empty();
        if (slash >= 0) {
            count = OptionalInt.of(Tokens.parseInt(portField.substring(slash + 1), 1, 65535, "m= number of ports"));
            portField = portField.substring(0, slash);
        }
        int port = Tokens.parseInt(portField, 0, 65535, "m= port");
        String proto = f.get(2);
        List<String> formats = f.subList(3, f.size());
        if (isRtp(proto)) {
            for (String fmt : formats) {
                if (!isPayloadType(fmt)) {
                    throw new ParseException("m= format '" + Tokens.shorten(fmt) + "' is not an RTP payload type 0..127");
                }
            }
        }
        return new MediaLine(f.get(0), port, count, proto, formats);
    }

    /** True when this section carries RTP. */
    public boolean isRtp() {
        return isRtp(proto);
    }

    /** The same line with another port. */
    public MediaLine withPort(int newPort) {
        return new MediaLine(media, newPort, numberOfPorts, proto, formats);
    }

    /** The same line with other formats. */
    public MediaLine withFormats(List<String> newFormats) {
        return new MediaLine(media, port, numberOfPorts, proto, newFormats);
    }

    /** The canonical text after {@code m=}. */
    public String text() {
        StringBuilder sb = new StringBuilder(media).append(' ').append(port);
        numberOfPorts.ifPresent(n -> sb.append('/').append(n));
        sb.append(' ').append(proto);
        formats.forEach(fmt -> sb.append(' ').append(fmt));
        return sb.toString();
    }

    /** As a line. */
    public TextLine toLine() {
        return new TextLine('m', text());
    }
}
