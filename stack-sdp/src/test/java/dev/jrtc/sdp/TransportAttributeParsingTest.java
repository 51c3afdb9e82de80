package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** fingerprint, setup, group, ICE attributes, direction, sctp and their session-level fallbacks. */
class TransportAttributeParsingTest {
    @Test
    void fingerprintsOfAnyHashAreKeptAndDecoded() throws ParseException {
        Fingerprint f = Fingerprint.parse("sha-1 A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1:B2:C3:D4");
        assertEquals("sha-1", f.hashFunction());
        assertEquals(20, f.digest().length);
        assertEquals((byte) 0xA1, f.digest()[0]);
        Fingerprint upper = Fingerprint.parse("SHA-256 " + "ab:".repeat(31) + "ab");
        assertTrue(upper.matches("sha-256", upper.digest()));
        // An unknown hash function is kept, whatever its length.
        assertEquals(3, Fingerprint.parse("x-future 01:02:03").digest().length);
        // Written case is kept: the lower-case form is not rewritten to upper case.
        assertEquals("ab:".repeat(31) + "ab", upper.hex());
        assertEquals("AB:".repeat(31) + "AB", Fingerprint.of("SHA-256", upper.digest()).hex());
    }

    @Test
    void fingerprintFromDigestIsUpperCaseHexPairs() {
        assertEquals("sha-256 " + "0A:".repeat(31) + "0A", Fingerprint.of("sha-256", filled(32, 0x0a)).attributeValue());
        assertArrayEquals(filled(32, 0x0a), Fingerprint.of("sha-256", filled(32, 0x0a)).digest());
    }

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) v);
        return b;
    }

    @Test
    void severalFingerprintsInOneSectionAreAllReturned() throws ParseException {
        MediaDescription m = Sdps.section("m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
                "a=fingerprint:sha-256 " + "11:".repeat(31) + "11",
                "a=fingerprint:sha-384 " + "22:".repeat(47) + "22");
        assertEquals(List.of("sha-256", "sha-384"),
                m.attributes().fingerprints().stream().map(Fingerprint::hashFunction).toList());
    }

    @Test
    void setupRolesParse() throws ParseException {
        assertEquals(Setup.ACTPASS, Setup.parse("actpass"));
        assertEquals(Setup.ACTIVE, Setup.parse("active"));
        assertEquals(Setup.PASSIVE, Setup.parse("passive"));
        assertEquals(Setup.HOLDCONN, Setup.parse("holdconn"));
        assertThrows(ParseException.class, () -> Setup.parse("ACTIVE"));
    }

    @Test
    void bundleGroupKeepsMidOrder() throws ParseException {
        SessionDescription sd = Sdps.parse("a=group:LS a v", "a=group:BUNDLE video0 audio1 application2");
        assertEquals(List.of("video0", "audio1", "application2"), sd.bundleGroup().orElseThrow().mids());
        assertEquals(2, sd.attributes().groups().size());
        assertTrue(Group.parse("BUNDLE").mids().isEmpty());
    }

    @Test
    void iceAttributesAtMediaLevelOverrideSessionLevel() throws ParseException {
        SessionDescription sd = Sdps.parse("a=ice-ufrag:sess", "a=ice-pwd:sessionpasswordsessionpw",
                "a=ice-options:trickle", "a=ice-lite",
                "m=audio 9 UDP/TLS/RTP/SAVPF 0", "a=ice-ufrag:med1", "a=end-of-candidates",
                "m=audio 9 UDP/TLS/RTP/SAVPF 0");
        assertTrue(sd.isIceLite());
        assertEquals(Optional.of("med1"), sd.iceUfragOf(sd.media().get(0)));
        assertEquals(Optional.of("sess"), sd.iceUfragOf(sd.media().get(1)));
        assertEquals(Optional.of("sessionpasswordsessionpw"), sd.icePwdOf(sd.media().get(0)));
        assertEquals(List.of("trickle"), sd.iceOptionsOf(sd.media().get(1)));
        assertTrue(sd.media().get(0).attributes().has(AttributeList.END_OF_CANDIDATES));
    }

    @Test
    void directionFallsBackToSessionThenSendrecv() throws ParseException {
        SessionDescription sd = Sdps.parse("a=sendonly", "m=audio 9 RTP/AVP 0", "a=inactive", "m=audio 9 RTP/AVP 0");
        assertEquals(Direction.INACTIVE, sd.directionOf(sd.media().get(0)));
        assertEquals(Direction.SENDONLY, sd.directionOf(sd.media().get(1)));
        SessionDescription none = Sdps.parse("m=audio 9 RTP/AVP 0");
        assertEquals(Direction.SENDRECV, none.directionOf(none.media().get(0)));
    }

    @Test
    void eachDirectionAttributeIsRead() throws ParseException {
        for (Direction d : Direction.values()) {
            assertEquals(Optional.of(d), Sdps.section("m=audio 9 RTP/AVP 0", "a=" + d.token()).direction());
        }
    }

    @Test
    void rtcpMuxRsizeAndSctpAttributesAreRead() throws ParseException {
        MediaDescription m = Sdps.section("m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
                "a=sctp-port:5000", "a=max-message-size:1073741823", "a=rtcp-mux", "a=rtcp-rsize");
        assertEquals(OptionalInt.of(5000), m.attributes().sctpPort());
        assertEquals(OptionalLong.of(1073741823L), m.attributes().maxMessageSize());
        assertTrue(m.attributes().has(AttributeList.RTCP_MUX));
        assertTrue(m.attributes().has(AttributeList.RTCP_RSIZE));
    }

    @Test
    void portZeroRejectsUnlessBundleOnly() throws ParseException {
        SessionDescription sd = Sdps.parse("m=audio 0 RTP/AVP 0", "m=video 0 UDP/TLS/RTP/SAVPF 96", "a=bundle-only");
        assertTrue(sd.media().get(0).isRejected());
        assertFalse(sd.media().get(1).isRejected());
        assertTrue(sd.media().get(1).isBundleOnly());
    }

    @Test
    void mediaLineWithPortCountAndNonRtpFormats() throws ParseException {
        MediaLine ml = MediaLine.parse("video 49170/2 RTP/AVP 31");
        assertEquals(OptionalInt.of(2), ml.numberOfPorts());
        assertEquals("video 49170/2 RTP/AVP 31", ml.text());
        assertEquals(List.of("webrtc-datachannel"), MediaLine.parse("application 9 UDP/DTLS/SCTP webrtc-datachannel").formats());
    }

    @Test
    void iceCredentialsCheckRfc8839Lengths() {
        assertTrue(IceCredentials.isValidUfrag("abcd"));
        assertFalse(IceCredentials.isValidUfrag("abc"));
        assertTrue(IceCredentials.isValidPwd("a".repeat(22)));
        assertFalse(IceCredentials.isValidPwd("a".repeat(21)));
        assertFalse(IceCredentials.isValidUfrag("ab-cd"));
        assertThrows(IllegalArgumentException.class, () -> new IceCredentials("abc", "a".repeat(22)));
    }

    @Test
    void randomCredentialsAreValidAndRepeatForASeed() {
        IceCredentials a = IceCredentials.random(dev.jrtc.common.RandomSource.seeded(7));
        IceCredentials b = IceCredentials.random(dev.jrtc.common.RandomSource.seeded(7));
        assertEquals(a, b);
        assertTrue(IceCredentials.isValidUfrag(a.ufrag()) && IceCredentials.isValidPwd(a.pwd()));
    }
}
