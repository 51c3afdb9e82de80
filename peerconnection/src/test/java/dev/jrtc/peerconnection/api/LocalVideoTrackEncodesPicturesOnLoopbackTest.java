package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.video.I420Frame;
import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalVideoTrack} on loopback with H.264 negotiated: 30 coloured 320x240 pictures are
 * encoded, sent, and decoded by the other peer with the right size, colour and capture-time RTP
 * timestamps; a key-frame request from the receiver makes the next picture an IDR; and a VP8-only
 * negotiation is refused with a clear exception.
 */
class LocalVideoTrackEncodesPicturesOnLoopbackTest {
    private static final int FRAMES = 30;
    private static final long FRAME_NANOS = 40_000_000L; // 25 fps: 3600 ticks of 90 kHz
    private static final long TICKS_PER_FRAME = 3600;
    private static final int TOLERANCE = 24;
    private static final Color[] PALETTE = {
        new Color(220, 40, 40), new Color(40, 200, 60), new Color(40, 60, 220), new Color(230, 210, 40),
        new Color(200, 50, 200), new Color(40, 200, 210), new Color(128, 128, 128), new Color(240, 140, 30),
    };

    @Test
    void picturesArriveDecodedWithTheirColourAndAKeyFrameRequestGetsAnIdr() throws Exception {
        RTCPeerConnection sender = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection receiver = new RTCPeerConnection(RTCConfiguration.loopback());
        List<I420Frame> pictures = new CopyOnWriteArrayList<>();
        List<EncodedFrame> frames = new CopyOnWriteArrayList<>();
        CompletableFuture<RTCTrackEvent> trackEvent = new CompletableFuture<>();
        receiver.ontrack(e -> {
            e.track().onframe(frames::add);
            e.track().ondecodedframe(pictures::add);
            trackEvent.complete(e);
        });
        try {
            RTCRtpTransceiver video = sender.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            video.setCodecPreferences(List.of("H264"));
            CompletableFuture<Void> keyFrameRequested = new CompletableFuture<>();
            video.onkeyframerequest(() -> keyFrameRequested.complete(null));
            LocalVideoTrack track = video.encodingVideoTrack();
            Signalling.connect(sender, receiver);
            RTCTrackEvent event = trackEvent.get(5, TimeUnit.SECONDS);
            assertEquals("H264", event.track().codec());

            long base = System.nanoTime();
            for (int i = 0; i < FRAMES; i++) {
                assertTrue(track.sendImage(picture(PALETTE[i % PALETTE.length], i), base + i * FRAME_NANOS)
                        .get(5, TimeUnit.SECONDS));
                Thread.sleep(33);
            }
            awaitSize(pictures, FRAMES, 10);
            assertTrue(pictures.size() >= 25, "decoded " + pictures.size());
            for (I420Frame p : pictures) {
                assertEquals(320, p.width());
                assertEquals(240, p.height());
                long ts = p.rtpTimestamp();
                assertEquals(0, ts % TICKS_PER_FRAME, "timestamp " + ts + " is not a capture time");
                int index = (int) (ts / TICKS_PER_FRAME);
                assertTrue(index < FRAMES, "timestamp " + ts);
                assertColour(PALETTE[index % PALETTE.length], p.toBufferedImage().getRGB(160, 120), index);
            }
            assertTrue(frames.get(0).keyFrame() && frames.get(0).rtpTimestamp() == 0, "first frame is an IDR");
            long keyFramesBefore = frames.stream().filter(EncodedFrame::keyFrame).count();

            Thread.sleep(600); // past the PLI rate limit
            event.transceiver().receiver().requestKeyFrame();
            keyFrameRequested.get(5, TimeUnit.SECONDS);
            int sentBefore = frames.size();
            long later = base + FRAMES * FRAME_NANOS;
            assertTrue(track.sendImage(picture(Color.WHITE, 0), later).get(5, TimeUnit.SECONDS));
            awaitSize(frames, sentBefore + 1, 5);
            EncodedFrame answer = frames.get(frames.size() - 1);
            assertTrue(answer.keyFrame(), "the picture after a PLI is an IDR");
            assertEquals(FRAMES * TICKS_PER_FRAME, answer.rtpTimestamp());
            assertEquals(keyFramesBefore + 1, frames.stream().filter(EncodedFrame::keyFrame).count());
            // the picture after the IDR is not one: the request is answered once
            assertTrue(track.sendImage(picture(Color.WHITE, 0), later + FRAME_NANOS).get(5, TimeUnit.SECONDS));
            awaitSize(frames, sentBefore + 2, 5);
            assertTrue(!frames.get(frames.size() - 1).keyFrame());
        } finally {
            sender.close();
            receiver.close();
        }
    }

    @Test
    void vp8OnlyNegotiationIsRefusedClearly() throws Exception {
        RTCPeerConnection sender = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection receiver = new RTCPeerConnection(RTCConfiguration.loopback());
        try {
            RTCRtpTransceiver video = sender.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            video.setCodecPreferences(List.of("VP8"));
            LocalVideoTrack track = video.encodingVideoTrack();
            BufferedImage image = picture(Color.RED, 0);
            IllegalStateException early = assertThrows(IllegalStateException.class, () -> track.sendImage(image, 0));
            assertTrue(early.getMessage().contains("not negotiated"), early.getMessage());
            Signalling.connect(sender, receiver);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> track.sendImage(image, 0));
            assertTrue(e.getMessage().contains("VP8") && e.getMessage().contains("no encoder"), e.getMessage());
            I420Frame frame = I420Frame.fromBufferedImage(image);
            assertThrows(IllegalStateException.class, () -> track.sendFrame(frame, 0));
        } finally {
            sender.close();
            receiver.close();
        }
    }

    @Test
    void audioTransceiversHaveNoEncodingVideoTrack() {
        RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback());
        try {
            RTCRtpTransceiver audio = pc.addTransceiver(MediaKind.AUDIO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            assertThrows(IllegalArgumentException.class, audio::encodingVideoTrack);
        } finally {
            pc.close();
        }
    }

    /** A solid picture with a white bar at the top whose width tells the frame number. */
    private static BufferedImage picture(Color colour, int number) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(colour);
            g.fillRect(0, 0, 320, 240);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 16 + number * 8, 16);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void assertColour(Color expected, int rgb, int index) {
        Color got = new Color(rgb);
        String what = "frame " + index + ": sent " + expected + ", decoded " + got;
        assertTrue(Math.abs(got.getRed() - expected.getRed()) <= TOLERANCE, what);
        assertTrue(Math.abs(got.getGreen() - expected.getGreen()) <= TOLERANCE, what);
        assertTrue(Math.abs(got.getBlue() - expected.getBlue()) <= TOLERANCE, what);
    }

    private static void awaitSize(List<?> list, int size, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (list.size() < size && System.nanoTime() < end) {
            Thread.sleep(20);
        }
    }
}
