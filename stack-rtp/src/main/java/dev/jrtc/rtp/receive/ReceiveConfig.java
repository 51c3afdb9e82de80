package dev.jrtc.rtp.receive;

import dev.jrtc.rtp.codec.Depacketizer;
import dev.jrtc.rtp.ext.ExtensionMap;
import java.util.function.Supplier;

/**
 * What a {@link ReceiveStream} needs to know: the negotiated stream and the tuning. Start from
 * {@link #of} and adjust with the {@code with...} methods.
 *
 * @param localSsrc        the SSRC our RTCP is sent from
 * @param mediaSsrc        the stream received
 * @param payloadType      its payload type
 * @param clockRate        its RTP clock rate
 * @param depacketizerFactory makes the codec's depacketizer
 * @param rtxSsrc          the RTX stream's SSRC, or -1
 * @param rtxPayloadType   the RTX payload type, or -1 when RTX was not negotiated
 * @param nack             NACK tuning, or {@code null} when NACK was not negotiated
 * @param useFir           ask for key frames with FIR instead of PLI
 * @param keyFrameRequestIntervalNanos the least time between key-frame requests
 * @param reportIntervalNanos how often receiver reports go out
 * @param twccIntervalNanos   how often transport-wide feedback goes out, or 0 when not negotiated
 * @param initialRttNanos  the RTT assumed until one is measured
 * @param jitterBuffer     jitter buffer tuning
 * @param extensions       negotiated header extensions
 * @param cname            our canonical name for SDES
 */
public record ReceiveConfig(long localSsrc, long mediaSsrc, int payloadType, int clockRate,
                            Supplier<Depacketizer> depacketizerFactory, long rtxSsrc, int rtxPayloadType,
                            NackGenerator.Config nack, boolean useFir, long keyFrameRequestIntervalNanos,
                            long reportIntervalNanos, long twccIntervalNanos, long initialRttNanos,
                            JitterBuffer.Config jitterBuffer, ExtensionMap extensions, String cname) {

    /** A stream with NACK and PLI, no RTX, no TWCC, reports every second, PLI at most every 500 ms. */
    public static ReceiveConfig of(long localSsrc, long mediaSsrc, int payloadType, int clockRate,
                                   Supplier<Depacketizer> depacketizerFactory) {
        return new ReceiveConfig(localSsrc, mediaSsrc, payloadType, clockRate, depacketizerFactory, -1, -1,
                NackGenerator.Config.defaults(), false, 500_000_000L, 1_000_000_000L, 0, 100_000_000L,
                JitterBuffer.Config.defaults(), ExtensionMap.empty(), "jrtc");
    }

    Depacketizer depacketizer() {
        return depacketizerFactory.get();
    }

    /** With RTX (RFC 4588) on {@code ssrc} and {@code payloadType}. */
    public ReceiveConfig withRtx(long ssrc, int payloadType) {
        return new ReceiveConfig(localSsrc, mediaSsrc, this.payloadType, clockRate, depacketizerFactory, ssrc, payloadType,
                nack, useFir, keyFrameRequestIntervalNanos, reportIntervalNanos, twccIntervalNanos, initialRttNanos,
                jitterBuffer, extensions, cname);
    }

    /** With the given NACK tuning, or none. */
    public ReceiveConfig withNack(NackGenerator.Config nackConfig) {
        return new ReceiveConfig(localSsrc, mediaSsrc, payloadType, clockRate, depacketizerFactory, rtxSsrc, rtxPayloadType,
                nackConfig, useFir, keyFrameRequestIntervalNanos, reportIntervalNanos, twccIntervalNanos, initialRttNanos,
                jitterBuffer, extensions, cname);
    }

    /** With FIR instead of PLI, and the given least interval between requests. */
    public ReceiveConfig withKeyFrameRequests(boolean fir, long minIntervalNanos) {
        return new ReceiveConfig(localSsrc, mediaSsrc, payloadType, clockRate, depacketizerFactory, rtxSsrc, rtxPayloadType,
                nack, fir, minIntervalNanos, reportIntervalNanos, twccIntervalNanos, initialRttNanos,
                jitterBuffer, extensions, cname);
    }

    /** With transport-wide feedback every {@code intervalNanos}, on the negotiated extension ids. */
    public ReceiveConfig withTwcc(ExtensionMap map, long intervalNanos) {
        return new ReceiveConfig(localSsrc, mediaSsrc, payloadType, clockRate, depacketizerFactory, rtxSsrc, rtxPayloadType,
                nack, useFir, keyFrameRequestIntervalNanos, reportIntervalNanos, intervalNanos, initialRttNanos,
                jitterBuffer, map, cname);
    }

    /** With the given jitter buffer tuning. */
    public ReceiveConfig withJitterBuffer(JitterBuffer.Config jb) {
        return new ReceiveConfig(localSsrc, mediaSsrc, payloadType, clockRate, depacketizerFactory, rtxSsrc, rtxPayloadType,
                nack, useFir, keyFrameRequestIntervalNanos, reportIntervalNanos, twccIntervalNanos, initialRttNanos,
                jb, extensions, cname);
    }
}
