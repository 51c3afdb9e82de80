package dev.jrtc.reliability.nat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceServer;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.EngineEvent;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import dev.jrtc.peerconnection.engine.Transceiver;
import dev.jrtc.reliability.sim.EnginePair;
import dev.jrtc.reliability.sim.MediaSource;
import dev.jrtc.reliability.sim.VirtualTurnServer;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every ordered pair of NAT types (and a side with no NAT), without and with a TURN server, as two whole
 * engines in virtual time. Both sides always have a STUN server (the simulated TURN server answers
 * Binding requests), so each offers its private host and its server-reflexive candidate; with TURN
 * each also offers a relayed candidate. Side a offers and controls; its selected candidate pair
 * decides the path. The expected table follows from RFC 4787 mapping and filtering (RFC 5128
 * section 3.3 hole punching): a check reaches a peer's server-reflexive address only if the peer's
 * NAT lets it in, and the peer's own outgoing check to us opens that filter only if it leaves from
 * the same mapping our STUN server saw. A symmetric NAT changes mapping per destination, so its
 * checks come from a port nobody was told about; that is fine for cone NATs that filter by address
 * alone, but a port-restricted or symmetric peer drops them. Those two pairs need the relay.
 */
class NatMatrixTest {

    enum NatKind {
        PUBLIC("public"), FULL_CONE("full cone"), ADDRESS_RESTRICTED("addr-restricted"),
        PORT_RESTRICTED("port-restricted"), SYMMETRIC("symmetric");

        final String label;

        NatKind(String label) {
            this.label = label;
        }

        VirtualNat create(InetSocketAddress inside, String publicIp) {
            return switch (this) {
                case PUBLIC -> null;
                case FULL_CONE -> VirtualNat.fullCone(inside, publicIp);
                case ADDRESS_RESTRICTED -> VirtualNat.addressRestrictedCone(inside, publicIp);
                case PORT_RESTRICTED -> VirtualNat.portRestrictedCone(inside, publicIp);
                case SYMMETRIC -> VirtualNat.symmetric(inside, publicIp);
            };
        }
    }

    /** How a pair ends up connected, or not. */
    enum Path { DIRECT, RELAY, FAILS }

    /**
     * The expected table, rows a and columns b in {@link NatKind} order: {@code D} connects directly
     * (host, server- or peer-reflexive candidates), {@code R} needs the relay, so it fails without TURN.
     */
    private static final String[] TABLE = {
        //             public  full-cone  addr-restr  port-restr  symmetric
        /* public     */ "D D D D D",
        /* full cone  */ "D D D D D",
        /* addr-restr */ "D D D D D",
        /* port-restr */ "D D D D R",
        /* symmetric  */ "D D D R R",
    };

    static Path expected(NatKind x, NatKind y, boolean turn) {
        char cell = TABLE[x.ordinal()].split(" ")[y.ordinal()].charAt(0);
        if (cell == 'D') {
            return Path.DIRECT;
        }
        return turn ? Path.RELAY : Path.FAILS;
    }

    private record Outcome(Path path, String aPair, String bPair, double seconds) {
        String cell() {
            return switch (path) {
                case FAILS -> String.format(Locale.ROOT, "fails (%.0f s)", seconds);
                default -> String.format(Locale.ROOT, "%s %s", path.name().toLowerCase(Locale.ROOT), aPair);
            };
        }
    }

    @Test
    void everyPairOfNatTypesWithAndWithoutTurnMatchesTheExpectedTable() throws Exception {
        NatKind[] kinds = NatKind.values();
        List<String> mismatches = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        long seed = 400;
        for (boolean turn : new boolean[] {false, true}) {
            table.append(String.format(Locale.ROOT, "%nNAT matrix, %s (row: a, the offerer; column: b; "
                    + "cell: path and a's selected pair local->remote candidate types)%n", turn ? "STUN + TURN" : "STUN only"));
            table.append(String.format(Locale.ROOT, "%-16s", "a \\ b"));
            for (NatKind y : kinds) {
                table.append(String.format(Locale.ROOT, " | %-22s", y.label));
            }
            table.append('\n');
            for (int i = 0; i < kinds.length; i++) {
                table.append(String.format(Locale.ROOT, "%-16s", kinds[i].label));
                for (int j = 0; j < kinds.length; j++) {
                    if (!selected(kinds[i], kinds[j], turn)) {
                        table.append(String.format(Locale.ROOT, " | %-22s", "-"));
                        continue;
                    }
                    long t0 = System.nanoTime();
                    Outcome o = run(kinds[i], kinds[j], turn, seed++);
                    System.out.printf(Locale.ROOT, "%s <-> %s %s: %s, b %s (%.1f s real)%n", kinds[i].label,
                            kinds[j].label, turn ? "with TURN" : "without TURN", o.cell(), o.bPair, (System.nanoTime() - t0) / 1e9);
                    Path want = expected(kinds[i], kinds[j], turn);
                    String mark = o.path == want ? "" : " !=" + want;
                    table.append(String.format(Locale.ROOT, " | %-22s", o.cell() + mark));
                    if (o.path != want) {
                        mismatches.add(kinds[i].label + " <-> " + kinds[j].label + (turn ? " with TURN" : " without TURN")
                                + ": expected " + want + ", got " + o + "");
                    }
                }
                table.append('\n');
            }
        }
        System.out.println(table);
        assertTrue(mismatches.isEmpty(), "NAT matrix differs from the expected table:\n" + String.join("\n", mismatches)
                + "\n" + table);
    }

    /** {@code -Djrtc.natMatrix.only=SYMMETRIC,PORT_RESTRICTED,true} runs one cell, to look at it. */
    private static boolean selected(NatKind x, NatKind y, boolean turn) {
        String only = System.getProperty("jrtc.natMatrix.only");
        return only == null || only.equalsIgnoreCase(x + "," + y + "," + turn);
    }

    /** The expected table is symmetric in the two sides and needs the relay only where a symmetric NAT is. */
    @Test
    void expectedTableIsConsistent() {
        for (NatKind x : NatKind.values()) {
            for (NatKind y : NatKind.values()) {
                assertEquals(expected(x, y, false), expected(y, x, false));
                assertEquals(expected(x, y, true) == Path.RELAY, expected(x, y, false) == Path.FAILS);
                if (x != NatKind.SYMMETRIC && y != NatKind.SYMMETRIC) {
                    assertEquals(Path.DIRECT, expected(x, y, false), x + " " + y);
                }
            }
        }
    }

    private static Outcome run(NatKind x, NatKind y, boolean turn, long seed) throws Exception {
        InetSocketAddress serverAddress = new InetSocketAddress("192.0.2.100", 3478);
        VirtualTurnServer server = new VirtualTurnServer(serverAddress, "user", "secret");
        IceConfig.Builder ice = IceConfig.builder().server(IceServer.stun(server.stunUrl()));
        if (turn) {
            ice.server(IceServer.turn(server.turnUrl(), "user", "secret"));
        }
        try (EnginePair pair = new EnginePair(seed, ice.build(), ice.build())) {
            pair.attach(server);
            List<VirtualNat> nats = new ArrayList<>();
            VirtualNat natA = x.create(pair.a.address, "203.0.113.1");
            VirtualNat natB = y.create(pair.b.address, "198.51.100.1");
            if (natA != null) {
                nats.add(natA);
            }
            if (natB != null) {
                nats.add(natB);
            }
            pair.middlebox(VirtualNat.path(nats));
            if (Boolean.getBoolean("jrtc.natMatrix.trace")) {
                pair.tap(t -> System.out.printf("%.3f %s -> %s %d B [%02x]%n", pair.clock.nanoTime() / 1e9, t.source(),
                        t.destination(), t.length(), t.data()[t.offset()]));
            }

            Transceiver video = pair.a.engine.addTransceiver(pair.clock.nanoTime(), MediaKind.VIDEO, Direction.SENDONLY);
            long start = pair.clock.nanoTime();
            pair.negotiate();
            try {
                pair.runUntil(() -> (pair.a.connected() && pair.b.connected()) || failed(pair.a) || failed(pair.b),
                        Duration.ofSeconds(90));
            } catch (AssertionError e) {
                if (Boolean.getBoolean("jrtc.natMatrix.trace")) {
                    for (EnginePair.Side side : List.of(pair.a, pair.b)) {
                        for (EnginePair.Sent sent : side.sent) {
                            System.out.printf("%s sent %.3f %s -> %s %d B [%02x]%n", side.name, sent.atNanos() / 1e9,
                                    sent.transmit().source(), sent.transmit().destination(), sent.transmit().length(),
                                    sent.transmit().data()[sent.transmit().offset()]);
                        }
                    }
                    var c = server.counters();
                    System.out.printf("server: relayed to peers %d, to clients %d, no permission %d, malformed %d;"
                            + " nat a filtered %d, nat b filtered %d%n", c.relayedToPeers, c.relayedToClients,
                            c.noPermission, c.malformed, natA == null ? 0 : natA.filtered(), natB == null ? 0 : natB.filtered());
                }
                throw new AssertionError(x + " <-> " + y + (turn ? " with TURN" : "") + ": " + e.getMessage(), e);
            }
            double seconds = (pair.clock.nanoTime() - start) / 1e9;
            if (!(pair.a.connected() && pair.b.connected())) {
                return new Outcome(Path.FAILS, "-", "-", seconds);
            }
            String aPair = selectedPair(pair, pair.a);
            String bPair = selectedPair(pair, pair.b);
            // Media must cross the chosen path: 10 frames, all of them.
            String mid = video.mid().orElseThrow();
            for (int f = 0; f < 10; f++) {
                pair.a.engine.sendFrame(pair.clock.nanoTime(), mid, MediaSource.vp8Frame(f), 1000 + 3000L * f);
                pair.drain();
                pair.runFor(Duration.ofMillis(33));
            }
            pair.runUntil(() -> pair.b.events(EngineEvent.FrameReceived.class).size() >= 10, Duration.ofSeconds(2));
            int frames = pair.b.events(EngineEvent.FrameReceived.class).size();
            boolean relayed = aPair.contains("relay") || bPair.contains("relay");
            if (relayed) {
                assertTrue(server.counters().relayedToPeers > 0 && server.counters().relayedToClients > 0,
                        "the relay carried traffic both ways: " + x + " " + y);
            }
            assertEquals(10, frames, "every frame crossed the path: " + x + " " + y + (turn ? " with TURN" : ""));
            return new Outcome(relayed ? Path.RELAY : Path.DIRECT, aPair, bPair, seconds);
        }
    }

    private static boolean failed(EnginePair.Side s) {
        return s.engine.connectionState() == ConnectionState.FAILED;
    }

    /** The selected pair's candidate types, {@code local->remote}. */
    private static String selectedPair(EnginePair pair, EnginePair.Side side) {
        RTCStatsReport report = side.engine.getStats(pair.clock.nanoTime());
        RTCStats transport = report.ofType("transport").get(0);
        RTCStats selected = report.get((String) transport.get("selectedCandidatePairId")).orElseThrow();
        RTCStats local = report.get((String) selected.get("localCandidateId")).orElseThrow();
        RTCStats remote = report.get((String) selected.get("remoteCandidateId")).orElseThrow();
        return local.get("candidateType") + "->" + remote.get("candidateType");
    }
}
