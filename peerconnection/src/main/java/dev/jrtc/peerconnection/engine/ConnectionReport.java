package dev.jrtc.peerconnection.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a connection failed or was disconnected, for a human ({@link #explanation()}) and for code
 * ({@link #causes()}): the ICE diagnosis of stack-ice, DTLS failures (fingerprint mismatch,
 * handshake timeout, alerts), SRTP authentication failures, and media sections with no codec in
 * common.
 *
 * @param state the connection state when the report was made
 * @param explanation one paragraph naming every cause, the most fundamental first
 * @param causes the causes, structured; ICE first, then DTLS, SRTP and codec
 */
public record ConnectionReport(ConnectionState state, String explanation, List<Cause> causes) {

    /** Checks and copies. */
    public ConnectionReport {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(explanation, "explanation");
        causes = List.copyOf(causes);
    }

    /** One cause. {@link #describe()} is a sentence; {@link #fields()} the same as data. */
    public sealed interface Cause permits Ice, Dtls, Srtp, Codec {
        /** A sentence for a human. */
        String describe();

        /** The cause's data, under stable names, for JSON. */
        Map<String, Object> fields();
    }

    /**
     * ICE found no working path, or lost it.
     *
     * @param iceState the ICE connection state ({@code failed} or {@code disconnected})
     * @param diagnosis stack-ice's explanation (what was tried and what answered), or a short note when ICE has none
     * @param serverErrors the configured STUN/TURN servers that failed, with their W3C error codes
     * @param pairsChecked candidate pairs in the checklist
     * @param pairsSucceeded pairs whose check got an answer
     */
    public record Ice(String iceState, String diagnosis, List<ServerError> serverErrors, int pairsChecked,
            int pairsSucceeded) implements Cause {
        /** Copies the list. */
        public Ice {
            serverErrors = List.copyOf(serverErrors);
        }

        @Override
        public String describe() {
            return "ICE " + iceState + ": " + diagnosis;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cause", "ice");
            m.put("iceState", iceState);
            m.put("diagnosis", diagnosis);
            List<Object> servers = new ArrayList<>();
            for (ServerError e : serverErrors) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("url", e.url());
                s.put("errorCode", e.errorCode());
                s.put("errorText", e.errorText());
                servers.add(s);
            }
            m.put("serverErrors", servers);
            m.put("pairsChecked", pairsChecked);
            m.put("pairsSucceeded", pairsSucceeded);
            return m;
        }
    }

    /**
     * A STUN or TURN server that failed, as in the W3C {@code icecandidateerror} event.
     *
     * @param url the server's URL
     * @param errorCode 701 when unreachable, else the STUN error code it sent
     * @param errorText what happened
     */
    public record ServerError(String url, int errorCode, String errorText) {
    }

    /** The kinds of DTLS failure. */
    public enum DtlsReason {
        /** The peer's certificate matched no signalled {@code a=fingerprint}. */
        FINGERPRINT_MISMATCH,
        /** The handshake did not finish in time. */
        HANDSHAKE_TIMEOUT,
        /** The peer sent a fatal alert. */
        ALERT_RECEIVED,
        /** We aborted with a fatal alert. */
        ALERT_SENT,
        /** No SRTP protection profile in common. */
        NO_COMMON_SRTP_PROFILE,
        /** A side presented no certificate. */
        NO_CERTIFICATE,
        /** The handshake thread failed. */
        TRANSPORT_ERROR
    }

    /**
     * The DTLS handshake or connection failed.
     *
     * @param reason the kind of failure
     * @param detail stack-dtls's description (the fingerprints, the alert name, the time)
     */
    public record Dtls(DtlsReason reason, String detail) implements Cause {
        @Override
        public String describe() {
            return "DTLS " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + detail;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cause", "dtls");
            m.put("reason", reason.name());
            m.put("detail", detail);
            return m;
        }
    }

    /**
     * SRTP or SRTCP packets from the validated peer were refused.
     *
     * @param authFailures packets whose authentication tag did not verify (wrong keys or tampering)
     * @param otherDrops packets refused for replay, age, malformation or stream limits
     * @param decrypted packets that did decrypt
     */
    public record Srtp(long authFailures, long otherDrops, long decrypted) implements Cause {
        @Override
        public String describe() {
            return "SRTP refused " + authFailures + " packet(s) whose authentication failed and " + otherDrops
                    + " for replay or format, while " + decrypted + " decrypted"
                    + (decrypted == 0 && authFailures > 0 ? " (the keys do not match the peer's)" : "");
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cause", "srtp");
            m.put("authFailures", authFailures);
            m.put("otherDrops", otherDrops);
            m.put("decrypted", decrypted);
            return m;
        }
    }

    /**
     * A media section with no codec both sides support: it carries no media.
     *
     * @param mid the section's mid
     * @param kind audio or video
     * @param offered the codec names the peer offered or answered
     * @param supported the codec names jrtc can carry
     */
    public record Codec(String mid, String kind, List<String> offered, List<String> supported) implements Cause {
        /** Copies the lists. */
        public Codec {
            offered = List.copyOf(offered);
            supported = List.copyOf(supported);
        }

        @Override
        public String describe() {
            return "no common " + kind + " codec on mid " + mid + ": the peer has " + offered + ", jrtc supports "
                    + supported;
        }

        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cause", "codec");
            m.put("mid", mid);
            m.put("kind", kind);
            m.put("offered", offered);
            m.put("supported", supported);
            return m;
        }
    }

    /** The causes of one type. */
    public <T extends Cause> List<T> causes(Class<T> type) {
        return causes.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The report as JSON: {@code state}, {@code explanation} and {@code causes}. */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        m.put("explanation", explanation);
        m.put("causes", causes.stream().map(Cause::fields).toList());
        return Json.of(m);
    }
}
