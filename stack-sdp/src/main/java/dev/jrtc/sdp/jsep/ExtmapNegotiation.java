package dev.jrtc.sdp.jsep;

import dev.jrtc.sdp.ExtMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The header extensions of an answer (RFC 8285 section 6): each offered extension whose URI we
 * support, once, under the offerer's id; an offered direction is answered with its reverse.
 */
public final class ExtmapNegotiation {
    private ExtmapNegotiation() {}

    /** The answer's extmap lines, in the offerer's order. */
    public static List<ExtMap> answer(List<ExtMap> offered, List<ExtMap> local) {
        List<ExtMap> out = new ArrayList<>();
        for (ExtMap o : offered) {
            boolean supported = local.stream().anyMatch(l -> l.uri().equals(o.uri()));
            boolean repeat = out.stream().anyMatch(a -> a.uri().equals(o.uri()) || a.id() == o.id());
            if (supported && !repeat && o.id() <= 255) {
                out.add(new ExtMap(o.id(), o.direction().map(d -> d.reverse()), o.uri(), ""));
            }
        }
        return out;
    }
}
