package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.ParseException;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.RtpCodec;
import dev.jrtc.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the transceivers ask of their sections after stack-sdp has written an offer or answer: a
 * stopped transceiver's section is rejected (port 0, RFC 9429 section 5.2.2), and codec
 * preferences (W3C {@code setCodecPreferences}) reorder and filter the {@code m=} line's formats,
 * keeping the RTX formats of the codecs kept.
 */
final class SectionEdits {
    private SectionEdits() {
    }

    static SessionDescription apply(SessionDescription d, Function<String, Optional<Transceiver>> byMid) {
        List<MediaDescription> media = new ArrayList<>();
        boolean reordered = false;
        List<String[]> lineSwaps = new ArrayList<>();
        for (MediaDescription m : d.media()) {
            Optional<Transceiver> t = m.mid().flatMap(byMid);
            if (t.isPresent() && t.get().stopped() && !m.isRejected()) {
                media.add(m.withPort(0));
                continue;
            }
            media.add(m);
            if (t.isPresent() && !t.get().codecPreferences().isEmpty() && !m.isRejected()) {
                List<String> formats = preferred(m.codecs(), t.get().codecPreferences());
                if (!formats.isEmpty()) {
                    String old = "m=" + m.mediaLine().text();
                    String now = "m=" + m.mediaLine().withFormats(formats).text();
                    if (!old.equals(now)) {
                        lineSwaps.add(new String[] {old, now});
                        reordered = true;
                    }
                }
            }
        }
        SessionDescription out = d.withMedia(media);
        if (!reordered) {
            return out;
        }
        String text = out.toSdpString();
        for (String[] swap : lineSwaps) {
            text = text.replace("\r\n" + swap[0] + "\r\n", "\r\n" + swap[1] + "\r\n");
        }
        try {
            return SessionDescription.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("reordering formats broke our own SDP", e);
        }
    }

    /** The payload types of the preferred codecs in preference order, each followed by its RTX. */
    static List<String> preferred(List<RtpCodec> codecs, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            for (RtpCodec c : codecs) {
                if (!c.isRtx() && c.isNamed(name)) {
                    out.add(Integer.toString(c.payloadType()));
                    for (RtpCodec r : codecs) {
                        if (r.isRtx() && r.associatedPayloadType().orElse(-1) == c.payloadType()) {
                            out.add(Integer.toString(r.payloadType()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
