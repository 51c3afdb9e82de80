package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Output;
import java.util.List;
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

    /**
     * The transport's (ICE and DTLS) deadline as the last pump left it. A connection carrying media wakes
     * up for every frame's jitter-buffer release and every report, and ICE's timers (checks, consent,
     * nomination, state) need not run for those; any input or wake-up is followed by a pump that renews
     * it. Starts due, so the first timeout reaches the transport.
     */
    private long transportDeadline = Long.MIN_VALUE;

    /** Input reached the layers since the last pump: the next timeout reaches the transport whatever its deadline said. */
    void inputArrived() {
        transportDeadline = Long.MIN_VALUE;
    }

    /** Fires every layer's timers that are due. */
    void handleTimeout(long now) {
        if (now >= transportDeadline) {
            transport.handleTimeout(now);
        }
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
            List<MediaSession> sessions = demux.sessions();
            for (int i = 0; i < sessions.size(); i++) { // indexed: no iterator per packet
                d = Math.min(d, sessions.get(i).drain(now, sink, events));
            }
            // SCTP packets become DTLS records; DTLS records received may feed SCTP again.
            d = Math.min(d, data.pump(now, events));
            transportDeadline = transport.pump(now, events); // the transport's last pump of this call
            d = Math.min(d, transportDeadline);
        } while (data.dirty() && ++rounds < MAX_ROUNDS);
        if (data.dirty()) {
            d = now; // more to do: come straight back
        }
        return d;
    }
}
