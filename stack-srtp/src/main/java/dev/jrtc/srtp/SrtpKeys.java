package dev.jrtc.srtp;

import java.util.Arrays;

/**
 * The master keys and salts of one DTLS-SRTP association: the pair this side sends with and the
 * pair the peer sends with.
 */
public final class SrtpKeys {
    private final SrtpProfile profile;
    private final byte[] localMasterKey;
    private final byte[] localMasterSalt;
    private final byte[] remoteMasterKey;
    private final byte[] remoteMasterSalt;

    /**
     * Keys given directly (SDES, tests). The arrays are copied.
     *
     * @throws IllegalArgumentException if any argument is null or has the wrong length for the profile
     */
    public SrtpKeys(SrtpProfile profile, byte[] localMasterKey, byte[] localMasterSalt,
                    byte[] remoteMasterKey, byte[] remoteMasterSalt) {
        if (profile == null) {
            throw new IllegalArgumentException("profile is null");
        }
        this.profile = profile;
        this.localMasterKey = checkedCopy("local master key", localMasterKey, profile.masterKeyLength(), profile);
        this.localMasterSalt = checkedCopy("local master salt", localMasterSalt, profile.masterSaltLength(), profile);
        this.remoteMasterKey = checkedCopy("remote master key", remoteMasterKey, profile.masterKeyLength(), profile);
        this.remoteMasterSalt = checkedCopy("remote master salt", remoteMasterSalt, profile.masterSaltLength(), profile);
    }

    /**
     * Splits the output of the DTLS exporter {@code EXTRACTOR-dtls_srtp} as RFC 5764 §4.2 lays it out:
     * client_write_key | server_write_key | client_write_salt | server_write_salt. The DTLS client
     * sends with the client half.
     *
     * @param material      exactly {@link SrtpProfile#keyingMaterialLength()} bytes
     * @param localIsClient whether this side was the DTLS client
     * @throws IllegalArgumentException if material is null or has the wrong length
     */
    public static SrtpKeys fromDtlsExport(byte[] material, SrtpProfile profile, boolean localIsClient) {
        if (profile == null) {
            throw new IllegalArgumentException("profile is null");
        }
        if (material == null) {
            throw new IllegalArgumentException("DTLS keying material is null");
        }
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("DTLS keying material for " + profile + " must be "
                    + profile.keyingMaterialLength() + " bytes (RFC 5764 section 4.2), got " + material.length);
        }
        int k = profile.masterKeyLength();
        int s = profile.masterSaltLength();
        byte[] clientKey = Arrays.copyOfRange(material, 0, k);
        byte[] serverKey = Arrays.copyOfRange(material, k, 2 * k);
        byte[] clientSalt = Arrays.copyOfRange(material, 2 * k, 2 * k + s);
        byte[] serverSalt = Arrays.copyOfRange(material, 2 * k + s, 2 * k + 2 * s);
        return localIsClient
                ? new SrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt)
                : new SrtpKeys(profile, serverKey, serverSalt, clientKey, clientSalt);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** A copy of the master key this side protects with. */
    public byte[] localMasterKey() {
        return localMasterKey.clone();
    }

    /** A copy of the master salt this side protects with. */
    public byte[] localMasterSalt() {
        return localMasterSalt.clone();
    }

    /** A copy of the master key the peer protects with. */
    public byte[] remoteMasterKey() {
        return remoteMasterKey.clone();
    }

    /** A copy of the master salt the peer protects with. */
    public byte[] remoteMasterSalt() {
        return remoteMasterSalt.clone();
    }

    static byte[] checkedCopy(String what, byte[] value, int expected, SrtpProfile profile) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (value.length != expected) {
            throw new IllegalArgumentException(what + " for " + profile + " must be " + expected
                    + " bytes, got " + value.length);
        }
        return value.clone();
    }

    @Override
    public String toString() {
        return "SrtpKeys[" + profile + "]"; // never the key bytes
    }
}
