package dev.jrtc.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * One direction's SRTP master key and master salt, as cut from the DTLS exporter output. The
 * arrays are copies owned by this record.
 */
public record SrtpMasterKey(byte[] key, byte[] salt) {
    /** Copies both arrays, so that the record cannot be changed from outside. */
    public SrtpMasterKey {
        key = Objects.requireNonNull(key, "key").clone();
        salt = Objects.requireNonNull(salt, "salt").clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpMasterKey other && Arrays.equals(key, other.key) && Arrays.equals(salt, other.salt);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
    }

    /** Never prints key bytes: this string ends up in logs. */
    @Override
    public String toString() {
        return "SrtpMasterKey[key=" + key.length + " bytes, salt=" + salt.length + " bytes]";
    }
}
