package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.ParseException;
import dev.jrtc.ice.Candidate;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceCredentials;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands the peer's ICE credentials and candidates to the ICE agent, holding back trickled candidates of
 * an ICE generation whose description has not arrived yet (they can overtake it on the signalling path).
 */
final class RemoteCandidates {
    /** Bounded so a peer cannot make us store candidates without end. */
    private static final int MAX_HELD = 100;
    private final List<Candidate> held = new ArrayList<>();
    private String remoteUfrag;

    /** A remote description is applied: its credentials, its candidates, then the held ones of its generation. */
    void apply(long now, IceAgent ice, RemoteTransport remote) {
        ice.setRemoteCredentials(now, new IceCredentials(remote.ufrag(), remote.pwd()));
        remoteUfrag = remote.ufrag();
        for (String c : remote.candidates()) {
            addQuietly(now, ice, c);
        }
        for (Candidate c : held) {
            if (remoteUfrag.equals(c.extensions().get("ufrag"))) {
                ice.addRemoteCandidate(now, c);
            }
        }
        held.clear();
        if (remote.endOfCandidates()) {
            ice.endOfRemoteCandidates(now);
        }
    }

    /** A trickled candidate: used now, or held if it names a ufrag other than the current description's. */
    void add(long now, IceAgent ice, Candidate c) {
        String ufrag = c.extensions().get("ufrag");
        if (ufrag != null && remoteUfrag != null && !ufrag.equals(remoteUfrag)) {
            // A candidate of the peer's next ICE generation that beat its description here: keep it till then.
            if (held.size() < MAX_HELD) {
                held.add(c);
            }
            return;
        }
        ice.addRemoteCandidate(now, c);
    }

    private static void addQuietly(long now, IceAgent ice, String candidate) {
        try {
            ice.addRemoteCandidate(now, Candidate.parse(candidate));
        } catch (ParseException | IllegalArgumentException e) {
            // A candidate we cannot use in a description is ignored, as browsers do.
        }
    }
}
