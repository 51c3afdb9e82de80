package dev.jrtc.sdp.jsep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.CorpusFiles;
import dev.jrtc.sdp.Group;
import dev.jrtc.sdp.IceCredentials;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.Setup;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** For every corpus offer, the answer we write has the shape JSEP and the browsers demand. */
class AnswersToCorpusOffersConformTest {
    static final LocalCapabilities LOCAL = LocalCapabilities.defaults(
            "jrtcUfrag", "jrtcPasswordOf24Chars+/x",
            "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");

    static Stream<Arguments> offers() {
        return CorpusFiles.all().stream()
                .filter(p -> CorpusFiles.isOffer(CorpusFiles.read(p)))
                .map(p -> Arguments.of(CorpusFiles.label(p), p));
    }

    private static SessionDescription answerTo(Path file) throws ParseException {
        SessionDescription offer = SessionDescription.parse(CorpusFiles.read(file));
        return AnswerFactory.createAnswer(offer, LOCAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void answerReparsesToItself(String label, Path file) throws ParseException {
        SessionDescription answer = answerTo(file);
        String text = answer.toSdpString();
        assertEquals(answer, SessionDescription.parse(text));
        assertTrue(text.startsWith("v=0\r\no=- "), text);
        assertTrue(text.contains("\r\ns=-\r\nt=0 0\r\n"), text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void answerHasTheOffersSectionsInOrderWithTheirMids(String label, Path file) throws ParseException {
        SessionDescription offer = SessionDescription.parse(CorpusFiles.read(file));
        SessionDescription answer = AnswerFactory.createAnswer(offer, LOCAL);
        assertEquals(offer.media().size(), answer.media().size());
        for (int i = 0; i < offer.media().size(); i++) {
            assertEquals(offer.media().get(i).kind(), answer.media().get(i).kind());
            assertEquals(offer.media().get(i).mid(), answer.media().get(i).mid());
            assertEquals(offer.media().get(i).mediaLine().proto(), answer.media().get(i).mediaLine().proto());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void answerBundlesWhenTheOfferBundles(String label, Path file) throws ParseException {
        SessionDescription offer = SessionDescription.parse(CorpusFiles.read(file));
        SessionDescription answer = AnswerFactory.createAnswer(offer, LOCAL);
        Optional<Group> offered = offer.bundleGroup();
        boolean anyAcceptedInBundle = offered.isPresent() && answer.media().stream()
                .anyMatch(m -> !m.isRejected() && m.mid().filter(offered.get().mids()::contains).isPresent());
        if (!anyAcceptedInBundle) {
            // Nothing bundled was accepted: an empty BUNDLE group would be malformed, so there is none.
            assertTrue(answer.bundleGroup().isEmpty(), answer.toSdpString());
            return;
        }
        List<String> mids = answer.bundleGroup().orElseThrow().mids();
        // Same order as the offer's group, and only accepted sections.
        assertEquals(offered.get().mids().stream().filter(mids::contains).toList(), mids);
        for (String mid : mids) {
            assertFalse(answer.mediaByMid(mid).orElseThrow().isRejected());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void acceptedSectionsCarryOurTransportAttributes(String label, Path file) throws ParseException {
        SessionDescription answer = answerTo(file);
        for (MediaDescription m : answer.media()) {
            if (m.isRejected()) {
                continue;
            }
            assertEquals(9, m.port());
            assertEquals(Optional.of(Setup.ACTIVE), m.attributes().setup());
            assertTrue(IceCredentials.isValidUfrag(m.attributes().iceUfrag().orElseThrow()));
            assertTrue(IceCredentials.isValidPwd(m.attributes().icePwd().orElseThrow()));
            assertFalse(m.attributes().fingerprints().isEmpty());
            assertEquals(List.of("trickle"), m.attributes().iceOptions());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void answerOnlyUsesOfferedCodecsUnderTheOfferedPayloadTypes(String label, Path file) throws ParseException {
        SessionDescription offer = SessionDescription.parse(CorpusFiles.read(file));
        SessionDescription answer = AnswerFactory.createAnswer(offer, LOCAL);
        for (int i = 0; i < offer.media().size(); i++) {
            List<RtpCodec> offered = offer.media().get(i).codecs();
            for (RtpCodec a : answer.media().get(i).codecs()) {
                assertTrue(offered.stream().anyMatch(o -> o.payloadType() == a.payloadType() && o.isNamed(a.name())
                        && o.clockRate() == a.clockRate()), label + ": " + a + " was not offered");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("offers")
    void videoSectionsAcceptVp8OrH264WhenOffered(String label, Path file) throws ParseException {
        SessionDescription offer = SessionDescription.parse(CorpusFiles.read(file));
        SessionDescription answer = AnswerFactory.createAnswer(offer, LOCAL);
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription a = answer.media().get(i);
            boolean offeredVp8OrH264 = offer.media().get(i).codecs().stream()
                    .anyMatch(c -> c.isNamed("VP8") || c.isNamed("H264"));
            if (a.kind().equals("video") && !a.isRejected() && offeredVp8OrH264) {
                assertTrue(a.codecs().stream().anyMatch(c -> c.isNamed("VP8") || c.isNamed("H264")));
            }
        }
    }

    /** Offers captured from real WebRTC producers; the RFC examples use plain RTP/AVP, which WebRTC rejects. */
    static Stream<Arguments> capturedOffers() {
        return offers().filter(a -> !((String) a.get()[0]).startsWith("rfc/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("capturedOffers")
    void capturedBrowserOffersAreAcceptedInFull(String label, Path file) throws ParseException {
        SessionDescription offer = SessionDescription.parse(CorpusFiles.read(file));
        SessionDescription answer = AnswerFactory.createAnswer(offer, LOCAL);
        for (int i = 0; i < offer.media().size(); i++) {
            if (!offer.media().get(i).isRejected()) {
                assertFalse(answer.media().get(i).isRejected(), label + " section " + i + " was rejected:\n" + answer);
            }
        }
    }
}
