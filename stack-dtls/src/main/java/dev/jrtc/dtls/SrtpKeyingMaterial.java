package dev.jrtc.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * The negotiated SRTP profile and the raw {@code EXTRACTOR-dtls_srtp} output, split as RFC 5764
 * section 4.2 lays it out: client key, server key, client salt, server salt.
 *
 * @param profile the profile both sides agreed in {@code use_srtp}
 * @param material exactly {@code profile.keyingMaterialLength()} bytes (copied)
 */
public record SrtpKeyingMaterial(SrtpProtectionProfile profile, byte[] material) {
    /** Checks the length against the profile and copies the bytes. */
    public SrtpKeyingMaterial {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(material, "material");
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException(profile + " needs " + profile.keyingMaterialLength()
                    + " bytes of keying material, got " + material.length);
        }
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    /** The key and salt the DTLS client protects with (and the server unprotects with). */
    public SrtpMasterKey clientWriteKey() {
        int k = profile.keyLength();
        int s = profile.saltLength();
        return new SrtpMasterKey(Arrays.copyOfRange(material, 0, k), Arrays.copyOfRange(material, 2 * k, 2 * k + s));
    }

    /** The key and salt the DTLS server protects with (and the client unprotects with). */
    public SrtpMasterKey serverWriteKey() {
        int k = profile.keyLength();
        int s = profile.saltLength();
        return new SrtpMasterKey(Arrays.copyOfRange(material, k, 2 * k), Arrays.copyOfRange(material, 2 * k + s, 2 * (k + s)));
    }

    /** Our outbound key when we played {@code localRole}. */
    public SrtpMasterKey localWriteKey(DtlsRole localRole) {
        return localRole == DtlsRole.CLIENT ? clientWriteKey() : serverWriteKey();
    }

    /** The peer's outbound key (our inbound key) when we played {@code localRole}. */
    public SrtpMasterKey remoteWriteKey(DtlsRole localRole) {
        return localRole == DtlsRole.CLIENT ? serverWriteKey() : clientWriteKey();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SrtpKeyingMaterial other && profile == other.profile && Arrays.equals(material, other.material);
    }

    @Override
    public int hashCode() {
        return 31 * profile.hashCode() + Arrays.hashCode(material);
    }

    /** Never prints key bytes. */
    @Override
    public String toString() {
        return "SrtpKeyingMaterial[" + profile + ", " + material.length + " bytes]";
    }
}
