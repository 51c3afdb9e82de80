package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.Output;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Our gathered candidates as the application sees them: each tagged with the ICE ufrag it belongs to
 * and the bundle's mid, kept for {@code localDescription}, and signalled again after an ICE restart.
 */
final class LocalCandidates {
    private final Negotiation negotiation;
    /** The candidate lines as gathered, without the ufrag tag. */
    private final List<String> gathered = new ArrayList<>();
    private boolean complete;
    /** The ufrag of the last local description applied; the candidates were signalled under it. */
    private String signalledUfrag;

    LocalCandidates(Negotiation negotiation) {
        this.negotiation = negotiation;
    }

    /** Records a candidate just gathered under our credentials {@code ufrag}; returns the event to signal. */
    EngineEvent.LocalCandidate gathered(EngineEvent.LocalCandidate c, String ufrag) {
        gathered.add(c.candidate());
        return new EngineEvent.LocalCandidate(withUfrag(c.candidate(), ufrag), bundleTag());
    }

    /** Gathering finished: descriptions from now on carry end-of-candidates. */
    void gatheringComplete() {
        complete = true;
    }

    /**
     * A local description with credentials {@code ufrag} is applied. If an ICE restart changed them, the same
     * candidates are signalled again to {@code out}, for the new credentials (gathering is not repeated).
     */
    void localApplied(String ufrag, Consumer<Output> out) {
        if (signalledUfrag != null && !signalledUfrag.equals(ufrag)) {
            String mid = bundleTag();
            for (String c : gathered) {
                out.accept(new EngineEvent.LocalCandidate(withUfrag(c, ufrag), mid));
            }
            if (complete) {
                out.accept(new EngineEvent.GatheringComplete());
            }
        }
        signalledUfrag = ufrag;
    }

    /** The description with the candidates gathered so far (and end-of-candidates once complete). */
    SessionDescription addTo(SessionDescription d) {
        return LocalDescriptions.withCandidates(d, gathered, complete);
    }

    /** The ufrag extension lets the peer tell which ICE generation a trickled candidate belongs to. */
    private static String withUfrag(String candidate, String ufrag) {
        return candidate.contains(" ufrag ") ? candidate : candidate + " ufrag " + ufrag;
    }

    /** Candidates are signalled on the first section we kept: the one that carries the bundled transport. */
    private String bundleTag() {
        return negotiation.local().flatMap(d -> d.media().stream().filter(m -> !m.isRejected()).findFirst())
                .flatMap(MediaDescription::mid).orElse("0");
    }
}
