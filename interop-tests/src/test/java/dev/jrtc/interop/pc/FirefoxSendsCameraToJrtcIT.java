package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrtc.interop.HeadlessFirefox;
import dev.jrtc.interop.LocalTestServer;
import dev.jrtc.srtp.SrtpProfile;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Headless Firefox ESR offers its fake camera as sendonly VP8 and its fake microphone as Opus,
 * with max-bundle (the page of {@link ChromiumSendsCameraToJrtcIT}); a jrtc RTCPeerConnection
 * answers ({@link BrowserSendsToJrtc}). Firefox's host candidates are on the namespace's veth
 * ({@value JrtcPeer#VETH_HOST}), so jrtc binds that address too (and loopback, which Firefox also
 * offers with {@code media.peerconnection.ice.loopback}). NSS offers DTLS 1.3 in its ClientHello
 * and must settle on DTLS 1.2 with jrtc. Firefox starts its 640x480 fake camera at a lower
 * resolution while its bandwidth estimate is low, so the frames must declare the size Firefox says
 * it encoded. Counts: {@code -Djrtc.interop.frames=N},
 * {@code -Djrtc.interop.audioPackets=N}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FirefoxSendsCameraToJrtcIT {
    private static final int FRAMES = Integer.getInteger("jrtc.interop.frames", 30);
    private static final int AUDIO_PACKETS = Integer.getInteger("jrtc.interop.audioPackets", 50);

    @Test
    void firefoxCameraAndMicrophoneArriveAtJrtcOverSrtp() throws Exception {
        try (LocalTestServer server = LocalTestServer.start();
                HeadlessFirefox firefox = HeadlessFirefox.open(server.pageUri("chromium-sends-camera.html", "audio=1"));
                JrtcPeer jrtc = new JrtcPeer(JrtcPeer.onVethAndLoopback())) {
            BrowserSendsToJrtc.run(server, "firefox", firefox::logTail, jrtc,
                    new BrowserSendsToJrtc.Expected("VP8", null, FRAMES, AUDIO_PACKETS));
            // NSS, the DTLS server here, puts AEAD_AES_128_GCM first; jrtc offers it.
            assertEquals(SrtpProfile.AEAD_AES_128_GCM, jrtc.pc().srtpProfile().orElseThrow());
        }
    }
}
