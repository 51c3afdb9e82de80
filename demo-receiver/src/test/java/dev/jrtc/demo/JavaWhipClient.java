package dev.jrtc.demo;

import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.peerconnection.api.RTCRtpTransceiverInit;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A jrtc peer connection acting as a WHIP client that sends a VP8 clip in a loop. */
final class JavaWhipClient implements AutoCloseable {
    final RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback());
    final RTCRtpTransceiver video = pc.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    final List<RTCIceCandidate> candidates = new CopyOnWriteArrayList<>();
    private volatile boolean sending;
    private Thread sender;

    JavaWhipClient() {
        pc.onconnectionstatechange(s -> {
            if (s == ConnectionState.CONNECTED) {
                connected.complete(null);
            }
        });
        pc.onicecandidate(c -> {
            if (c != null) {
                candidates.add(c);
            }
        });
    }

    /** An offer; with {@code complete}, after gathering so that it carries every candidate. */
    String offer(boolean complete) throws Exception {
        RTCSessionDescription offer = pc.createOffer().get(5, TimeUnit.SECONDS);
        pc.setLocalDescription(offer).get(5, TimeUnit.SECONDS);
        if (complete) {
            pc.gatheringComplete().get(5, TimeUnit.SECONDS);
            return pc.localDescription().orElseThrow().sdp();
        }
        return offer.sdp();
    }

    void answer(String sdp) throws Exception {
        pc.setRemoteDescription(new RTCSessionDescription(SdpType.ANSWER, sdp)).get(5, TimeUnit.SECONDS);
    }

    /** The client's candidates as a trickle-ice-sdpfrag body. */
    String trickleFragment() throws Exception {
        pc.gatheringComplete().get(5, TimeUnit.SECONDS);
        String sdp = pc.localDescription().orElseThrow().sdp();
        StringBuilder b = new StringBuilder();
        sdp.lines().filter(l -> l.startsWith("a=ice-ufrag:") || l.startsWith("a=ice-pwd:")).distinct()
                .forEach(l -> b.append(l).append("\r\n"));
        b.append("m=video 9 UDP/TLS/RTP/SAVPF 0\r\n");
        b.append("a=mid:").append(video.mid().orElseThrow()).append("\r\n");
        for (RTCIceCandidate c : candidates) {
            b.append("a=").append(c.candidate()).append("\r\n");
        }
        b.append("a=end-of-candidates\r\n");
        return b.toString();
    }

    /** Starts sending the clip at 30 frames a second, looping. */
    void startSending() {
        List<byte[]> frames = clip();
        sending = true;
        sender = new Thread(() -> {
            long ts = 0;
            int i = 0;
            while (sending) {
                video.sendFrame(frames.get(i % frames.size()), ts);
                ts += 3000;
                i++;
                try {
                    Thread.sleep(33);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "whip-client-sender");
        sender.setDaemon(true);
        sender.start();
    }

    @Override
    public void close() {
        sending = false;
        if (sender != null) {
            sender.interrupt();
        }
        pc.close();
    }

    /** The 60 frames of the 320x240 test clip (a key frame every 15). */
    static List<byte[]> clip() {
        try (InputStream in = JavaWhipClient.class.getResourceAsStream("/dev/jrtc/demo/vp8-320x240-60f.ivf")) {
            ByteBuffer b = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            b.position(b.getShort(6));
            List<byte[]> frames = new ArrayList<>();
            while (b.remaining() >= 12) {
                int size = b.getInt();
                b.getLong();
                byte[] f = new byte[size];
                b.get(f);
                frames.add(f);
            }
            return frames;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
