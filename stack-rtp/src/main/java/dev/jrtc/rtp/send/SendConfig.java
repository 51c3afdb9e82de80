package dev.jrtc.rtp.send;

import dev.jrtc.rtp.codec.Packetizer;
import java.util.function.Supplier;

/**
 * What a {@link SendStream} needs to know. Start from {@link #of} and add RTX with {@link #withRtx}.
 *
 * @param ssrc              the stream's SSRC
 * @param payloadType       its payload type
 * @param clockRate         its RTP clock rate
 * @param packetizerFactory makes the codec's packetizer
 * @param maxPacketSize     the largest RTP packet, before SRTP
 * @param firstSequence     the first sequence number (random in production)
 * @param rtxSsrc           the RTX SSRC, or -1
 * @param rtxPayloadType    the RTX payload type, or -1 for plain retransmission
 * @param historySize       packets kept for retransmission, a power of two
 * @param reportIntervalNanos how often sender reports go out
 * @param cname             our canonical name for SDES
 * @param answersNacks      whether the peer negotiated generic NACK ({@code a=rtcp-fb:<pt> nack}); without
 *                          it, NACKs are not answered (RFC 4585, section 4.2: feedback is used only when
 *                          negotiated) and are counted as {@link dev.jrtc.rtp.DropReason#UNNEGOTIATED_FEEDBACK}
 */
public record SendConfig(long ssrc, int payloadType, int clockRate, Supplier<Packetizer> packetizerFactory,
                         int maxPacketSize, int firstSequence, long rtxSsrc, int rtxPayloadType, int historySize,
                         long reportIntervalNanos, String cname, boolean answersNacks) {

    /** A stream that answers NACKs (see the record components). */
    public SendConfig(long ssrc, int payloadType, int clockRate, Supplier<Packetizer> packetizerFactory,
                      int maxPacketSize, int firstSequence, long rtxSsrc, int rtxPayloadType, int historySize,
                      long reportIntervalNanos, String cname) {
        this(ssrc, payloadType, clockRate, packetizerFactory, maxPacketSize, firstSequence, rtxSsrc, rtxPayloadType,
                historySize, reportIntervalNanos, cname, true);
    }

    /** A stream with plain retransmission, 1200-byte packets, 1024 packets of history, SR every second. */
    public static SendConfig of(long ssrc, int payloadType, int clockRate, Supplier<Packetizer> packetizerFactory,
                                int firstSequence) {
        return new SendConfig(ssrc, payloadType, clockRate, packetizerFactory, 1200, firstSequence, -1, -1, 1024,
                1_000_000_000L, "jrtc");
    }

    /** With RTX on {@code ssrc} and {@code payloadType}. */
    public SendConfig withRtx(long rtxSsrc, int rtxPayloadType) {
        return new SendConfig(ssrc, payloadType, clockRate, packetizerFactory, maxPacketSize, firstSequence, rtxSsrc,
                rtxPayloadType, historySize, reportIntervalNanos, cname, answersNacks);
    }

    /** Without retransmission of any kind: the peer did not negotiate NACK, so it never asks. */
    public SendConfig withoutNacks() {
        return new SendConfig(ssrc, payloadType, clockRate, packetizerFactory, maxPacketSize, firstSequence, -1, -1,
                historySize, reportIntervalNanos, cname, false);
    }
}
