package dev.jrtc.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the facts an agent collected (server results, remote candidates, per-pair counters) into a
 * paragraph that says why ICE most likely failed. Each rule looks at one symptom; the first that
 * matches leads, and server problems are always added because they are usually the root cause.
 */
final class FailureExplainer {
    /** What the agent knows at the time of failure. */
    record Facts(boolean consentLost, List<LocalCandidate> locals, List<RemoteCandidate> remotes,
            List<Candidate> refusedRemotes, List<Candidate> unresolvedMdns, List<CandidatePair> pairs,
            List<ServerResult> servers, boolean remoteCredentialsKnown) {
    }

    private FailureExplainer() {
    }

    static String explain(Facts f) {
        List<String> sentences = new ArrayList<>();
        boolean weHaveRelay = f.locals.stream().anyMatch(l -> l.type() == CandidateType.RELAYED);
        boolean theyHaveRelay = f.remotes.stream().anyMatch(r -> r.type() == CandidateType.RELAYED);
        long responses = f.pairs.stream().mapToLong(p -> p.responsesReceived).sum();
        long requestsIn = f.pairs.stream().mapToLong(p -> p.requestsReceived).sum();
        if (f.consentLost) {
            sentences.add("The connection worked, but the peer stopped answering consent checks for 30 s "
                    + "(RFC 7675), so we stopped sending: the peer went away or the path broke (network change, NAT "
                    + "binding expired, firewall).");
        } else if (!f.remoteCredentialsKnown) {
            sentences.add("We never received the peer's ICE credentials (ice-ufrag/ice-pwd), so no check could be sent.");
        } else if (f.remotes.isEmpty()) {
            StringBuilder sb = new StringBuilder("The remote side offered no candidate we could use");
            if (!f.refusedRemotes.isEmpty()) {
                sb.append("; we ignored ").append(describe(f.refusedRemotes))
                        .append(" because loopback and link-local candidates are disabled");
            }
            if (!f.unresolvedMdns.isEmpty()) {
                sb.append("; mDNS names ").append(f.unresolvedMdns.stream().map(Candidate::address).distinct()
                        .collect(Collectors.joining(", "))).append(" did not resolve (the peer is not on our link)");
            }
            sentences.add(sb.append('.').toString());
        } else if (responses == 0 && requestsIn == 0) {
            StringBuilder sb = new StringBuilder("No check got a response from any remote candidate");
            Set<String> privateRanges = new LinkedHashSet<>();
            boolean allPrivate = true;
            for (RemoteCandidate r : f.remotes) {
                InetAddress a = r.address().getAddress();
                if (IpAddresses.isPrivate(a) || a.isLoopbackAddress() || a.isLinkLocalAddress()) {
                    privateRanges.add(range(a));
                } else {
                    allPrivate = false;
                }
            }
            if (allPrivate && !weHaveRelay) {
                sb.append(": the remote side offered only private addresses ").append(String.join(", ", privateRanges))
                        .append(" and we had no relay");
            } else if (!weHaveRelay && !theyHaveRelay) {
                sb.append(" and neither side had a TURN relay: both sides are probably behind NATs or firewalls that "
                        + "block direct traffic (e.g. symmetric NATs)");
            } else {
                sb.append(", not even through a relay: UDP to the peer and to the relay may be blocked");
            }
            sentences.add(sb.append('.').toString());
        } else if (responses == 0) {
            sentences.add("The peer's checks reached us (" + requestsIn + " request(s)) but none of ours got an answer: "
                    + "the path towards the peer is filtered (a NAT or firewall on its side); "
                    + (weHaveRelay ? "even our relay did not help." : "a TURN relay would avoid this."));
        } else {
            sentences.add("Some checks succeeded but no pair was nominated before the checks timed out; the paths "
                    + "may be lossy or the peer may have stopped.");
        }
        for (ServerResult r : f.servers) {
            if (r.errorCode() != 0) {
                sentences.add(capitalize(r.describe()) + ".");
            }
        }
        List<String> lastErrors = f.pairs.stream().filter(p -> p.lastError != null && !p.lastError.startsWith("timeout"))
                .map(p -> p + ": " + p.lastError).distinct().limit(3).collect(Collectors.toList());
        if (!lastErrors.isEmpty()) {
            sentences.add("Errors on pairs: " + String.join("; ", lastErrors) + ".");
        }
        return String.join(" ", sentences);
    }

    private static String range(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (b.length == 4) {
            int x = b[0] & 0xFF;
            int y = b[1] & 0xFF;
            return x == 10 ? "10.x" : x == 192 ? "192.168.x" : x == 172 ? "172." + y + ".x" : x + "." + y + ".x";
        }
        return a.isLinkLocalAddress() ? "fe80::/10" : "fc00::/7";
    }

    private static String describe(List<Candidate> cs) {
        return cs.stream().map(c -> c.address() + ":" + c.port()).distinct().collect(Collectors.joining(", "));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String addressList(List<InetSocketAddress> as) {
        return as.stream().map(IpAddresses::toText).collect(Collectors.joining(", "));
    }
}
