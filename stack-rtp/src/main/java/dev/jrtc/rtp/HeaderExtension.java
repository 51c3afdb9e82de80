package dev.jrtc.rtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * One RFC 8285 header-extension element to write: an id and its data. Ids 1..14 with 1..16 bytes
 * fit the one-byte form; anything else needs the two-byte form, which {@link RtpHeader} picks by
 * itself.
 *
 * @param id   1..255
 * @param data the element's bytes, 0..255 of them; not copied
 */
public record HeaderExtension(int id, byte[] data) {
    /** Checks the id and length. */
    public HeaderExtension {
        Objects.requireNonNull(data, "data");
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("extension id must be 1..255, got " + id);
        }
        if (data.length > 255) {
            throw new IllegalArgumentException("extension data must be at most 255 bytes, got " + data.length);
        }
    }

    /** Whether this element can be written in the one-byte form. */
    public boolean fitsOneByteForm() {
        return id <= 14 && data.length >= 1 && data.length <= 16;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HeaderExtension e && e.id == id && Arrays.equals(e.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * id + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "HeaderExtension[id=" + id + ", " + data.length + " bytes]";
    }
}
