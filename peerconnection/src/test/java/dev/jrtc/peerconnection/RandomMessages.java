package dev.jrtc.peerconnection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Seeded data-channel traffic: messages of random size (up to 64 KiB on the wire), alternately
 * strings (with multi-byte UTF-8) and binary, and a running SHA-256 over kind, length and bytes in
 * order, so both ends can compare one digest.
 */
public final class RandomMessages {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 éß€жあ";
    public static final int MAX = 64 * 1024;

    /** One message: a string or binary. */
    public record Message(boolean binary, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private RandomMessages() {
    }

    /** {@code count} messages; even indices are strings, odd ones binary. */
    public static List<Message> generate(long seed, int count) {
        Random r = new Random(seed);
        List<Message> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int size = 1 + r.nextInt(MAX);
            if (i % 2 == 1) {
                byte[] b = new byte[size];
                r.nextBytes(b);
                out.add(new Message(true, b));
            } else {
                StringBuilder sb = new StringBuilder();
                int bytes = 0;
                while (true) {
                    char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                    int n = String.valueOf(c).getBytes(StandardCharsets.UTF_8).length;
                    if (bytes + n > size) {
                        break;
                    }
                    sb.append(c);
                    bytes += n;
                }
                out.add(new Message(false, sb.toString().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    /** A running digest over messages in order. */
    public static final class Digest {
        private final MessageDigest sha;
        private int count;

        public Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        public synchronized void add(boolean binary, byte[] data) {
            sha.update((byte) (binary ? 1 : 0));
            sha.update(ByteBuffer.allocate(4).putInt(data.length).array());
            sha.update(data);
            count++;
        }

        public synchronized int count() {
            return count;
        }

        /** The hex digest; ends the digest. */
        public synchronized String finish() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    /** The digest of a whole list. */
    public static String digestOf(List<Message> messages) {
        Digest d = new Digest();
        messages.forEach(m -> d.add(m.binary(), m.data()));
        return d.finish();
    }
}
