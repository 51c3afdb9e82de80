package dev.jrtc.sctp.assoc;

import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.DataFormat;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Messages accepted and not yet fully cut into chunks, per stream, and the scheduler that picks
 * the next fragment. With DATA a message's fragments need consecutive TSNs (RFC 9260 §6.9), so the
 * scheduler finishes one message before it starts the next (round robin over streams per message).
 * With I-DATA it rotates over streams per fragment (RFC 8260 §1), so one large message does not
 * hold up the others.
 *
 * <p>Per-stream state is created on the first message and removed when the stream is reset.
 */
final class SendQueue {
    /** Told when queued bytes leave the queue: sent for the first time, or discarded. */
    interface Listener {
        void bufferedAmountDecreased(int streamId, long bytes);
    }

    private final DataFormat format;
    private final Listener listener;
    private final Map<Integer, OutboundStream> streams = new HashMap<>();
    private final ArrayDeque<OutboundStream> ready = new ArrayDeque<>();
    private OutboundStream current; // DATA: the stream whose head message is being cut
    private long queuedBytes;

    SendQueue(DataFormat format, Listener listener) {
        this.format = format;
        this.listener = listener;
    }

    void enqueue(OutboundMessage m) {
        OutboundStream s = streams.computeIfAbsent(m.streamId, OutboundStream::new);
        s.queue.add(m);
        queuedBytes += m.data.length;
        if (!s.scheduled) {
            s.scheduled = true;
            ready.add(s);
        }
    }

    /** Bytes accepted and not yet sent. */
    long queuedBytes() {
        return queuedBytes;
    }

    boolean isEmpty() {
        return queuedBytes == 0;
    }

    /** Whether nothing of {@code streamId} is waiting (the condition for resetting it). */
    boolean streamDrained(int streamId) {
        OutboundStream s = streams.get(streamId);
        return s == null || s.queue.isEmpty();
    }

    /** Forgets a stream's sequence numbers after an outgoing reset (RFC 6525 §5.1.2). */
    void resetStream(int streamId) {
        OutboundStream s = streams.get(streamId);
        if (s != null && s.queue.isEmpty()) {
            streams.remove(streamId);
            ready.remove(s);
            if (current == s) {
                current = null;
            }
        }
    }

    /** How many streams have send state, for memory accounting in tests. */
    int activeStreams() {
        return streams.size();
    }

    /**
     * Cuts the next fragment of at most {@code maxPayload} bytes and gives it {@code tsn}; null
     * when nothing is waiting. Messages whose lifetime has passed before they were started are
     * dropped here.
     */
    Outstanding next(long tsn, int maxPayload, long now) {
        while (true) {
            OutboundStream s = pickStream();
            if (s == null) {
                return null;
            }
            OutboundMessage m = s.queue.peek();
            if (m.abandoned || (!m.started() && m.expired(now))) {
                discardHead(s);
                continue;
            }
            return cut(s, m, tsn, maxPayload);
        }
    }

    private OutboundStream pickStream() {
        if (format == DataFormat.DATA && current != null) {
            return current;
        }
        OutboundStream s = ready.poll();
        if (s == null) {
            return null;
        }
        if (format == DataFormat.DATA) {
            current = s;
        } else {
            ready.add(s); // I-DATA: rotate per fragment
        }
        return s;
    }

    private Outstanding cut(OutboundStream s, OutboundMessage m, long tsn, int maxPayload) {
        int len = Math.min(maxPayload, m.remaining());
        int flags = 0;
        if (!m.started()) {
            flags |= Chunk.Data.BEGINNING;
            m.messageId = s.assignMessageId(m.unordered, format);
            m.firstTsn = tsn;
        }
        if (len == m.remaining()) {
            flags |= Chunk.Data.ENDING;
        }
        if (m.unordered) {
            flags |= Chunk.Data.UNORDERED;
        }
        long fsn = m.nextFragmentSequence++;
        Chunk.Data d = new Chunk.Data(format, flags, tsn, m.streamId, m.messageId, m.ppid, fsn, m.data, m.offset, len);
        m.offset += len;
        m.lastTsn = tsn;
        queuedBytes -= len;
        listener.bufferedAmountDecreased(m.streamId, len);
        if (m.remaining() == 0) {
            finishHead(s);
        }
        return new Outstanding(d, m);
    }

    private void discardHead(OutboundStream s) {
        OutboundMessage m = s.queue.peek();
        int left = m.remaining();
        queuedBytes -= left;
        if (left > 0) {
            listener.bufferedAmountDecreased(m.streamId, left);
        }
        finishHead(s);
    }

    private void finishHead(OutboundStream s) {
        s.queue.poll();
        if (format == DataFormat.DATA) {
            current = null;
            if (!s.queue.isEmpty()) {
                ready.add(s);
            } else {
                s.scheduled = false;
            }
        } else if (s.queue.isEmpty()) {
            ready.remove(s);
            s.scheduled = false;
        }
    }

    /** Send state of one stream. */
    private static final class OutboundStream {
        final int id;
        final ArrayDeque<OutboundMessage> queue = new ArrayDeque<>(4);
        boolean scheduled;
        long nextOrderedId;
        long nextUnorderedId;

        OutboundStream(int id) {
            this.id = id;
        }

        long assignMessageId(boolean unordered, DataFormat format) {
            if (format == DataFormat.DATA) {
                // DATA: only ordered messages consume an SSN (RFC 9260 §3.3.1).
                return unordered ? 0 : nextOrderedId++ & 0xFFFF;
            }
            return unordered ? nextUnorderedId++ & 0xFFFF_FFFFL : nextOrderedId++ & 0xFFFF_FFFFL;
        }

        @Override
        public String toString() {
            return "stream " + id;
        }
    }
}
