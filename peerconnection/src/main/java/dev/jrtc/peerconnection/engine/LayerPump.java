package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Output;
import java.util.function.Consumer;

/**
 * Runs the layers on the one bundled transport in step: their timers, and the pump that moves packets
 * between the secure transport, the media sessions and SCTP until none has more to hand on.
 */
final class LayerPump {
    /** Bounds one pump, so a peer that keeps SCTP busy cannot hold the loop; the rest waits for the next poll. */
    private static final int MAX_ROUNDS = 64;
    private final SecureTransport transport;
    private final RtpDemux demux;
    private final SctpDataChannels data;
    private final Consumer<Output> events;
    /** Where media sessions send: packets are protected and sent on the transport's selected pair. */
    private final MediaSession.PacketSink sink = new MediaSession.PacketSink() {
        @Override
        public boolean sendRtp(long now, byte[] packet) {
            return transport.sendRtp(now, packet);
        }

        @Override
        public boolean sendRtcp(long now, byte[] packet) {
            return transport.sendRtcp(now, packet);
        }
    };

    LayerPump(SecureTransport transport, RtpDemux demux, SctpDataChannels data, Consumer<Output> events) {
        this.transport = transport;
        this.demux = demux;
        this.data = data;
        this.events = events;
    }

    /** Fires every layer's timers that are due. */
    void handleTimeout(long now) {
        transport.handleTimeout(now);
        data.handleTimeout(now);
        for (MediaSession s : demux.sessions()) {
            s.handleTimeout(now);
        }
    }

    /**
     * Pumps the layers; outputs go to the events consumer.
     *
     * @return the earliest deadline of any layer, or {@code now} if SCTP still has work
     */
    long pump(long now) {
        long d;
        int rounds = 0;
        do {
            d = transport.pump(now, events);
            for (MediaSession s : demux.sessions()) {
                d = Math.min(d, s.drain(now, sink, events));
            }
            // SCTP packets become DTLS records; DTLS records received may feed SCTP again.
            d = Math.min(d, data.pump(now, events));
            d = Math.min(d, transport.pump(now, events));
        } while (data.dirty() && ++rounds < MAX_ROUNDS);
        if (data.dirty()) {
            d = now; // more to do: come straight back
        }
        return d;
    }
}
