package dev.jrtc.peerconnection.engine;

import dev.jrtc.sdp.AttributeList;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;

/** Puts gathered candidates into a local description, as {@code localDescription} shows them in browsers. */
final class LocalDescriptions {
    private LocalDescriptions() {
    }

    /** The description with {@code a=candidate} lines (and end-of-candidates) in its first accepted section. */
    static SessionDescription withCandidates(SessionDescription d, List<String> candidates, boolean complete) {
        List<MediaDescription> media = new ArrayList<>(d.media());
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            if (m.isRejected()) {
                continue;
            }
            MediaDescription.Builder b = m.toBuilder();
            for (String c : candidates) {
                b.attribute("candidate", c.startsWith("candidate:") ? c.substring("candidate:".length()) : c);
            }
            if (complete) {
                b.flag(AttributeList.END_OF_CANDIDATES);
            }
            media.set(i, b.build());
            break;
        }
        return d.withMedia(media);
    }
}
