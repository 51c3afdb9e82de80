package dev.jrtc.peerconnection.engine;

import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.send.SendOptions;
import dev.jrtc.rtp.send.TransportSequencer;
import java.util.Objects;

/**
 * Transport-wide congestion control on one bundled transport, when the transport-wide-cc extension
 * was negotiated: the one sequencer every send stream of the transport stamps from (so the numbers
 * count packets across streams), the extension id, and the bundle's extension map the receive
 * streams read the numbers with.
 *
 * <p>Receive streams each keep their own feedback generator (stack-rtp), which would report the
 * other streams' numbers as lost; so feedback is only sent when one media section of the bundle
 * receives with transport-wide CC ({@code feedback}). Stamping on send is always safe.
 *
 * @param sequencer  shared by every send stream of the transport
 * @param extmapId   the negotiated id of the transport-wide sequence number element
 * @param extensions the bundle's negotiated extensions
 * @param feedback   whether receive streams send feedback (only one section of the bundle receives)
 */
record TransportWideCc(TransportSequencer sequencer, int extmapId, ExtensionMap extensions, boolean feedback) {
    /** How often a receive stream sends feedback (the interval libwebrtc uses by default). */
    static final long FEEDBACK_INTERVAL_NANOS = 100_000_000L;

    /** Checks the values. */
    TransportWideCc {
        Objects.requireNonNull(sequencer, "sequencer");
        Objects.requireNonNull(extensions, "extensions");
        if (extmapId < 1 || extmapId > 255) {
            throw new IllegalArgumentException("extmap id must be 1..255, got " + extmapId);
        }
    }

    /** The send options that stamp every packet. */
    SendOptions sendOptions() {
        return SendOptions.none().withTransportSequence(sequencer, extmapId);
    }
}
