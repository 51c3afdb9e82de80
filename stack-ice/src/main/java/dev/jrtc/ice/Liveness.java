package dev.jrtc.ice;

import dev.jrtc.common.RandomSource;
import java.util.ArrayDeque;

/**
 * Consent freshness (RFC 7675) and the "disconnected" signal on the selected pair. Consent checks go
 * out at intervals drawn uniformly from 0.8..1.2 times the configured mean (RFC 7675 section 5.1:
 * 4..6 s for the default 5 s; every fifth of the mean while disconnected); consent is lost 30 s after
 * the last authenticated response, and then nothing may be sent.
 *
 * <p>"Disconnected" needs two facts: nothing arrived for {@code disconnectedAfter}, and a consent
 * check sent since then went unanswered for two check RTOs. Silence alone is not enough on an idle
 * path, where consent checks 4..6 s apart are the only traffic. Disconnection is damped: each
 * recovery in the last minute doubles the silence needed before the next "disconnected" (at most
 * fourfold), so a flapping path does not flood the application with state changes.
 */
final class Liveness {
    private static final long MINUTE = 60_000_000_000L;
    private final IceConfig config;
    private final RandomSource random;
    private final ArrayDeque<Long> recoveries = new ArrayDeque<>();
    private long lastReceivedAt;
    private long lastConsentAt;
    private long lastConsentSentAt;
    private boolean consentOutstanding;
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
        consentOutstanding = false;
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
        consentOutstanding = false;
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

    private void forgetOldRecoveries(long nowNanos) {
        while (!recoveries.isEmpty() && nowNanos - recoveries.peek() > MINUTE) {
            recoveries.poll();
        }
    }

    private long disconnectThreshold() {
        return config.disconnectedAfter().toNanos() << Math.min(recoveries.size(), 2);
    }

    /** Re-evaluates; returns true when a consent check is due now (and schedules the next). */
    boolean consentDue(long nowNanos) {
        forgetOldRecoveries(nowNanos);
        if (!active || consentLost) {
            return false;
        }
        if (nowNanos - lastConsentAt >= config.consentTimeout().toNanos()) {
            consentLost = true;
            nextConsentAt = Long.MAX_VALUE;
            return false;
        }
        if (!disconnected && nowNanos >= disconnectAt()) {
            disconnected = true;
        }
        if (nowNanos >= nextConsentAt) {
            lastConsentSentAt = nowNanos;
            consentOutstanding = true;
            scheduleConsent(nowNanos);
            return true;
        }
        return false;
    }

    /**
     * When the path counts as disconnected if nothing arrives: after the silence threshold and once a
     * consent check sent since the last arrival has had time to be answered; never while no such
     * check is out (the next scheduled one comes first).
     */
    private long disconnectAt() {
        if (!consentOutstanding) {
            return Long.MAX_VALUE;
        }
        long answerWait = 2 * config.checkRto().toNanos();
        return Math.max(lastReceivedAt + disconnectThreshold(), lastConsentSentAt + answerWait);
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
            d = Math.min(d, disconnectAt());
            if (!recoveries.isEmpty()) {
                d = Math.min(d, recoveries.peek() + MINUTE + 1); // the threshold shrinks then
            }
        }
        return d;
    }

    long lastConsentAt() {
        return lastConsentAt;
    }
}
