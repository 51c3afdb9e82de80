package dev.jrtc.dtls;

import java.util.Locale;

/**
 * Which side of the DTLS handshake this endpoint plays. It is fixed from the SDP {@code a=setup}
 * attributes (RFC 5763 section 5, RFC 8842) before the first flight and never changes.
 */
public enum DtlsRole {
    /** Sends the ClientHello: the endpoint whose negotiated setup is {@code active}. */
    CLIENT,
    /** Waits for the ClientHello: the endpoint whose negotiated setup is {@code passive}. */
    SERVER;

    /**
     * The role that follows from the local and remote {@code a=setup} values of a completed
     * offer/answer, e.g. {@code fromSetup("actpass", "active")} is {@link #SERVER}.
     *
     * @throws IllegalArgumentException if the pair does not fix a role (both actpass, both active,
     *     holdconn, or an unknown token)
     */
    public static DtlsRole fromSetup(String localSetup, String remoteSetup) {
        String local = localSetup.trim().toLowerCase(Locale.ROOT);
        String remote = remoteSetup.trim().toLowerCase(Locale.ROOT);
        DtlsRole role = switch (local) {
            case "active" -> CLIENT;
            case "passive" -> SERVER;
            case "actpass" -> switch (remote) {
                case "active" -> SERVER;
                case "passive" -> CLIENT;
                default -> null;
            };
            default -> null;
        };
        boolean consistent = role != null && switch (remote) {
            case "active" -> role == SERVER;
            case "passive" -> role == CLIENT;
            case "actpass" -> true;
            default -> false;
        };
        if (!consistent) {
            throw new IllegalArgumentException("a=setup local '" + localSetup + "' and remote '" + remoteSetup
                    + "' do not fix a DTLS role");
        }
        return role;
    }
}
