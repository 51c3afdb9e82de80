package dev.jrtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Sends {@code totalBytes} of seeded pseudo-random data from A to B in messages of
 * {@code messageSize} bytes on one channel, keeping at most {@code window} bytes buffered (as an
 * application watching bufferedAmount would). Each message starts with its sequence number, so the
 * receiver checks order and duplication; both sides hash everything for the final comparison.
 */
final class BulkTransfer {
    private final SimulatedPair pair;
    private final DataChannel sendChannel;
    private final int messageSize;
    private final long totalBytes;
    private final long window;
    private final SplittableRandom data;
    private final MessageDigest sentHash;
    private final MessageDigest receivedHash;
    private long sentBytes;
    private long sentMessages;
    long receivedBytes;
    long receivedMessages;
    long outOfOrder;

    BulkTransfer(SimulatedPair pair, DataChannel sendChannel, long totalBytes, int messageSize, long window, long seed) {
        this.pair = pair;
        this.sendChannel = sendChannel;
        this.totalBytes = totalBytes;
        this.messageSize = messageSize;
        this.window = window;
        this.data = new SplittableRandom(seed);
        try {
            this.sentHash = MessageDigest.getInstance("SHA-256");
            this.receivedHash = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        pair.keepEvents = false;
        pair.onEventB = e -> {
            if (e instanceof SctpEvent.Message m && m.channel().id() == sendChannel.id()) {
                receive(m.data());
            }
        };
        pair.afterStep = this::topUp;
    }

    void topUp() {
        while (sentBytes < totalBytes && sendChannel.bufferedAmount() < window) {
            int len = (int) Math.min(messageSize, totalBytes - sentBytes);
            byte[] msg = new byte[len];
            data.nextBytes(msg);
            if (len >= 8) {
                ByteBuffer.wrap(msg).putLong(0, sentMessages);
            }
            sentHash.update(msg);
            sendChannel.send(pair.now, msg);
            sentBytes += len;
            sentMessages++;
        }
    }

    private void receive(byte[] msg) {
        if (msg.length >= 8 && ByteBuffer.wrap(msg).getLong(0) != receivedMessages) {
            outOfOrder++;
        }
        receivedHash.update(msg);
        receivedBytes += msg.length;
        receivedMessages++;
    }

    boolean done() {
        return receivedBytes >= totalBytes;
    }

    /** Runs to completion (or the time limit) and checks that B got exactly what A sent. */
    long runAndVerify(long maxNanos) {
        long start = pair.now;
        topUp();
        pair.drain();
        pair.runUntil(this::done, maxNanos);
        assertEquals(totalBytes, receivedBytes, "bytes received");
        assertEquals(sentMessages, receivedMessages, "messages received");
        assertEquals(0, outOfOrder, "messages out of order or duplicated");
        assertEquals(java.util.HexFormat.of().formatHex(sentHash.digest()),
                java.util.HexFormat.of().formatHex(receivedHash.digest()), "SHA-256 of the stream");
        return pair.now - start;
    }
}
