package dev.jrtc.dtls;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded hand-off of received datagrams from the loop to Bouncy Castle. The loop never
 * blocks on it (a full queue drops); the handshake thread waits on it with BC's retransmission
 * timeout; closing it wakes that thread at once.
 */
final class InboundDatagramQueue {
    private final ArrayDeque<byte[]> datagrams = new ArrayDeque<>();
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmptyOrClosed = lock.newCondition();
    private boolean closed;

    InboundDatagramQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a datagram the caller no longer touches; false if full or closed. */
    boolean offer(byte[] datagram) {
        lock.lock();
        try {
            if (closed || datagrams.size() >= capacity) {
                return false;
            }
            datagrams.addLast(datagram);
            notEmptyOrClosed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The next datagram, or null if none is queued. */
    byte[] poll() {
        lock.lock();
        try {
            return datagrams.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The next datagram, waiting up to {@code waitMillis}; null on timeout or once closed (check
     * {@link #isClosed()}).
     */
    byte[] poll(int waitMillis) throws InterruptedException {
        long remaining = TimeUnit.MILLISECONDS.toNanos(waitMillis);
        lock.lock();
        try {
            while (datagrams.isEmpty() && !closed && remaining > 0) {
                remaining = notEmptyOrClosed.awaitNanos(remaining);
            }
            return closed ? null : datagrams.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Discards what is queued and wakes any waiter. */
    void close() {
        lock.lock();
        try {
            closed = true;
            datagrams.clear();
            notEmptyOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The length of the next datagram, or -1 if none is queued. */
    int nextLength() {
        lock.lock();
        try {
            byte[] next = datagrams.peekFirst();
            return next == null ? -1 : next.length;
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return datagrams.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
