package dev.jrtc.dtls;

import dev.jrtc.common.Output;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DtlsEngine} reports to the layer above through {@code poll()}. On success the
 * order is {@link PeerCertificate}, {@link SrtpKeys}, {@link Connected}; then any
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

    /** The SRTP keys, exported with {@code EXTRACTOR-dtls_srtp}; hand them to stack-srtp. */
    record SrtpKeys(DtlsRole localRole, SrtpKeyingMaterial keyingMaterial) implements DtlsEvent {
    }

    /** The handshake completed; application data may now be sent. */
    record Connected(DtlsRole localRole, DtlsCipherSuite cipherSuite, SrtpProtectionProfile srtpProfile) implements DtlsEvent {
    }

    /** A decrypted application-data record (for SCTP). The array belongs to the receiver. */
    record ApplicationData(byte[] data) implements DtlsEvent {
    }

    /** The association ended; nothing follows. */
    record Closed(DtlsCloseReason reason) implements DtlsEvent {
    }
}
