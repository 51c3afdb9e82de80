package dev.jrtc.peerconnection.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.peerconnection.engine.EncodedFrame;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Peer connections share a bounded set of event loops instead of a thread each, and each stays on
 * one loop: by default the process-wide loops (at most one per core), or a group the application
 * passes in.
 */
class ConnectionsShareBoundedEventLoopsTest {

    @Test
    void manyConnectionsUseAtMostOneSharedLoopPerCoreAndEachStaysOnItsLoop() throws Exception {
        List<RTCPeerConnection> all = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RTCPeerConnection a = new RTCPeerConnection(RTCConfiguration.loopback());
                RTCPeerConnection b = new RTCPeerConnection(RTCConfiguration.loopback());
                all.add(a);
                all.add(b);
                a.createDataChannel("x");
                Signalling.connect(a, b);
            }
            for (int i = 0; i < 10; i++) {
                all.add(new RTCPeerConnection(RTCConfiguration.loopback()));
            }
            Set<String> loopsUsed = new HashSet<>();
            for (RTCPeerConnection pc : all) {
                Set<String> ranOn = new HashSet<>();
                for (int k = 0; k < 5; k++) {
                    ranOn.add(pc.loop().query(() -> Thread.currentThread().getName()).get(5, TimeUnit.SECONDS));
                }
                assertEquals(1, ranOn.size(), "one connection ran on " + ranOn);
                assertTrue(ranOn.iterator().next().startsWith("jrtc-loop-"), "ran on " + ranOn);
                loopsUsed.addAll(ranOn);
            }
            int cores = Runtime.getRuntime().availableProcessors();
            assertTrue(loopsUsed.size() <= cores, all.size() + " connections on " + loopsUsed + ", " + cores + " cores");
            long loopThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("jrtc-loop-")).count();
            assertTrue(loopThreads <= cores, loopThreads + " shared loop threads on " + cores + " cores");
        } finally {
            all.forEach(RTCPeerConnection::close);
        }
    }

    @Test
    void connectionsRunOnTheApplicationsOwnGroup() throws Exception {
        EventLoopGroup own = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("app-loop", true), NioIoHandler.newFactory());
        RTCPeerConnection sender = new RTCPeerConnection(RTCConfiguration.loopback().withEventLoopGroup(own));
        RTCPeerConnection receiver = new RTCPeerConnection(RTCConfiguration.loopback().withEventLoopGroup(own));
        Set<String> frameThreads = ConcurrentHashMap.newKeySet();
        CountDownLatch frames = new CountDownLatch(5);
        try {
            receiver.ontrack(e -> e.track().onframe((EncodedFrame f) -> {
                frameThreads.add(Thread.currentThread().getName());
                frames.countDown();
            }));
            RTCRtpTransceiver video = sender.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY));
            Signalling.connect(sender, receiver);
            byte[] key = {0x10, 0x02, 0x00, (byte) 0x9d, 0x01, 0x2a, 0x40, 0x01, (byte) 0xf0, 0x00, 0x01, 0x02};
            byte[] inter = {0x11, 0x02, 0x03, 0x04, 0x05};
            for (int i = 0; i < 10 && frames.getCount() > 0; i++) {
                video.sendFrame(i == 0 ? key : inter, i * 3000L).get(5, TimeUnit.SECONDS);
                Thread.sleep(20);
            }
            assertTrue(frames.await(10, TimeUnit.SECONDS), "frames arrived");
        } finally {
            sender.close();
            receiver.close();
            own.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        }
        assertEquals(1, frameThreads.size(), "frames delivered on " + frameThreads);
        assertTrue(frameThreads.iterator().next().startsWith("app-loop"), "frames delivered on " + frameThreads);
    }
}
