package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code a=simulcast:[send <streams>][ recv <streams>]} (RFC 8853 section 5.1). Streams are
 * separated by {@code ;}; each stream is a list of alternative rids separated by {@code ,}; a rid
 * written {@code ~id} starts paused.
 *
 * @param send the streams the writer sends, in order (possibly empty)
 * @param recv the streams the writer receives, in order (possibly empty)
 */
public record Simulcast(List<List<RidRef>> send, List<List<RidRef>> recv) implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "simulcast";

    /**
     * One rid in a simulcast stream list.
     *
     * @param rid    the rid id
     * @param paused true when written with {@code ~}
     */
    public record RidRef(String rid, boolean paused) {
        /** Validates the id. */
        public RidRef {
            if (!Rid.isRidId(rid)) {
                throw new IllegalArgumentException("bad rid id: '" + rid + "'");
            }
        }

        @Override
        public String toString() {
            return paused ? "~" + rid : rid;
        }
    }

    /** Validates and copies. */
    public Simulcast {
        send = deepCopy(send);
        recv = deepCopy(recv);
        if (send.isEmpty() && recv.isEmpty()) {
            throw new IllegalArgumentException("simulcast needs send or recv streams");
        }
    }

    private static List<List<RidRef>> deepCopy(List<List<RidRef>> streams) {
        List<List<RidRef>> out = new ArrayList<>();
        for (List<RidRef> s : streams) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("a simulcast stream needs at least one rid");
            }
            out.add(List.copyOf(s));
        }
        return List.copyOf(out);
    }

    /** Parses the text after {@code a=simulcast:}. */
    public static Simulcast parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.size() != 2 && f.size() != 4) {
            throw new ParseException("simulcast needs 'send <rids>' and/or 'recv <rids>'");
        }
        List<List<RidRef>> send = List.of();
        List<List<RidRef>> recv = List.of();
        for (int i = 0; i < f.size(); i += 2) {
            String dir = f.get(i);
            List<List<RidRef>> streams = streams(f.get(i + 1));
            if (dir.equals("send") && send.isEmpty()) {
                send = streams;
            } else if (dir.equals("recv") && recv.isEmpty()) {
                recv = streams;
            } else {
                throw new ParseException("simulcast direction must be send or recv, each at most once, got '"
                        + Tokens.shorten(dir) + "'");
            }
        }
        return new Simulcast(send, recv);
    }

    private static List<List<RidRef>> streams(String list) throws ParseException {
        List<List<RidRef>> out = new ArrayList<>();
        for (String stream : list.split(";", -1)) {
            List<RidRef> alternatives = new ArrayList<>();
            for (String alt : stream.split(",", -1)) {
                boolean paused = alt.startsWith("~");
                String id = paused ? alt.substring(1) : alt;
                if (!Rid.isRidId(id)) {
                    throw new ParseException("simulcast rid must be letters, digits, '-' or '_': '" + Tokens.shorten(alt) + "'");
                }
                alternatives.add(new RidRef(id, paused));
            }
            out.add(alternatives);
        }
        return out;
    }

    private static String write(List<List<RidRef>> streams) {
        List<String> parts = new ArrayList<>();
        for (List<RidRef> s : streams) {
            List<String> alts = new ArrayList<>();
            s.forEach(r -> alts.add(r.toString()));
            parts.add(String.join(",", alts));
        }
        return String.join(";", parts);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        List<String> out = new ArrayList<>();
        if (!send.isEmpty()) {
            out.add("send " + write(send));
        }
        if (!recv.isEmpty()) {
            out.add("recv " + write(recv));
        }
        return String.join(" ", out);
    }
}
