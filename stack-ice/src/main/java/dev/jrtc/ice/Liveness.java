package dev.jrtc.ice;

import dev.jrtc.common.RandomSource;
import java.util.ArrayDeque;

/**
 * Consent freshness (RFC 7675) and the "disconnected" signal on the selected pair. Consent checks go
 * out every 4..6 s (every second while disconnected); consent is lost 30 s after the last
 * authenticated response, and then nothing may be sent. Disconnection is damped: each recovery in
 * the last minute doubles the silence needed before the next "disconnected" (at most fourfold), so a
 * flapping path does not flood the application with state changes.
 */
final class Liveness {
    private static final long MINUTE = 60_000_000_000L;
    private final IceConfig config;
    private final RandomSource random;
    private final ArrayDeque<Long> recoveries = new ArrayDeque<>();
    private long lastReceivedAt;
    private long lastConsentAt;
    private long nextConsentAt = Long.MAX_VALUE;
    private boolean active;
    private boolean consentLost;
    private boolean disconnected;

    Liveness(IceConfig config, RandomSource random) {
        this.config = config;
        this.random = random;
    }

    /** A pair was selected (or re-selected after restart): consent is fresh. */
    void start(long nowNanos) {
        active = true;
        consentLost = false;
        disconnected = false;
        lastReceivedAt = nowNanos;
        lastConsentAt = nowNanos;
        scheduleConsent(nowNanos);
    }

    void stop() {
        active = false;
        nextConsentAt = Long.MAX_VALUE;
    }

    boolean isActive() {
        return active;
    }

    /** Anything authentic arrived from the selected remote. */
    void onReceive(long nowNanos) {
        lastReceivedAt = Math.max(lastReceivedAt, nowNanos);
        if (disconnected) {
            disconnected = false;
            recoveries.add(nowNanos);
            scheduleConsent(nowNanos);
        }
    }

    /** An authenticated response to a check on the selected pair arrived. */
    void onConsent(long nowNanos) {
        lastConsentAt = Math.max(lastConsentAt, nowNanos);
        onReceive(nowNanos);
    }

    private long disconnectThreshold(long nowNanos) {
        while (!recoveries.isEmpty() && nowNanos - recoveries.peek() > MINUTE) {
            recoveries.poll();
        }
        return config.disconnectedAfter().toNanos() << Math.min(recoveries.size(), 2);
    }

    /** Re-evaluates; returns true when a consent check is due now (and schedules the next). */
    boolean consentDue(long nowNanos) {
        if (!active || consentLost) {
            return false;
        }
        if (nowNanos - lastConsentAt >= config.consentTimeout().toNanos()) {
            consentLost = true;
            nextConsentAt = Long.MAX_VALUE;
            return false;
        }
        if (!disconnected && nowNanos - lastReceivedAt >= disconnectThreshold(nowNanos)) {
            disconnected = true;
        }
        if (nowNanos >= nextConsentAt) {
            scheduleConsent(nowNanos);
            return true;
        }
        return false;
    }

    private void scheduleConsent(long nowNanos) {
        long mean = config.consentInterval().toNanos();
        long interval = disconnected ? mean / 5 : mean * 4 / 5 + (long) (random.nextInt(1 << 20) / (double) (1 << 20) * mean * 2 / 5);
        nextConsentAt = nowNanos + interval;
    }

    boolean isDisconnected() {
        return active && disconnected && !consentLost;
    }

    boolean isConsentLost() {
        return consentLost;
    }

    long deadline() {
        if (!active || consentLost) {
            return Long.MAX_VALUE;
        }
        long d = Math.min(nextConsentAt, lastConsentAt + config.consentTimeout().toNanos());
        if (!disconnected) {
            d = Math.min(d, lastReceivedAt + (config.disconnectedAfter().toNanos() << Math.min(recoveries.size(), 2)));
        }
        return d;
    }

    long lastConsentAt() {
        return lastConsentAt;
    }
}
