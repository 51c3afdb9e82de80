package dev.jrtc.demo.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code application/trickle-ice-sdpfrag} body (RFC 8840 section 9.2) as WHIP's PATCH carries
 * it: the ICE credentials it was made for, and candidates by media section.
 *
 * @param ufrag the {@code a=ice-ufrag} value, if given
 * @param candidates the candidates, each with the mid of its section
 * @param endOfCandidates whether {@code a=end-of-candidates} was present
 */
record TrickleFragment(Optional<String> ufrag, List<Candidate> candidates, boolean endOfCandidates) {

    /**
     * One candidate.
     *
     * @param mid the section's mid, or null before any {@code a=mid}
     * @param mLineIndex the section's index (0 before any {@code m=})
     * @param candidate {@code candidate:...}
     */
    record Candidate(String mid, int mLineIndex, String candidate) {
    }

    /**
     * Parses a fragment.
     *
     * @throws IllegalArgumentException naming the bad line
     */
    static TrickleFragment parse(String body) {
        String ufrag = null;
        String mid = null;
        int index = -1;
        boolean end = false;
        List<Candidate> candidates = new ArrayList<>();
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new IllegalArgumentException("not an SDP line: " + abbreviate(line));
            }
            if (line.startsWith("m=")) {
                index++;
                mid = null;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length());
            } else if (line.startsWith("a=ice-ufrag:")) {
                ufrag = line.substring("a=ice-ufrag:".length());
            } else if (line.startsWith("a=candidate:")) {
                candidates.add(new Candidate(mid, Math.max(index, 0), line.substring(2)));
            } else if (line.equals("a=end-of-candidates")) {
                end = true;
            }
        }
        return new TrickleFragment(Optional.ofNullable(ufrag), candidates, end);
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
