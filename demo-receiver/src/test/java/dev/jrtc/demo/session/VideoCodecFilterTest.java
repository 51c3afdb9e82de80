package dev.jrtc.demo.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

/** Narrowing a browser-like offer's video to H.264 for the sending side. */
class VideoCodecFilterTest {
    private static final String OFFER = String.join("\r\n",
            "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1",
            "m=video 9 UDP/TLS/RTP/SAVPF 96 97 102 103 108 109 35",
            "c=IN IP4 0.0.0.0", "a=mid:0", "a=recvonly",
            "a=rtpmap:96 VP8/90000", "a=rtcp-fb:96 nack", "a=rtpmap:97 rtx/90000", "a=fmtp:97 apt=96",
            "a=rtpmap:102 H264/90000", "a=rtcp-fb:102 nack pli",
            "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f",
            "a=rtpmap:103 rtx/90000", "a=fmtp:103 apt=102",
            "a=rtpmap:108 H264/90000", "a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=640c1f",
            "a=rtpmap:109 rtx/90000", "a=fmtp:109 apt=108",
            "a=rtpmap:35 AV1/90000",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111", "c=IN IP4 0.0.0.0", "a=mid:1", "a=recvonly", "a=rtpmap:111 opus/48000/2",
            "") ;

    @Test
    void onlyBaselineH264AndItsRtxAreLeftInTheVideoSection() throws Exception {
        String out = VideoCodecFilter.keepOnly(OFFER, "H264");
        assertTrue(out.contains("m=video 9 UDP/TLS/RTP/SAVPF 102 103\r\n"), out);
        assertFalse(out.contains("VP8") || out.contains("AV1") || out.contains(":108 ") || out.contains("apt=96"), out);
        assertTrue(out.contains("a=rtcp-fb:102 nack pli"), out);
        assertTrue(out.endsWith("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=mid:1\r\na=recvonly\r\n"
                + "a=rtpmap:111 opus/48000/2\r\n"), "the audio section changed:\n" + out);
        assertEquals(2, SessionDescription.parse(out).media().size());
    }

    @Test
    void anOfferWithoutTheCodecIsRejectedWithTheReason() {
        String vp8Only = OFFER.replace("a=rtpmap:102 H264/90000", "a=rtpmap:102 VP9/90000")
                .replace("a=rtpmap:108 H264/90000", "a=rtpmap:108 VP9/90000");
        OfferRejectedException e = assertThrows(OfferRejectedException.class, () -> VideoCodecFilter.keepOnly(vp8Only, "H264"));
        assertTrue(e.getMessage().contains("H264"), e.getMessage());
    }
}
