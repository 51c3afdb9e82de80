package dev.jrtc.sctp.assoc;

import dev.jrtc.sctp.packet.Chunk;
import dev.jrtc.sctp.packet.DataFormat;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Puts received fragments back into messages and hands them up in the order each stream requires
 * (RFC 9260 §6.5, §6.6; RFC 8260 §2.1 for I-DATA). It counts the bytes it holds, which the receiver
 * window subtracts (§6.2), so what it can hold is bounded by that window.
 *
 * <p>Stream state is created on the first fragment for a stream and dropped when the stream is
 * reset, so unused streams cost nothing.
 */
public final class Reassembly {
    /** Receives complete messages. */
    public interface Sink {
        void deliver(int streamId, long ppid, byte[] data);
    }

    private final DataFormat format;
    private final Sink sink;
    private final Map<Integer, InboundStream> streams = new HashMap<>();
    private long bytesHeld;

    public Reassembly(DataFormat format, Sink sink) {
        this.format = format;
        this.sink = sink;
    }

    /** Bytes received and not yet handed up. */
    public long bytesHeld() {
        return bytesHeld;
    }

    /** How many streams have receive state, for memory accounting in tests. */
    public int activeStreams() {
        return streams.size();
    }

    /** Takes a DATA or I-DATA chunk whose TSN is new, copying its payload. */
    public void add(Chunk.Data d) {
        byte[] copy = new byte[d.length()];
        System.arraycopy(d.payload(), d.offset(), copy, 0, d.length());
        long sequence = format == DataFormat.DATA ? d.tsn() : d.fragmentSequence();
        Fragment f = new Fragment(d.tsn(), d.flags(), d.ppid(), sequence, copy);
        InboundStream s = stream(d.streamId());
        if (d.unordered()) {
            if (d.beginning() && d.ending()) {
                sink.deliver(d.streamId(), d.ppid(), copy);
            } else if (format == DataFormat.DATA) {
                addUnorderedData(d.streamId(), s, f);
            } else {
                addById(d.streamId(), s.unorderedById(), d.messageId(), f, false, s);
            }
            return;
        }
        long key = s.unwrap(d.messageId(), format);
        if (key < s.nextOrdered) {
            return; // a message already delivered or skipped; the TSN check let a buggy resend through
        }
        if (key == s.nextOrdered && d.beginning() && d.ending() && (s.ordered == null || s.ordered.isEmpty())) {
            s.nextOrdered++;
            sink.deliver(d.streamId(), d.ppid(), copy); // the hot path: whole, in order, nothing waiting
            return;
        }
        addById(d.streamId(), s.ordered(), key, f, true, s);
    }

    private void addById(int streamId, Map<Long, PartialMessage> map, long key, Fragment f, boolean ordered,
            InboundStream s) {
        PartialMessage m = map.get(key);
        if (m == null) {
            m = new PartialMessage();
            map.put(key, m);
        }
        if (!m.add(f)) {
            return;
        }
        bytesHeld += f.data.length;
        if (!m.complete()) {
            return;
        }
        if (ordered) {
            deliverInOrder(streamId, s);
        } else {
            map.remove(key);
            bytesHeld -= m.bytes();
            sink.deliver(streamId, m.ppid(), m.assemble());
        }
    }

    private void deliverInOrder(int streamId, InboundStream s) {
        if (s.ordered == null) {
            return;
        }
        PartialMessage m;
        while ((m = s.ordered.get(s.nextOrdered)) != null && m.complete()) {
            s.ordered.remove(s.nextOrdered);
            s.nextOrdered++;
            bytesHeld -= m.bytes();
            sink.deliver(streamId, m.ppid(), m.assemble());
        }
    }

    /**
     * Unordered DATA fragments carry no message number, only consecutive TSNs (§6.9). A message is
     * complete once a B fragment, an E fragment and everything between are here; the forward walk
     * stops at the first hole, so in-order arrival costs one lookup per fragment.
     */
    private void addUnorderedData(int streamId, InboundStream s, Fragment f) {
        Map<Long, Fragment> byTsn = s.unorderedByTsn();
        byTsn.put(f.tsn, f);
        bytesHeld += f.data.length;
        long end = f.tsn;
        Fragment e = f;
        while (!e.ending()) {
            end = Tsn.add(end, 1);
            e = byTsn.get(end);
            if (e == null || e.beginning()) {
                return;
            }
        }
        long start = f.tsn;
        Fragment b = f;
        int count = Tsn.diff(end, start) + 1;
        while (!b.beginning()) {
            start = Tsn.add(start, -1);
            b = byTsn.get(start);
            if (b == null || b.ending()) {
                return;
            }
            count++;
        }
        PartialMessage m = new PartialMessage();
        for (long t = start, i = 0; i < count; t = Tsn.add(t, 1), i++) {
            m.add(byTsn.remove(t));
        }
        bytesHeld -= m.bytes();
        sink.deliver(streamId, m.ppid(), m.assemble());
    }

    /**
     * Applies a FORWARD TSN or I-FORWARD-TSN (RFC 3758 §3.6, RFC 8260 §2.3.2): messages the sender
     * abandoned are dropped, and ordered streams move past the skipped message numbers, which may
     * free messages that were waiting behind them.
     *
     * @param streamLimit stream ids at or above this are ignored
     */
    public void forward(long newCumulativeTsn, List<Chunk.SkippedMessage> skipped, int streamLimit) {
        for (Chunk.SkippedMessage sm : skipped) {
            if (sm.streamId() >= streamLimit) {
                continue;
            }
            InboundStream s = stream(sm.streamId());
            if (sm.unordered()) {
                if (s.unorderedById != null) {
                    dropWhere(s.unorderedById, e -> Tsn.le(e.getKey(), sm.messageId()));
                }
                continue;
            }
            long key = s.unwrap(sm.messageId(), format);
            if (key < s.nextOrdered) {
                continue;
            }
            if (s.ordered != null && !s.ordered.isEmpty()) {
                // Deliver what is complete up to the skipped message, in order; drop the rest. The
                // walk goes over what is held, not over the (peer-chosen) range of numbers.
                java.util.TreeMap<Long, PartialMessage> range = new java.util.TreeMap<>();
                Iterator<Map.Entry<Long, PartialMessage>> it = s.ordered.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<Long, PartialMessage> e = it.next();
                    if (e.getKey() <= key) {
                        range.put(e.getKey(), e.getValue());
                        it.remove();
                    }
                }
                for (PartialMessage m : range.values()) {
                    bytesHeld -= m.bytes();
                    if (m.complete()) {
                        sink.deliver(sm.streamId(), m.ppid(), m.assemble());
                    }
                }
            }
            s.nextOrdered = key + 1;
            deliverInOrder(sm.streamId(), s);
        }
        // Unordered DATA fragments at or below the new point can never be completed.
        for (InboundStream s : streams.values()) {
            if (s.unorderedByTsn != null && !s.unorderedByTsn.isEmpty()) {
                Iterator<Fragment> it = s.unorderedByTsn.values().iterator();
                while (it.hasNext()) {
                    Fragment f = it.next();
                    if (Tsn.le(f.tsn, newCumulativeTsn)) {
                        it.remove();
                        bytesHeld -= f.data.length;
                    }
                }
            }
        }
    }

    private void dropWhere(Map<Long, PartialMessage> map, java.util.function.Predicate<Map.Entry<Long, PartialMessage>> p) {
        Iterator<Map.Entry<Long, PartialMessage>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, PartialMessage> e = it.next();
            if (p.test(e)) {
                bytesHeld -= e.getValue().bytes();
                it.remove();
            }
        }
    }

    /**
     * Resets an incoming stream (RFC 6525 §5.2.2): its sequence numbers start again at zero. All
     * data sent before the reset has arrived by now, so anything left over is dropped.
     */
    public void resetStream(int streamId) {
        InboundStream s = streams.remove(streamId);
        if (s == null) {
            return;
        }
        if (s.ordered != null) {
            s.ordered.values().forEach(m -> bytesHeld -= m.bytes());
        }
        if (s.unorderedById != null) {
            s.unorderedById.values().forEach(m -> bytesHeld -= m.bytes());
        }
        if (s.unorderedByTsn != null) {
            s.unorderedByTsn.values().forEach(f -> bytesHeld -= f.data.length);
        }
    }

    private InboundStream stream(int id) {
        InboundStream s = streams.get(id);
        if (s == null) {
            s = new InboundStream();
            streams.put(id, s);
        }
        return s;
    }

    /** Receive state of one stream; its maps exist only while they hold something. */
    private static final class InboundStream {
        /** The next ordered message number expected, unwrapped to 64 bits. */
        long nextOrdered;
        Map<Long, PartialMessage> ordered;
        Map<Long, PartialMessage> unorderedById;
        Map<Long, Fragment> unorderedByTsn;

        Map<Long, PartialMessage> ordered() {
            if (ordered == null) {
                ordered = new HashMap<>();
            }
            return ordered;
        }

        Map<Long, PartialMessage> unorderedById() {
            if (unorderedById == null) {
                unorderedById = new HashMap<>();
            }
            return unorderedById;
        }

        Map<Long, Fragment> unorderedByTsn() {
            if (unorderedByTsn == null) {
                unorderedByTsn = new HashMap<>();
            }
            return unorderedByTsn;
        }

        /** Maps a 16-bit SSN or 32-bit MID onto the 64-bit line around {@link #nextOrdered}. */
        long unwrap(long id, DataFormat format) {
            if (format == DataFormat.DATA) {
                return nextOrdered + (short) (id - nextOrdered);
            }
            return nextOrdered + (int) (id - nextOrdered);
        }
    }
}
