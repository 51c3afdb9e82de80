package dev.jrtc.dtls;

import dev.jrtc.common.Output;
import dev.jrtc.srtp.SrtpKeys;
import dev.jrtc.srtp.SrtpProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DtlsEngine} reports to the layer above through {@code poll()}. On success the
 * order is {@link PeerCertificate}, {@link SrtpKeysExported}, {@link Connected}; then any
 * {@link ApplicationData}; finally one {@link Closed}.
 */
public sealed interface DtlsEvent extends Output.Event {

    /** The peer's certificate chain (DER, leaf first), already checked against the signalled fingerprints. */
    record PeerCertificate(List<byte[]> chain, CertificateFingerprint matched) implements DtlsEvent {
        /** Copies the chain. */
        public PeerCertificate {
            chain = chain.stream().map(byte[]::clone).toList();
            Objects.requireNonNull(matched, "matched");
        }

        @Override
        public List<byte[]> chain() {
            return chain.stream().map(byte[]::clone).toList();
        }
    }

    /**
     * The SRTP keys, exported with {@code EXTRACTOR-dtls_srtp} and split for this side (RFC 5764
     * section 4.2); {@link #keys()} goes straight to {@code dev.jrtc.srtp.SrtpSession.create}.
     *
     * @param localRole the role this side played, which decides which half of the material it sends with
     * @param keys the material split into this side's and the peer's master keys and salts
     * @param exportedKeyingMaterial the raw exporter output that {@code keys} was split from (copied)
     */
    record SrtpKeysExported(DtlsRole localRole, SrtpKeys keys, byte[] exportedKeyingMaterial) implements DtlsEvent {
        /**
         * Checks that {@code keys} is exactly the split of {@code exportedKeyingMaterial} for
         * {@code localRole}, and copies the material.
         *
         * @throws IllegalArgumentException if the two disagree
         */
        public SrtpKeysExported {
            Objects.requireNonNull(localRole, "localRole");
            Objects.requireNonNull(keys, "keys");
            exportedKeyingMaterial = Objects.requireNonNull(exportedKeyingMaterial, "exportedKeyingMaterial").clone();
            SrtpKeys split = SrtpKeys.fromDtlsExport(exportedKeyingMaterial, keys.profile(), localRole == DtlsRole.CLIENT);
            if (!Arrays.equals(split.localMasterKey(), keys.localMasterKey())
                    || !Arrays.equals(split.localMasterSalt(), keys.localMasterSalt())
                    || !Arrays.equals(split.remoteMasterKey(), keys.remoteMasterKey())
                    || !Arrays.equals(split.remoteMasterSalt(), keys.remoteMasterSalt())) {
                throw new IllegalArgumentException("keys are not the RFC 5764 split of the material for a " + localRole);
            }
        }

        /**
         * Splits {@code exportedKeyingMaterial} for {@code localRole} with
         * {@link SrtpKeys#fromDtlsExport}.
         *
         * @throws IllegalArgumentException if the material does not have the profile's length
         */
        public SrtpKeysExported(DtlsRole localRole, SrtpProfile profile, byte[] exportedKeyingMaterial) {
            this(localRole, SrtpKeys.fromDtlsExport(exportedKeyingMaterial, profile, localRole == DtlsRole.CLIENT),
                    exportedKeyingMaterial);
        }

        /** The SRTP profile both sides agreed in {@code use_srtp}. */
        public SrtpProfile profile() {
            return keys.profile();
        }

        /** A copy of the raw exporter output, {@code profile().keyingMaterialLength()} bytes. */
        @Override
        public byte[] exportedKeyingMaterial() {
            return exportedKeyingMaterial.clone();
        }

        /** Equal for the same role and material (the keys follow from both). */
        @Override
        public boolean equals(Object o) {
            return o instanceof SrtpKeysExported other && localRole == other.localRole && profile() == other.profile()
                    && Arrays.equals(exportedKeyingMaterial, other.exportedKeyingMaterial);
        }

        @Override
        public int hashCode() {
            return Objects.hash(localRole, profile(), Arrays.hashCode(exportedKeyingMaterial));
        }

        /** Never prints key bytes: this string ends up in logs. */
        @Override
        public String toString() {
            return "SrtpKeysExported[localRole=" + localRole + ", profile=" + profile() + ", "
                    + exportedKeyingMaterial.length + " bytes]";
        }
    }

    /** The handshake completed; application data may now be sent. */
    record Connected(DtlsRole localRole, DtlsCipherSuite cipherSuite, SrtpProfile srtpProfile) implements DtlsEvent {
    }

    /** A decrypted application-data record (for SCTP). The array belongs to the receiver. */
    record ApplicationData(byte[] data) implements DtlsEvent {
    }

    /** The association ended; nothing follows. */
    record Closed(DtlsCloseReason reason) implements DtlsEvent {
    }
}
