package dev.jrtc.ice.sim;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.CandidateType;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceEvent;
import dev.jrtc.ice.IceRole;
import dev.jrtc.ice.IceServer;
import dev.jrtc.ice.IceServerUrl;
import dev.jrtc.ice.PairStatistics;
import dev.jrtc.ice.stun.StunBindingServer;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The standard two-agent scenario: peers "a" and "b", each on its own LAN behind an optional NAT,
 * a public STUN server and a public TURN server, with trickle signalling that takes no time.
 */
public final class TwoPeers {
    public static final String STUN_IP = "198.51.100.1";
    public static final String TURN_IP = "198.51.100.2";
    public final SimNetwork net;
    public final IcePeer a;
    public final IcePeer b;
    public final SimTurnServer turn;
    public final InetSocketAddress aHost;
    public final InetSocketAddress bHost;

    /** What to vary. */
    public record Setup(NatType natA, NatType natB, boolean useStun, boolean useTurn, long oneWayDelayMillis,
            long seed, UnaryOperator<IceConfig.Builder> configA, UnaryOperator<IceConfig.Builder> configB) {
        public static Setup of(NatType natA, NatType natB) {
            return new Setup(natA, natB, true, false, 0, 1, c -> c, c -> c);
        }

        public Setup withTurn() {
            return new Setup(natA, natB, useStun, true, oneWayDelayMillis, seed, configA, configB);
        }

        public Setup withoutStun() {
            return new Setup(natA, natB, false, useTurn, oneWayDelayMillis, seed, configA, configB);
        }

        public Setup withDelay(long millis) {
            return new Setup(natA, natB, useStun, useTurn, millis, seed, configA, configB);
        }

        public Setup withSeed(long s) {
            return new Setup(natA, natB, useStun, useTurn, oneWayDelayMillis, s, configA, configB);
        }

        public Setup configureA(UnaryOperator<IceConfig.Builder> f) {
            return new Setup(natA, natB, useStun, useTurn, oneWayDelayMillis, seed, f, configB);
        }

        public Setup configureB(UnaryOperator<IceConfig.Builder> f) {
            return new Setup(natA, natB, useStun, useTurn, oneWayDelayMillis, seed, configA, f);
        }
    }

    public TwoPeers(Setup setup) {
        net = new SimNetwork(setup.oneWayDelayMillis());
        turn = new SimTurnServer(new InetSocketAddress(SimNetwork.ip(TURN_IP), 3478), "user", "pass");
        net.add(STUN_IP, null, new StunBindingServer(), (t, e) -> {
        });
        net.add(TURN_IP, null, turn, (t, e) -> {
        });
        Nat natA = setup.natA() == null ? null : net.addNat(setup.natA(), "203.0.113.1");
        Nat natB = setup.natB() == null ? null : net.addNat(setup.natB(), "203.0.113.2");
        String ipA = natA == null ? "192.0.2.10" : "192.168.1.10";
        String ipB = natB == null ? "192.0.2.20" : "10.0.0.20";
        aHost = new InetSocketAddress(SimNetwork.ip(ipA), 5000);
        bHost = new InetSocketAddress(SimNetwork.ip(ipB), 6000);
        a = peer("a", setup, IceRole.CONTROLLING, setup.configA(), setup.seed() * 2);
        b = peer("b", setup, IceRole.CONTROLLED, setup.configB(), setup.seed() * 2 + 1);
        net.add(ipA, natA, a.agent, a::onEvent);
        net.add(ipB, natB, b.agent, b::onEvent);
        a.agent.addHostAddress(aHost);
        b.agent.addHostAddress(bHost);
        link(a, b);
        link(b, a);
    }

    private IcePeer peer(String name, Setup setup, IceRole role, UnaryOperator<IceConfig.Builder> tweak, long seed) {
        IceConfig.Builder c = IceConfig.builder().role(role);
        try {
            if (setup.useStun()) {
                c.server(IceServer.stun("stun:" + STUN_IP + ":3478"));
            }
            if (setup.useTurn()) {
                c.server(new IceServer(IceServerUrl.parse("turn:" + TURN_IP + ":3478"),
                        new InetSocketAddress(SimNetwork.ip(TURN_IP), 3478), "user", "pass"));
            }
        } catch (dev.jrtc.common.ParseException e) {
            throw new IllegalStateException(e);
        }
        return new IcePeer(name, new IceAgent(tweak.apply(c).build(), RandomSource.seeded(seed)));
    }

    private void link(IcePeer from, IcePeer to) {
        from.signal = e -> {
            if (e instanceof IceEvent.LocalCandidate c) {
                to.agent.addRemoteCandidate(net.now(), c.candidate());
            } else if (e instanceof IceEvent.GatheringComplete) {
                to.agent.endOfRemoteCandidates(net.now());
            }
        };
    }

    /** Exchanges credentials and starts gathering on both sides. */
    public TwoPeers start() {
        net.call(a.agent, now -> a.agent.setRemoteCredentials(now, b.agent.localCredentials()));
        net.call(b.agent, now -> b.agent.setRemoteCredentials(now, a.agent.localCredentials()));
        net.call(a.agent, now -> a.agent.startGathering(now));
        net.call(b.agent, now -> b.agent.startGathering(now));
        return this;
    }

    /** Runs until both are connected or {@code seconds} pass; returns whether both connected. */
    public boolean runUntilConnected(long seconds) {
        net.runUntil(net.now() + seconds * 1_000_000_000L, () -> a.isConnected() && b.isConnected());
        return a.isConnected() && b.isConnected();
    }

    /** The candidate types of the selected pair on {@code p}, e.g. "srflx->srflx". */
    public static String selectedTypes(IcePeer p) {
        PairStatistics s = p.agent.selectedPair().orElseThrow();
        return s.local().type().sdpName() + "->" + s.remote().type().sdpName();
    }

    /** Whether either side of the selected pair is a relay. */
    public static boolean usesRelay(IcePeer p) {
        PairStatistics s = p.agent.selectedPair().orElseThrow();
        return s.local().type() == CandidateType.RELAYED || s.remote().type() == CandidateType.RELAYED;
    }

    /** Sends application data both ways through the selected pair and runs the network a little. */
    public boolean exchangeData() {
        int beforeA = a.received.size();
        int beforeB = b.received.size();
        byte[] payload = {(byte) 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 42};
        boolean sent = a.agent.send(net.now(), payload, 0, payload.length) & b.agent.send(net.now(), payload, 0, payload.length);
        net.call(a.agent, now -> { });
        net.call(b.agent, now -> { });
        net.runFor(500);
        return sent && a.received.size() > beforeA && b.received.size() > beforeB;
    }

    public List<IcePeer> peers() {
        return List.of(a, b);
    }
}
