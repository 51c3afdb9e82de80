package dev.jrtc.ice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an {@link IceAgent} behaves. Build with {@link #builder()}; the defaults follow RFC 8445,
 * RFC 7675 and what browsers do.
 *
 * @param role the initial role (the offerer is usually controlling)
 * @param lite whether we are an ICE-lite agent (RFC 8445 section 2.5): host candidates only, no checks of our own
 * @param nomination regular or aggressive nomination (controlling side only)
 * @param servers STUN and TURN servers to gather from
 * @param pacing Ta: the minimum interval between new checks
 * @param checkRto initial retransmission timeout of a connectivity check
 * @param checkMaxSends sends of one check before the pair fails
 * @param serverRto initial retransmission timeout towards STUN/TURN servers
 * @param serverMaxSends sends to a STUN/TURN server before it counts as unreachable (701)
 * @param consentInterval the mean interval of consent checks, randomised by +-20%: 5 s, so 4..6 s as RFC 7675
 *     section 5.1 asks
 * @param consentTimeout consent is lost after this long without a response (RFC 7675: 30 s)
 * @param disconnectedAfter nothing received on the selected pair for this long, and a consent check sent
 *     meanwhile unanswered, means "disconnected"
 * @param regularNominationWait after the first valid pair, how long a controlling agent waits for better pairs
 * @param failWithoutEndOfCandidates with trickle and no end-of-candidates, declare failure this long after all pairs failed
 * @param failAfterEndOfCandidates after end-of-candidates, declare failure this long after all pairs failed (and
 *     the peer sent nothing new): the peer may still be checking, and its checks can create a peer-reflexive pair
 *     that works; the grace period of browsers, 5 s as Firefox's
 * @param allowLoopbackRemote accept remote loopback candidates (tests)
 * @param allowLinkLocalRemote accept remote link-local candidates
 * @param maxPeerReflexive cap on peer-reflexive remote candidates learnt from checks
 * @param maxPairs cap on the checklist size
 * @param publishMdns show our host candidates as random {@code .local} names instead of IPs
 * @param relayOnly the W3C {@code iceTransportPolicy: "relay"}: only relayed candidates are signalled and used
 * @param resolveMdns resolve remote {@code .local} candidates with our own mDNS queries; when off they are
 *     ignored (as by an agent without mDNS) and the connection relies on peer-reflexive candidates
 */
public record IceConfig(IceRole role, boolean lite, NominationMode nomination, List<IceServer> servers, Duration pacing,
        Duration checkRto, int checkMaxSends, Duration serverRto, int serverMaxSends, Duration consentInterval,
        Duration consentTimeout, Duration disconnectedAfter, Duration regularNominationWait,
        Duration failWithoutEndOfCandidates, Duration failAfterEndOfCandidates, boolean allowLoopbackRemote, boolean allowLinkLocalRemote,
        int maxPeerReflexive, int maxPairs, boolean publishMdns, boolean relayOnly, boolean resolveMdns) {

    /** Copies the server list and checks values. */
    public IceConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(nomination, "nomination");
        servers = List.copyOf(servers);
        if (checkMaxSends < 1 || serverMaxSends < 1 || maxPeerReflexive < 0 || maxPairs < 1) {
            throw new IllegalArgumentException("counts must be positive");
        }
        if (failAfterEndOfCandidates.isNegative() || failWithoutEndOfCandidates.isNegative()) {
            throw new IllegalArgumentException("failure grace periods cannot be negative: " + failAfterEndOfCandidates
                    + " / " + failWithoutEndOfCandidates);
        }
        if (consentInterval.isNegative() || consentInterval.isZero() || consentTimeout.compareTo(consentInterval) <= 0) {
            throw new IllegalArgumentException("consent checks need a positive interval shorter than the consent timeout: "
                    + consentInterval + " / " + consentTimeout);
        }
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.role = role;
        b.lite = lite;
        b.nomination = nomination;
        b.servers = new ArrayList<>(servers);
        b.pacing = pacing;
        b.checkRto = checkRto;
        b.checkMaxSends = checkMaxSends;
        b.serverRto = serverRto;
        b.serverMaxSends = serverMaxSends;
        b.consentInterval = consentInterval;
        b.consentTimeout = consentTimeout;
        b.disconnectedAfter = disconnectedAfter;
        b.regularNominationWait = regularNominationWait;
        b.failWithoutEndOfCandidates = failWithoutEndOfCandidates;
        b.failAfterEndOfCandidates = failAfterEndOfCandidates;
        b.allowLoopbackRemote = allowLoopbackRemote;
        b.allowLinkLocalRemote = allowLinkLocalRemote;
        b.maxPeerReflexive = maxPeerReflexive;
        b.maxPairs = maxPairs;
        b.publishMdns = publishMdns;
        b.relayOnly = relayOnly;
        b.resolveMdns = resolveMdns;
        return b;
    }

    /** Builds an {@link IceConfig}. */
    public static final class Builder {
        private IceRole role = IceRole.CONTROLLING;
        private boolean lite;
        private NominationMode nomination = NominationMode.REGULAR;
        private List<IceServer> servers = new ArrayList<>();
        private Duration pacing = Duration.ofMillis(50);
        private Duration checkRto = Duration.ofMillis(250);
        private int checkMaxSends = 7;
        private Duration serverRto = Duration.ofMillis(500);
        private int serverMaxSends = 5;
        private Duration consentInterval = Duration.ofSeconds(5);
        private Duration consentTimeout = Duration.ofSeconds(30);
        private Duration disconnectedAfter = Duration.ofSeconds(5);
        private Duration regularNominationWait = Duration.ofMillis(500);
        private Duration failWithoutEndOfCandidates = Duration.ofSeconds(10);
        private Duration failAfterEndOfCandidates = Duration.ofSeconds(5);
        private boolean allowLoopbackRemote;
        private boolean allowLinkLocalRemote;
        private int maxPeerReflexive = 16;
        private int maxPairs = 100;
        private boolean publishMdns;
        private boolean relayOnly;
        private boolean resolveMdns = true;

        private Builder() {
        }

        public Builder role(IceRole v) { role = v; return this; }
        public Builder lite(boolean v) { lite = v; return this; }
        public Builder nomination(NominationMode v) { nomination = v; return this; }
        public Builder server(IceServer v) { servers.add(v); return this; }
        public Builder servers(List<IceServer> v) { servers = new ArrayList<>(v); return this; }
        public Builder pacing(Duration v) { pacing = v; return this; }
        public Builder checkRto(Duration v) { checkRto = v; return this; }
        public Builder checkMaxSends(int v) { checkMaxSends = v; return this; }
        public Builder serverRto(Duration v) { serverRto = v; return this; }
        public Builder serverMaxSends(int v) { serverMaxSends = v; return this; }
        public Builder consentInterval(Duration v) { consentInterval = v; return this; }
        public Builder consentTimeout(Duration v) { consentTimeout = v; return this; }
        public Builder disconnectedAfter(Duration v) { disconnectedAfter = v; return this; }
        public Builder regularNominationWait(Duration v) { regularNominationWait = v; return this; }
        public Builder failWithoutEndOfCandidates(Duration v) { failWithoutEndOfCandidates = v; return this; }
        public Builder failAfterEndOfCandidates(Duration v) { failAfterEndOfCandidates = v; return this; }
        public Builder allowLoopbackRemote(boolean v) { allowLoopbackRemote = v; return this; }
        public Builder allowLinkLocalRemote(boolean v) { allowLinkLocalRemote = v; return this; }
        public Builder maxPeerReflexive(int v) { maxPeerReflexive = v; return this; }
        public Builder maxPairs(int v) { maxPairs = v; return this; }
        public Builder publishMdns(boolean v) { publishMdns = v; return this; }
        public Builder relayOnly(boolean v) { relayOnly = v; return this; }
        public Builder resolveMdns(boolean v) { resolveMdns = v; return this; }

        /** The configuration. */
        public IceConfig build() {
            return new IceConfig(role, lite, nomination, servers, pacing, checkRto, checkMaxSends, serverRto,
                    serverMaxSends, consentInterval, consentTimeout, disconnectedAfter, regularNominationWait,
                    failWithoutEndOfCandidates, failAfterEndOfCandidates, allowLoopbackRemote, allowLinkLocalRemote, maxPeerReflexive, maxPairs,
                    publishMdns, relayOnly, resolveMdns);
        }
    }
}
