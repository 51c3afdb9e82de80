package dev.jrtc.peerconnection.engine;

import dev.jrtc.dtls.DtlsFailure;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.ice.PairState;
import dev.jrtc.ice.PairStatistics;
import dev.jrtc.ice.ServerResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns what the transport and negotiation recorded into a {@link ConnectionReport}. */
final class ConnectionReports {
    private ConnectionReports() {
    }

    /**
     * The report for the current state: present when the connection failed or is disconnected,
     * and also when a media section negotiated no codec (that track carries nothing although the
     * connection may be up).
     */
    static Optional<ConnectionReport> of(ConnectionState state, SecureTransport transport,
            List<ConnectionReport.Codec> codecCauses) {
        boolean broken = state == ConnectionState.FAILED || state == ConnectionState.DISCONNECTED;
        if (!broken && codecCauses.isEmpty()) {
            return Optional.empty();
        }
        List<ConnectionReport.Cause> causes = new ArrayList<>();
        if (transport != null) {
            ice(transport).ifPresent(causes::add);
            transport.dtlsFailure().map(ConnectionReports::dtls).ifPresent(causes::add);
            TransportCounters c = transport.counters();
            if (c.srtpDropped > 0) {
                causes.add(new ConnectionReport.Srtp(c.srtpAuthFailed, c.srtpDropped - c.srtpAuthFailed,
                        c.rtpReceived + c.rtcpReceived));
            }
        }
        causes.addAll(codecCauses);
        return Optional.of(new ConnectionReport(state, explain(state, causes), causes));
    }

    private static Optional<ConnectionReport.Cause> ice(SecureTransport t) {
        IceConnectionState s = t.iceState();
        if (s != IceConnectionState.FAILED && s != IceConnectionState.DISCONNECTED) {
            return Optional.empty();
        }
        IceAgent ice = t.ice();
        List<ConnectionReport.ServerError> servers = new ArrayList<>();
        for (ServerResult r : ice.serverResults()) {
            if (r.errorCode() != 0) {
                servers.add(new ConnectionReport.ServerError(r.server().url().toString(), r.errorCode(), r.describe()));
            }
        }
        List<PairStatistics> pairs = ice.pairStatistics();
        int succeeded = (int) pairs.stream().filter(p -> p.state() == PairState.SUCCEEDED).count();
        String diagnosis = ice.failureExplanation().orElseGet(() -> s == IceConnectionState.DISCONNECTED
                ? "the peer stopped answering connectivity checks on the selected pair; ICE keeps checking and may "
                        + "recover, or fail after the consent timeout (RFC 7675)"
                : "ICE failed without a diagnosis");
        return Optional.of(new ConnectionReport.Ice(s.name().toLowerCase(Locale.ROOT), diagnosis, servers,
                pairs.size(), succeeded));
    }

    private static ConnectionReport.Dtls dtls(DtlsFailure f) {
        ConnectionReport.DtlsReason reason;
        if (f instanceof DtlsFailure.FingerprintMismatch) {
            reason = ConnectionReport.DtlsReason.FINGERPRINT_MISMATCH;
        } else if (f instanceof DtlsFailure.HandshakeTimeout) {
            reason = ConnectionReport.DtlsReason.HANDSHAKE_TIMEOUT;
        } else if (f instanceof DtlsFailure.AlertReceived) {
            reason = ConnectionReport.DtlsReason.ALERT_RECEIVED;
        } else if (f instanceof DtlsFailure.LocalAlert) {
            reason = ConnectionReport.DtlsReason.ALERT_SENT;
        } else if (f instanceof DtlsFailure.NoCommonSrtpProfile) {
            reason = ConnectionReport.DtlsReason.NO_COMMON_SRTP_PROFILE;
        } else if (f instanceof DtlsFailure.NoClientCertificate || f instanceof DtlsFailure.NoPeerCertificate) {
            reason = ConnectionReport.DtlsReason.NO_CERTIFICATE;
        } else {
            reason = ConnectionReport.DtlsReason.TRANSPORT_ERROR;
        }
        return new ConnectionReport.Dtls(reason, f.describe());
    }

    private static String explain(ConnectionState state, List<ConnectionReport.Cause> causes) {
        StringBuilder sb = new StringBuilder("The connection is ").append(state.name().toLowerCase(Locale.ROOT));
        if (causes.isEmpty()) {
            return sb.append("; no cause was recorded.").toString();
        }
        sb.append(causes.size() == 1 ? ". Cause: " : ". Causes: ");
        for (int i = 0; i < causes.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append('(').append(i + 1).append(") ").append(causes.get(i).describe().strip());
            char last = sb.charAt(sb.length() - 1);
            if (last != '.') {
                sb.append('.');
            }
        }
        return sb.toString();
    }
}
