package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.media.video.I420Frame;
import dev.jrtc.peerconnection.Clips;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code RemoteTrack.ondecodedframe} on loopback: a stream that starts without a key frame makes
 * the decoder ask for one (PLI, seen by the sender's {@code onkeyframerequest}); after the sender
 * answers with the clip from its key frame, every picture decodes at 320x240, and the
 * {@code inbound-rtp} stats count framesDecoded, keyFramesDecoded, frameWidth, frameHeight and the PLI.
 */
class DecodedFramesFromALoopbackCallTest {

    @Test
    void decodedPicturesArriveAndTheDecoderAsksForAKeyFrame() throws Exception {
        List<byte[]> clip = Clips.vp8Frames();
        RTCPeerConnection sender = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection receiver = new RTCPeerConnection(RTCConfiguration.loopback());
        List<I420Frame> pictures = new CopyOnWriteArrayList<>();
        CompletableFuture<RemoteTrack> track = new CompletableFuture<>();
        receiver.ontrack(e -> {
            e.track().ondecodedframe(pictures::add);
            track.complete(e.track());
        });
        try {
            RTCRtpTransceiver video = sender.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            CompletableFuture<Void> keyFrameRequested = new CompletableFuture<>();
            video.onkeyframerequest(() -> keyFrameRequested.complete(null));
            Signalling.connect(sender, receiver);
            track.get(5, TimeUnit.SECONDS);

            long ts = 0;
            for (byte[] frame : clip) {
                video.sendFrame(frame, ts).get(5, TimeUnit.SECONDS);
                ts += 3000;
                Thread.sleep(33);
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pictures.size() < clip.size() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(clip.size(), pictures.size());
            for (I420Frame p : pictures) {
                assertEquals(320, p.width());
                assertEquals(240, p.height());
            }

            RTCStats inbound = receiver.getStats().get(5, TimeUnit.SECONDS).ofType("inbound-rtp").get(0);
            assertEquals((long) pictures.size(), inbound.get("framesDecoded"));
            assertEquals(3L, inbound.get("keyFramesDecoded"));
            assertEquals(320L, inbound.get("frameWidth"));
            assertEquals(240L, inbound.get("frameHeight"));
            assertEquals(0L, inbound.get("pliCount"));
            assertTrue(!keyFrameRequested.isDone());

            // A key frame cut short reaches the decoder intact from RTP's point of view; the decoder
            // fails on it and asks for a key frame, which goes out as a PLI.
            Thread.sleep(600); // past the PLI rate limit
            video.sendFrame(java.util.Arrays.copyOf(clip.get(0), 40), ts).get(5, TimeUnit.SECONDS);
            keyFrameRequested.get(5, TimeUnit.SECONDS);
            RTCStats after = receiver.getStats().get(5, TimeUnit.SECONDS).ofType("inbound-rtp").get(0);
            assertEquals(1L, after.get("pliCount"), after.toJson());
            assertEquals(31L, after.get("framesReceived"));
            assertEquals((long) clip.size(), after.get("framesDecoded"));
        } finally {
            sender.close();
            receiver.close();
        }
    }

    @Test
    void audioTracksDoNotDecodeToPictures() throws Exception {
        RTCPeerConnection sender = new RTCPeerConnection(RTCConfiguration.loopback());
        RTCPeerConnection receiver = new RTCPeerConnection(RTCConfiguration.loopback());
        CompletableFuture<RemoteTrack> track = new CompletableFuture<>();
        receiver.ontrack(e -> track.complete(e.track()));
        try {
            sender.addTransceiver(MediaKind.AUDIO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            Signalling.connect(sender, receiver);
            RemoteTrack audio = track.get(5, TimeUnit.SECONDS);
            assertThrows(UnsupportedOperationException.class, () -> audio.ondecodedframe(p -> { }));
        } finally {
            sender.close();
            receiver.close();
        }
    }
}
