package dev.jrtc.interop.sctp;

import dev.jrtc.peerconnection.api.RTCDataChannel;
import dev.jrtc.peerconnection.api.RTCDataChannelMessage;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What jrtc does with the channels a remote peer opens, chosen by label, so that one Java side
 * serves every peer (Chromium, Firefox, aiortc, werift):
 * <ul>
 * <li>{@code echo*}, {@code unordered}, {@code pre}: every message goes back as it came (same kind).</li>
 * <li>{@code sink}: binary messages are hashed; the text {@code end} is answered with
 *     {@code sha256:<hex>:<bytes>}.</li>
 * <li>{@code source}: the text {@code send <n>} makes jrtc send {@code n} pseudo-random bytes in
 *     64 KiB messages, honouring {@code bufferedAmount}, then {@code end:<hex>} (their SHA-256).</li>
 * <li>{@code close-by-java}: the text {@code close} makes jrtc close the channel.</li>
 * </ul>
 * Every channel's {@code close} event completes {@link #closed(String)}. Callbacks run on the
 * connection's loop, which is why nothing here blocks.
 */
final class DataChannelService {
    static final int CHUNK = 64 * 1024;
    private static final long HIGH_WATER = 8L << 20;
    private static final long LOW_WATER = 2L << 20;

    private final Map<String, RTCDataChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> closed = new ConcurrentHashMap<>();
    private final AtomicInteger echoed = new AtomicInteger();
    private final Map<String, AtomicInteger> echoedByLabel = new ConcurrentHashMap<>();

    /** Serves every channel the peer opens on {@code pc}. */
    static DataChannelService on(RTCPeerConnection pc) {
        DataChannelService s = new DataChannelService();
        pc.ondatachannel(s::serve);
        return s;
    }

    /** Serves a channel jrtc made itself (a pre-negotiated one). */
    void serve(RTCDataChannel ch) {
        String label = ch.label();
        channels.put(label, ch);
        ch.onclose(() -> closed(label).complete(null));
        switch (label) {
            case "sink" -> ch.onmessage(new Sink(ch)::accept);
            case "source" -> ch.onmessage(m -> new Source(ch, Long.parseLong(m.text().substring(5))).start());
            case "close-by-java" -> ch.onmessage(m -> {
                if (!m.binary() && m.text().equals("close")) {
                    ch.close();
                }
            });
            default -> ch.onmessage(m -> {
                if (m.binary()) {
                    ch.send(m.data());
                } else {
                    ch.send(m.text());
                }
                echoed.incrementAndGet();
                echoedByLabel.computeIfAbsent(label, l -> new AtomicInteger()).incrementAndGet();
            });
        }
    }

    /** The channel the peer opened with this label, or null. */
    RTCDataChannel channel(String label) {
        return channels.get(label);
    }

    /** Completes when the channel with this label fired {@code close}. */
    CompletableFuture<Void> closed(String label) {
        return closed.computeIfAbsent(label, l -> new CompletableFuture<>());
    }

    /** Messages echoed so far, on every echoing channel. */
    int echoed() {
        return echoed.get();
    }

    /** Messages echoed so far on the channel with this label. */
    int echoed(String label) {
        AtomicInteger n = echoedByLabel.get(label);
        return n == null ? 0 : n.get();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hashes what arrives until {@code end}. */
    private static final class Sink {
        private final RTCDataChannel ch;
        private final MessageDigest digest = sha256();
        private long bytes;

        Sink(RTCDataChannel ch) {
            this.ch = ch;
        }

        void accept(RTCDataChannelMessage m) {
            if (m.binary()) {
                digest.update(m.data());
                bytes += m.data().length;
            } else if (m.text().equals("end")) {
                ch.send("sha256:" + HexFormat.of().formatHex(digest.digest()) + ":" + bytes);
                bytes = 0;
            }
        }
    }

    /**
     * Sends {@code total} seeded pseudo-random bytes, never more than 8 MiB buffered, then their
     * SHA-256. The bytes depend only on {@code total}, so they and their hash are made on the first
     * request of each size and kept (one size at a time): later rounds of a throughput run spend no
     * loop time generating or hashing inside the timed window, like the page's upload, which
     * prepares its bytes before its clock starts.
     */
    private static final class Source {
        private static volatile Payload last;

        private final RTCDataChannel ch;
        private final Payload payload;
        private int sent;

        Source(RTCDataChannel ch, long total) {
            this.ch = ch;
            this.payload = Payload.of(Math.toIntExact(total));
        }

        void start() {
            ch.setBufferedAmountLowThreshold(LOW_WATER);
            ch.onbufferedamountlow(this::fill);
            fill();
        }

        private void fill() {
            byte[] bytes = payload.bytes();
            while (sent < bytes.length && ch.bufferedAmount() < HIGH_WATER) {
                int n = Math.min(CHUNK, bytes.length - sent);
                ch.send(bytes, sent, n);
                sent += n;
                if (sent == bytes.length) {
                    ch.send("end:" + payload.sha());
                }
            }
        }

        private record Payload(byte[] bytes, String sha) {
            static Payload of(int total) {
                Payload p = last;
                if (p == null || p.bytes.length != total) {
                    byte[] bytes = new byte[total];
                    new SplittableRandom(8).nextBytes(bytes);
                    p = new Payload(bytes, HexFormat.of().formatHex(DataChannelService.sha256().digest(bytes)));
                    last = p;
                }
                return p;
            }
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
