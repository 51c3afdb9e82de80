package dev.jrtc.rtp.ext;

import java.util.EnumMap;
import java.util.Map;

/**
 * Which extension id carries which {@link ExtensionType}, as negotiated in SDP ({@code a=extmap}).
 * Built from the id-to-URI map the SDP layer produces; URIs this stack does not know are ignored.
 */
public final class ExtensionMap {
    private final int[] idByType = new int[ExtensionType.values().length];
    private final ExtensionType[] typeById = new ExtensionType[256];

    /**
     * @param idToUri negotiated ids (1..255) and their URIs
     * @throws IllegalArgumentException for an id out of range or a type mapped twice
     */
    public ExtensionMap(Map<Integer, String> idToUri) {
        for (Map.Entry<Integer, String> e : idToUri.entrySet()) {
            int id = e.getKey();
            if (id < 1 || id > 255) {
                throw new IllegalArgumentException("extmap id must be 1..255, got " + id);
            }
            ExtensionType type = ExtensionType.fromUri(e.getValue());
            if (type == null) {
                continue;
            }
            if (idByType[type.ordinal()] != 0) {
                throw new IllegalArgumentException(type + " is mapped to two ids");
            }
            idByType[type.ordinal()] = id;
            typeById[id] = type;
        }
    }

    /** A map with no extensions. */
    public static ExtensionMap empty() {
        return new ExtensionMap(Map.of());
    }

    /** A map from types to ids, for tests and senders that pick their own ids. */
    public static ExtensionMap of(Map<ExtensionType, Integer> typeToId) {
        Map<Integer, String> m = new java.util.HashMap<>();
        typeToId.forEach((t, id) -> m.put(id, t.uri()));
        return new ExtensionMap(m);
    }

    /** The id negotiated for {@code type}, or 0 when it was not negotiated. */
    public int id(ExtensionType type) {
        return idByType[type.ordinal()];
    }

    /** The type carried by {@code id}, or {@code null}. */
    public ExtensionType type(int id) {
        return id >= 1 && id <= 255 ? typeById[id] : null;
    }

    /** The negotiated types and their ids. */
    public Map<ExtensionType, Integer> asMap() {
        Map<ExtensionType, Integer> m = new EnumMap<>(ExtensionType.class);
        for (ExtensionType t : ExtensionType.values()) {
            if (idByType[t.ordinal()] != 0) {
                m.put(t, idByType[t.ordinal()]);
            }
        }
        return m;
    }
}
