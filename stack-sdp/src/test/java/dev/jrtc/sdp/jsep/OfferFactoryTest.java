package dev.jrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.Msid;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.Setup;
import dev.jrtc.sdp.SsrcGroup;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Offers we write look like a browser's, and an answerer with the same capabilities accepts all of them. */
class OfferFactoryTest {
    private static final LocalTrack MIC = LocalTrack.of(MediaKind.AUDIO, "stream", "mic").withSsrc(1111);
    private static final LocalTrack CAM = LocalTrack.of(MediaKind.VIDEO, "stream", "cam").withSsrcs(2222, 3333);

    private static SessionDescription offer() {
        return OfferFactory.createOffer(JsepSdps.LOCAL, List.of(
                new OfferSection.Rtp("0", MediaKind.AUDIO, Direction.SENDRECV, Optional.of(MIC)),
                new OfferSection.Rtp("1", MediaKind.VIDEO, Direction.SENDRECV, Optional.of(CAM)),
                new OfferSection.Rtp("2", MediaKind.VIDEO, Direction.RECVONLY, Optional.empty()),
                new OfferSection.DataChannel("3")));
    }

    @Test
    void offerHasTheBrowserSessionShape() throws ParseException {
        String text = offer().toSdpString();
        assertTrue(text.startsWith("v=0\r\no=- " + JsepSdps.LOCAL.sessionId() + " 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "a=group:BUNDLE 0 1 2 3\r\na=extmap-allow-mixed\r\na=msid-semantic: WMS stream\r\n"), text);
        assertEquals(offer(), SessionDescription.parse(text));
    }

    @Test
    void everySectionHasPort9ActpassAndOurCredentials() {
        for (MediaDescription m : offer().media()) {
            assertEquals(9, m.port());
            assertEquals(Optional.of(Setup.ACTPASS), m.attributes().setup());
            assertEquals(Optional.of("ourU"), m.attributes().iceUfrag());
            assertEquals(List.of("trickle"), m.attributes().iceOptions());
            assertEquals("IN IP4 0.0.0.0", m.connection().orElseThrow().text());
        }
    }

    @Test
    void rtpSectionsCarryCodecsTracksAndSsrcs() {
        SessionDescription o = offer();
        MediaDescription video = o.media().get(1);
        assertEquals("UDP/TLS/RTP/SAVPF", video.mediaLine().proto());
        assertEquals(JsepSdps.LOCAL.codecs(MediaKind.VIDEO).size(), video.codecs().size());
        assertEquals(List.of(Msid.of("stream", "cam")), video.attributes().msids());
        assertEquals(List.of(new SsrcGroup("FID", List.of(2222L, 3333L))), video.attributes().ssrcGroups());
        assertTrue(video.attributes().has("rtcp-mux") && video.attributes().has("rtcp-rsize"));
        MediaDescription recvOnly = o.media().get(2);
        assertEquals(Optional.of(Direction.RECVONLY), recvOnly.direction());
        assertTrue(recvOnly.attributes().msids().isEmpty());
        assertTrue(recvOnly.attributes().ssrcs().isEmpty());
        assertEquals(Optional.of("sendrecv"), o.media().get(0).direction().map(Direction::token));
    }

    @Test
    void answeringOurOwnOfferAcceptsEverySection() throws ParseException {
        LocalCapabilities peer = LocalCapabilities.defaults("peerU", "peerPasswordIs22CharsX", JsepSdps.FINGERPRINT)
                .withTracks(List.of(LocalTrack.of(MediaKind.VIDEO, "s2", "v2")));
        SessionDescription answer = AnswerFactory.createAnswer(SessionDescription.parse(offer().toSdpString()), peer);
        for (MediaDescription m : answer.media()) {
            assertFalse(m.isRejected(), m.toString());
            assertEquals(Optional.of(Setup.ACTIVE), m.attributes().setup());
        }
        assertEquals(List.of("0", "1", "2", "3"), answer.bundleGroup().orElseThrow().mids());
        assertEquals(Optional.of(Direction.RECVONLY), answer.media().get(0).direction());
        // The peer's one video track goes to the first video section it can send on.
        assertEquals(Optional.of(Direction.SENDRECV), answer.media().get(1).direction());
        assertEquals(List.of(Msid.of("s2", "v2")), answer.media().get(1).attributes().msids());
        // Offer recvonly: with no track left, the answer is inactive.
        assertEquals(Optional.of(Direction.INACTIVE), answer.media().get(2).direction());
        assertEquals(answer.media().get(1).codecs().size(), offer().media().get(1).codecs().size());
    }

    @Test
    void aTrackIsNotPlacedWhereTheOffererWillNotReceive() throws ParseException {
        SessionDescription sendOnlyOffer = OfferFactory.createOffer(JsepSdps.LOCAL, List.of(
                new OfferSection.Rtp("a", MediaKind.AUDIO, Direction.SENDONLY, Optional.of(MIC)),
                new OfferSection.Rtp("b", MediaKind.AUDIO, Direction.SENDRECV, Optional.empty())));
        LocalCapabilities peer = JsepSdps.LOCAL.withTracks(List.of(LocalTrack.of(MediaKind.AUDIO, "s", "t")));
        SessionDescription answer = AnswerFactory.createAnswer(sendOnlyOffer, peer);
        assertEquals(Optional.of(Direction.RECVONLY), answer.media().get(0).direction());
        assertEquals(Optional.of(Direction.SENDRECV), answer.media().get(1).direction());
        assertEquals(List.of(Msid.of("s", "t")), answer.media().get(1).attributes().msids());
    }

    @Test
    void directionWishOverridesTheTrackRule() throws ParseException {
        LocalCapabilities peer = JsepSdps.LOCAL.withDirectionWish(MediaKind.VIDEO, Direction.INACTIVE);
        SessionDescription answer = AnswerFactory.createAnswer(offer(), peer);
        assertEquals(Optional.of(Direction.INACTIVE), answer.media().get(1).direction());
        assertEquals(Optional.of(Direction.RECVONLY), answer.media().get(0).direction());
    }

    @Test
    void invalidSectionListsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> OfferFactory.createOffer(JsepSdps.LOCAL, List.of(
                new OfferSection.DataChannel("x"), new OfferSection.Rtp("x", MediaKind.AUDIO, Direction.SENDRECV, Optional.empty()))));
        assertThrows(IllegalArgumentException.class, () -> OfferFactory.createOffer(
                JsepSdps.LOCAL.withDataChannel(Optional.empty()), List.of(new OfferSection.DataChannel("d"))));
        assertThrows(IllegalArgumentException.class,
                () -> new OfferSection.Rtp("v", MediaKind.VIDEO, Direction.SENDRECV, Optional.of(MIC)));
    }

    @Test
    void defaultsAreRepeatableForTheSameCredentials() {
        LocalCapabilities again = LocalCapabilities.defaults("ourU", "ourPasswordIs22CharsLong", JsepSdps.FINGERPRINT);
        assertEquals(JsepSdps.LOCAL.sessionId(), again.sessionId());
        assertEquals(JsepSdps.LOCAL.cname(), again.cname());
        assertTrue(JsepSdps.LOCAL.sessionId() > 0);
    }
}
