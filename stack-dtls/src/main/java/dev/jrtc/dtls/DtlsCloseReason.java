package dev.jrtc.dtls;

/**
 * Why a DTLS association ended: an orderly close by either side, or a {@link DtlsFailure}.
 */
public sealed interface DtlsCloseReason permits DtlsCloseReason.PeerClosed, DtlsCloseReason.LocalClose, DtlsFailure {

    /** A one-line explanation for logs and for the user. */
    String describe();

    /** The peer sent close_notify. */
    record PeerClosed() implements DtlsCloseReason {
        @Override
        public String describe() {
            return "the peer closed the DTLS connection (close_notify)";
        }
    }

    /** We called {@link DtlsEngine#close}. */
    record LocalClose() implements DtlsCloseReason {
        @Override
        public String describe() {
            return "closed locally";
        }
    }
}
