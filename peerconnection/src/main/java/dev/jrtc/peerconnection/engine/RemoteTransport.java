package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.ParseException;
import dev.jrtc.dtls.CertificateFingerprint;
import dev.jrtc.ice.IceCredentials;
import dev.jrtc.sdp.AttributeList;
import dev.jrtc.sdp.Fingerprint;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.SsrcAttribute;
import dev.jrtc.sdp.SsrcGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The transport parameters of a remote description, checked before anything is applied: ICE
 * credentials, candidates and end-of-candidates, and the DTLS fingerprints of the bundle's first
 * accepted section.
 */
record RemoteTransport(IceCredentials credentials, List<String> candidates, boolean endOfCandidates) {

    String ufrag() {
        return credentials.ufrag();
    }

    String pwd() {
        return credentials.password();
    }

    /** @throws IllegalArgumentException ({@code InvalidAccessError}) if the description lacks what WebRTC needs */
    static RemoteTransport of(SessionDescription d) {
        MediaDescription tag = d.media().stream().filter(m -> !m.isRejected()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("InvalidAccessError: the description has no accepted media section"));
        String ufrag = d.iceUfragOf(tag).orElseThrow(() -> new IllegalArgumentException("InvalidAccessError: no a=ice-ufrag"));
        String pwd = d.icePwdOf(tag).orElseThrow(() -> new IllegalArgumentException("InvalidAccessError: no a=ice-pwd"));
        IceCredentials credentials;
        try {
            credentials = new IceCredentials(ufrag, pwd);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("InvalidAccessError: bad ICE credentials: " + e.getMessage(), e);
        }
        fingerprints(d, tag);
        List<String> candidates = new ArrayList<>();
        boolean end = false;
        for (MediaDescription m : d.media()) {
            if (m.isRejected()) {
                continue;
            }
            m.attributes().candidates().forEach(c -> candidates.add(c.toString()));
            end |= m.attributes().has(AttributeList.END_OF_CANDIDATES);
        }
        return new RemoteTransport(credentials, List.copyOf(candidates), end);
    }

    /** The peer's certificate fingerprints we support; at least one. */
    static List<CertificateFingerprint> fingerprints(SessionDescription d, MediaDescription m) {
        List<CertificateFingerprint> out = new ArrayList<>();
        for (Fingerprint f : d.fingerprintsOf(m)) {
            try {
                out.add(CertificateFingerprint.parse(f.hashFunction() + " " + f.hex()));
            } catch (ParseException e) {
                // an algorithm we do not support; another fingerprint may do
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("InvalidAccessError: no usable a=fingerprint in the remote description");
        }
        return out;
    }

    /** The peer's media SSRC and RTX SSRC (-1 if none) for a section, when it signalled them. */
    static Optional<long[]> remoteSsrcs(Optional<MediaDescription> section) {
        if (section.isEmpty()) {
            return Optional.empty();
        }
        AttributeList a = section.get().attributes();
        for (SsrcGroup g : a.ssrcGroups()) {
            if (SsrcGroup.FID.equals(g.semantics()) && g.ssrcs().size() >= 2) {
                return Optional.of(new long[] {g.ssrcs().get(0), g.ssrcs().get(1)});
            }
        }
        List<SsrcAttribute> ssrcs = a.ssrcs();
        return ssrcs.isEmpty() ? Optional.empty() : Optional.of(new long[] {ssrcs.get(0).ssrc(), -1});
    }
}
