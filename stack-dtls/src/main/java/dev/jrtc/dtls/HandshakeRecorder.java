package dev.jrtc.dtls;

import dev.jrtc.srtp.SrtpProfile;
import java.io.IOException;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;

/**
 * What the BC callbacks learn during one handshake: the first specific failure, the verified
 * peer certificate and the chosen SRTP profile. Written only on the handshake thread; the loop
 * reads it after the outcome is published through the engine's queue (a happens-before edge).
 */
final class HandshakeRecorder {
    private DtlsFailure failure;
    private short lastAlertReceived = -1;
    private List<byte[]> peerChain;
    private CertificateFingerprint matchedFingerprint;
    private SrtpProfile srtpProfile;
    private byte[] keyingMaterial;
    private int cipherSuite = -1;
    private GcmRecordKeys recordKeys;

    /** Records {@code f} unless an earlier cause is known, and returns the alert to abort with. */
    TlsFatalAlert fail(DtlsFailure f, short alert) {
        if (failure == null) {
            failure = f;
        }
        return new TlsFatalAlert(alert, f.describe());
    }

    void alertReceived(short level, short description) {
        if (level == AlertLevel.fatal || description == AlertDescription.close_notify) {
            lastAlertReceived = description;
        }
    }

    void peerVerified(List<byte[]> chain, CertificateFingerprint matched) {
        this.peerChain = List.copyOf(chain);
        this.matchedFingerprint = matched;
    }

    void srtpProfile(SrtpProfile profile) {
        this.srtpProfile = profile;
    }

    /** Exports the SRTP keys; BC permits this only from {@code notifyHandshakeComplete}. */
    void handshakeComplete(TlsContext context) throws IOException {
        if (srtpProfile == null) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "handshake completed without an SRTP profile");
        }
        keyingMaterial = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, srtpProfile.keyingMaterialLength());
        cipherSuite = context.getSecurityParametersConnection().getCipherSuite();
        recordKeys = GcmRecordKeys.derive(context);
    }

    /** The AES-GCM record keys, or null for a suite that stays on BC's record layer. */
    GcmRecordKeys recordKeys() {
        return recordKeys;
    }

    byte[] keyingMaterial() {
        return keyingMaterial;
    }

    int cipherSuite() {
        return cipherSuite;
    }

    List<byte[]> peerChain() {
        return peerChain;
    }

    CertificateFingerprint matchedFingerprint() {
        return matchedFingerprint;
    }

    SrtpProfile srtpProfile() {
        return srtpProfile;
    }

    /** The cause to report for a handshake that threw {@code e}: the most specific one known. */
    DtlsFailure classify(Throwable e, DtlsConfig config) {
        if (failure != null) {
            return failure;
        }
        if (e instanceof TlsFatalAlertReceived received) {
            return new DtlsFailure.AlertReceived(received.getAlertDescription());
        }
        if (lastAlertReceived >= 0) {
            return new DtlsFailure.AlertReceived(lastAlertReceived);
        }
        if (e instanceof TlsTimeoutException) {
            return new DtlsFailure.HandshakeTimeout(config.handshakeTimeout());
        }
        if (e instanceof TlsFatalAlert alert) {
            return DtlsFailure.LocalAlert.of(alert);
        }
        if (e instanceof IOException || e instanceof RuntimeException) {
            return new DtlsFailure.TransportError(e.toString());
        }
        return new DtlsFailure.TransportError("unexpected " + e);
    }
}
