package dev.jrtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jrtc.common.ParseException;

/**
 * Calls every typed accessor of a description and checks that each typed attribute writes back to
 * a value that parses to the same object. Shared by the corpus test and the fuzz test.
 */
public final class TypedViews {
    private TypedViews() {}

    /** Touches every typed view; fails the test on any mismatch. */
    public static void touchAll(SessionDescription sd) throws ParseException {
        sd.origin();
        sd.sessionName();
        sd.bundleGroup();
        sd.isIceLite();
        touch(sd.attributes());
        for (MediaDescription m : sd.media()) {
            m.mediaLine();
            m.mid();
            m.direction();
            m.connection();
            m.isRejected();
            m.codecs().forEach(c -> {
                c.associatedPayloadType();
                c.toRtpMap();
                c.toFmtp();
            });
            sd.directionOf(m);
            sd.fingerprintsOf(m);
            sd.setupOf(m);
            sd.iceUfragOf(m);
            sd.icePwdOf(m);
            sd.iceOptionsOf(m);
            touch(m.attributes());
            assertEquals(m.mediaLine(), MediaLine.parse(m.mediaLine().text()));
        }
        assertEquals(sd.origin(), Origin.parse(sd.origin().text()));
    }

    private static void touch(AttributeList a) throws ParseException {
        a.mid();
        a.iceUfrag();
        a.icePwd();
        a.iceOptions();
        a.sctpPort();
        a.maxMessageSize();
        a.direction();
        a.setup();
        a.simulcast().ifPresent(TypedViews::reparse);
        for (RtpMap v : a.rtpMaps()) {
            assertEquals(v, RtpMap.parse(v.attributeValue()));
        }
        for (Fmtp v : a.fmtps()) {
            v.parameterMap();
            assertEquals(v, Fmtp.parse(v.attributeValue()));
        }
        for (RtcpFeedback v : a.rtcpFeedback()) {
            assertEquals(v, RtcpFeedback.parse(v.attributeValue()));
        }
        for (ExtMap v : a.extMaps()) {
            assertEquals(v, ExtMap.parse(v.attributeValue()));
        }
        for (SsrcAttribute v : a.ssrcs()) {
            assertEquals(v, SsrcAttribute.parse(v.attributeValue()));
        }
        for (SsrcGroup v : a.ssrcGroups()) {
            assertEquals(v, SsrcGroup.parse(v.attributeValue()));
        }
        for (Msid v : a.msids()) {
            assertEquals(v, Msid.parse(v.attributeValue()));
        }
        for (Rid v : a.rids()) {
            assertEquals(v, Rid.parse(v.attributeValue()));
        }
        for (Candidate v : a.candidates()) {
            assertEquals(v, Candidate.parse(v.toString()));
            v.tcpType();
        }
        for (Fingerprint v : a.fingerprints()) {
            assertEquals(v, Fingerprint.parse(v.attributeValue()));
            v.digest();
        }
        for (Group v : a.groups()) {
            assertEquals(v, Group.parse(v.attributeValue()));
        }
    }

    private static void reparse(Simulcast s) {
        try {
            assertEquals(s, Simulcast.parse(s.attributeValue()));
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
