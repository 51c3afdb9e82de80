package dev.jrtc.dtls;

import dev.jrtc.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Why a DTLS handshake or connection failed. Every failure names its cause, so that a user can
 * tell a misconfigured fingerprint from a dead network.
 */
public sealed interface DtlsFailure extends DtlsCloseReason {

    /** The peer's certificate matched none of the {@code a=fingerprint} values; no key was derived. */
    record FingerprintMismatch(List<CertificateFingerprint> expected, CertificateFingerprint actual) implements DtlsFailure {
        /** Copies the list. */
        public FingerprintMismatch {
            expected = List.copyOf(expected);
        }

        @Override
        public String describe() {
            return "peer certificate " + actual.toSdpValue() + " matches no signalled fingerprint " + expected;
        }
    }

    /** The client sent no certificate, but WebRTC requires one (its fingerprint is its identity). */
    record NoClientCertificate() implements DtlsFailure {
        @Override
        public String describe() {
            return "the DTLS client presented no certificate";
        }
    }

    /** The peer's certificate is empty where one is required (a server without a certificate). */
    record NoPeerCertificate() implements DtlsFailure {
        @Override
        public String describe() {
            return "the peer presented no certificate";
        }
    }

    /** No SRTP profile in {@code use_srtp} that both sides accept (or the peer chose one we did not offer). */
    record NoCommonSrtpProfile(List<SrtpProfile> ours, List<Integer> theirs) implements DtlsFailure {
        /** Copies the lists. */
        public NoCommonSrtpProfile {
            ours = List.copyOf(ours);
            theirs = List.copyOf(theirs);
        }

        @Override
        public String describe() {
            return "no common SRTP profile: we accept " + ours + ", the peer sent ids " + theirs.stream()
                    .map(id -> String.format("0x%04X", id)).toList();
        }
    }

    /** The handshake did not complete within the configured time. */
    record HandshakeTimeout(Duration after) implements DtlsFailure {
        @Override
        public String describe() {
            return "DTLS handshake timed out after " + after.toMillis() + " ms";
        }
    }

    /** The peer sent a fatal alert. */
    record AlertReceived(short description) implements DtlsFailure {
        @Override
        public String describe() {
            return "the peer sent the fatal alert " + AlertDescription.getText(description);
        }
    }

    /** We aborted with a fatal alert for a protocol reason (e.g. no common cipher suite, a bad message). */
    record LocalAlert(short description, String detail) implements DtlsFailure {
        /** From BC's exception, keeping the underlying cause in the detail. */
        static LocalAlert of(TlsFatalAlert alert) {
            Throwable cause = alert.getCause();
            return new LocalAlert(alert.getAlertDescription(), alert.getMessage() + (cause == null ? "" : " caused by " + cause));
        }

        @Override
        public String describe() {
            return "aborted with alert " + AlertDescription.getText(description) + (detail == null ? "" : ": " + detail);
        }
    }

    /** Something outside the protocol broke: the handshake thread could not start, or was interrupted. */
    record TransportError(String detail) implements DtlsFailure {
        @Override
        public String describe() {
            return "DTLS transport error: " + detail;
        }
    }
}
