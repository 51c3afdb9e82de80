package dev.jrtc.sdp;

import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code a=rid:<id> <send|recv>[ pt=<fmt>,...;<key>=<value>;...]} (RFC 8851): a restriction
 * identifier, used by simulcast to name each encoding.
 *
 * @param id           1*(ALPHA / DIGIT / "-" / "_")
 * @param direction    send or recv
 * @param payloadTypes the {@code pt=} list, empty if absent
 * @param restrictions the other parameters in order; a key without value maps to ""
 */
public record Rid(String id, RidDirection direction, List<Integer> payloadTypes, Map<String, String> restrictions)
        implements AttributeValue {
    /** Attribute name. */
    public static final String NAME = "rid";

    /** The two directions a rid can have. */
    public enum RidDirection {
        /** The writer of the SDP sends this encoding. */
        SEND,
        /** The writer of the SDP receives this encoding. */
        RECV;

        String token() {
            return this == SEND ? "send" : "recv";
        }
    }

    /** Validates and copies. */
    public Rid {
        if (!isRidId(id)) {
            throw new IllegalArgumentException("bad rid id: '" + id + "'");
        }
        payloadTypes = List.copyOf(payloadTypes);
        restrictions = Collections.unmodifiableMap(new LinkedHashMap<>(restrictions));
    }

    static boolean isRidId(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Parses the text after {@code a=rid:}. */
    public static Rid parse(String value) throws ParseException {
        List<String> f = Tokens.fields(value);
        if (f.size() < 2 || f.size() > 3) {
            throw new ParseException("rid needs '<id> <send|recv>[ <parameters>]'");
        }
        if (!isRidId(f.get(0))) {
            throw new ParseException("rid id may only have letters, digits, '-' and '_': '" + Tokens.shorten(f.get(0)) + "'");
        }
        RidDirection direction = switch (f.get(1)) {
            case "send" -> RidDirection.SEND;
            case "recv" -> RidDirection.RECV;
            default -> throw new ParseException("rid direction must be send or recv, got '" + Tokens.shorten(f.get(1)) + "'");
        };
        List<Integer> pts = new ArrayList<>();
        Map<String, String> restrictions = new LinkedHashMap<>();
        if (f.size() == 3) {
            for (String part : f.get(2).split(";")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = eq < 0 ? part : part.substring(0, eq);
                String val = eq < 0 ? "" : part.substring(eq + 1);
                if (key.isEmpty()) {
                    throw new ParseException("rid parameter without a name");
                }
                if (key.equals("pt")) {
                    for (String pt : val.split(",", -1)) {
                        pts.add(Tokens.parseInt(pt, 0, 127, "rid pt"));
                    }
                } else {
                    restrictions.putIfAbsent(key, val);
                }
            }
        }
        return new Rid(f.get(0), direction, pts, restrictions);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        List<String> params = new ArrayList<>();
        if (!payloadTypes.isEmpty()) {
            StringBuilder pt = new StringBuilder("pt=");
            for (int i = 0; i < payloadTypes.size(); i++) {
                pt.append(i == 0 ? "" : ",").append(payloadTypes.get(i));
            }
            params.add(pt.toString());
        }
        restrictions.forEach((k, v) -> params.add(v.isEmpty() ? k : k + "=" + v));
        String base = id + " " + direction.token();
        return params.isEmpty() ? base : base + " " + String.join(";", params);
    }
}
