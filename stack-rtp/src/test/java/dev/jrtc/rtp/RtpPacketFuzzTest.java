package dev.jrtc.rtp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.jrtc.common.ParseException;
import dev.jrtc.common.VirtualClock;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionReader;
import dev.jrtc.rtp.ext.ExtensionType;
import dev.jrtc.rtp.receive.ReceiveConfig;
import dev.jrtc.rtp.receive.ReceiveStream;
import java.util.Map;

/**
 * Any bytes given to the RTP view either parse into offsets that stay inside the slice, or are
 * rejected with {@link ParseException}; a receive stream fed them never throws. Plain
 * {@code mvn verify} replays the committed inputs; {@code JAZZER_FUZZ=1} fuzzes.
 */
class RtpPacketFuzzTest {
    private static final ExtensionReader READER = new ExtensionReader(ExtensionMap.of(Map.of(
            ExtensionType.TRANSPORT_SEQUENCE_NUMBER, 1, ExtensionType.ABS_SEND_TIME, 2, ExtensionType.AUDIO_LEVEL, 3,
            ExtensionType.VIDEO_ORIENTATION, 4, ExtensionType.PLAYOUT_DELAY, 5, ExtensionType.MID, 6, ExtensionType.RID, 7)));

    @FuzzTest(maxDuration = "30s")
    void parseNeverThrowsUnexpectedly(FuzzedDataProvider data) {
        int offset = data.consumeInt(0, 4);
        byte[] b = data.consumeRemainingAsBytes();
        int len = Math.max(0, b.length - offset);
        RtpPacket p = new RtpPacket();
        try {
            p.parse(b, offset, len);
        } catch (ParseException rejected) {
            return;
        }
        int end = offset + len;
        check(p.payloadOffset() + p.payloadLength() + p.paddingLength() == end, "payload, padding and end agree");
        check(p.payloadOffset() >= offset + RtpPacket.FIXED_HEADER_LENGTH, "payload after the header");
        for (int i = 0; i < p.elementCount(); i++) {
            int id = p.elementId(i);
            check(p.elementOffset(id) >= offset && p.elementOffset(id) + p.elementLength(id) <= p.payloadOffset(), "element inside the header");
        }
        READER.transportSequenceNumber(p);
        READER.absSendTime(p);
        READER.audioLevel(p);
        READER.videoOrientation(p);
        READER.playoutDelay(p);
        READER.mid(p);
        READER.rid(p);
        ReceiveStream rx = new ReceiveStream(ReceiveConfig.of(1, p.ssrc(), p.payloadType(), 90_000, Vp8Depacketizer::new), new VirtualClock());
        rx.handleRtp(1, b, offset, len);
        rx.handleTimeout(5_000_000_000L);
        while (!(rx.poll() instanceof dev.jrtc.common.Deadline)) {
            // drain
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
