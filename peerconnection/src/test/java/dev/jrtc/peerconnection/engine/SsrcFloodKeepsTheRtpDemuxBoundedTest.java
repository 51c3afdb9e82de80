package dev.jrtc.peerconnection.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.Clips;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.send.SendConfig;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A peer (or anyone who got the SRTP keys) sprays RTP from 10,000 random SSRCs, mixed into a real
 * VP8 stream. The demux's SSRC table must stay bounded, every flood packet must be counted as
 * unroutable, and the real stream must still arrive frame by frame, byte for byte.
 */
class SsrcFloodKeepsTheRtpDemuxBoundedTest {
    private static final long SENDER_SSRC = 0x1234_5678L;
    private static final RtpCodec VP8 = new RtpCodec(96, "VP8", 90_000, 1, Map.of(), List.of());

    private final Random random = new Random(9143);
    private long now = 1_000_000_000L;

    @Test
    void tenThousandRandomSsrcsAreDroppedWhileTheSignalledStreamContinues() {
        MediaSession sender = new MediaSession("0", MediaKind.VIDEO, VP8, () -> now, new SendConfig(SENDER_SSRC, 96,
                90_000, CodecSupport.packetizer(VP8, random::nextInt), 1200, 100, -1, -1, 1024, 1_000_000_000L, "a"),
                null, -1, 0x1111L, "a");
        MediaSession receiver = new MediaSession("0", MediaKind.VIDEO, VP8, () -> now, null, VP8, -1, 0x2222L, "b");
        receiver.bindRemote(SENDER_SSRC, -1); // signalled with a=ssrc
        RtpDemux demux = new RtpDemux();
        demux.add(receiver);
        demux.setExtensions(ExtensionMap.empty());

        List<byte[]> clip = Clips.vp8Frames();
        List<EncodedFrame> got = new ArrayList<>();
        int flooded = 0;
        long ts = 1000;
        for (int n = 0; n < clip.size() + 30; n++) { // a second more, for the pacer and jitter buffer
            if (n < clip.size()) {
                sender.sendFrame(now, clip.get(n), ts);
                ts += 3000;
            }
            sender.handleTimeout(now);
            List<byte[]> packets = new ArrayList<>();
            sender.drain(now, sinkInto(packets), e -> { });
            for (byte[] p : packets) {
                for (int i = 0; i < 10_000 / clip.size() + 1 && flooded < 10_000; i++, flooded++) {
                    byte[] junk = floodPacket();
                    demux.onRtp(now, junk, 0, junk.length);
                }
                demux.onRtp(now, p, 0, p.length);
                assertTrue(demux.knownSsrcs() <= 64, "SSRC table grew to " + demux.knownSsrcs());
            }
            now += 33_000_000L;
            receiver.handleTimeout(now);
            receiver.drain(now, sinkInto(new ArrayList<>()), e -> {
                if (e instanceof EngineEvent.FrameReceived f) {
                    got.add(f.frame());
                }
            });
        }

        assertEquals(10_000, flooded);
        assertEquals(10_000, demux.unroutable(), "every flood packet is counted");
        assertEquals(1, demux.knownSsrcs(), "only the real stream is remembered");
        assertEquals(0, receiver.receiveStream().drops().get(DropReason.UNKNOWN_STREAM),
                "no flood packet reached the receive stream");
        assertEquals(clip.size(), got.size());
        for (int i = 0; i < clip.size(); i++) {
            assertArrayEquals(clip.get(i), got.get(i).data(), "frame " + i);
        }
    }

    @Test
    void floodOnPayloadTypesNobodyReceivesIsCountedByTheRouter() {
        MediaSession receiver = new MediaSession("0", MediaKind.VIDEO, VP8, () -> now, null, VP8, -1, 0x2222L, "b");
        receiver.bindRemote(SENDER_SSRC, -1);
        RtpDemux demux = new RtpDemux();
        demux.add(receiver);
        for (int i = 0; i < 10_000; i++) {
            byte[] p = rtp(random.nextLong(1L << 32), 100 + random.nextInt(27));
            demux.onRtp(now, p, 0, p.length);
        }
        assertEquals(1, demux.knownSsrcs());
        assertEquals(Map.of(DropReason.UNKNOWN_STREAM, 10_000L), demux.drops());
        assertEquals(10_000, demux.unroutable());
    }

    @Test
    void rtcpByeFreesTheSsrcAndALaterPacketIsLearnedAgain() {
        MediaSession receiver = new MediaSession("0", MediaKind.VIDEO, VP8, () -> now, null, VP8, -1, 0x2222L, "b");
        RtpDemux demux = new RtpDemux();
        demux.add(receiver);
        byte[] first = rtp(SENDER_SSRC, 96);
        demux.onRtp(now, first, 0, first.length);
        assertEquals(SENDER_SSRC, receiver.remoteSsrc(), "learned from the payload type");
        assertEquals(1, demux.knownSsrcs());

        byte[] bye = dev.jrtc.rtp.rtcp.RtcpCompound.write(new dev.jrtc.rtp.rtcp.Bye(List.of(SENDER_SSRC), ""));
        demux.onRtcp(now, bye, 0, bye.length);
        assertEquals(0, demux.knownSsrcs());

        demux.onRtp(now, first, 0, first.length);
        assertEquals(1, demux.knownSsrcs());
        assertEquals(0, demux.unroutable());
    }

    private byte[] floodPacket() {
        // Half on the real payload type (the payload-type fallback would pick the real session),
        // half on payload types nobody receives.
        int pt = random.nextBoolean() ? 96 : 100 + random.nextInt(27);
        long ssrc;
        do {
            ssrc = random.nextLong(1L << 32);
        } while (ssrc == SENDER_SSRC);
        return rtp(ssrc, pt);
    }

    private byte[] rtp(long ssrc, int pt) {
        byte[] p = new byte[40];
        random.nextBytes(p);
        p[0] = (byte) 0x80;
        p[1] = (byte) pt;
        p[8] = (byte) (ssrc >>> 24);
        p[9] = (byte) (ssrc >>> 16);
        p[10] = (byte) (ssrc >>> 8);
        p[11] = (byte) ssrc;
        return p;
    }

    private static MediaSession.PacketSink sinkInto(List<byte[]> out) {
        return new MediaSession.PacketSink() {
            @Override
            public boolean sendRtp(long t, byte[] packet) {
                out.add(packet);
                return true;
            }

            @Override
            public boolean sendRtcp(long t, byte[] packet) {
                return true;
            }
        };
    }
}
