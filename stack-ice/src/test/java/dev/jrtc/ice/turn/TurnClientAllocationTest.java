package dev.jrtc.ice.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.sim.SimNetwork;
import dev.jrtc.ice.sim.SimTurnServer;
import dev.jrtc.ice.stun.RetransmitPolicy;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The TURN client against the emulated server: nonce dance, stale nonce, refresh, permissions, channels, release. */
class TurnClientAllocationTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress(SimNetwork.ip("198.51.100.2"), 3478);
    private static final InetSocketAddress CLIENT = new InetSocketAddress(SimNetwork.ip("192.0.2.5"), 7000);
    private static final InetSocketAddress PEER = new InetSocketAddress(SimNetwork.ip("192.0.2.9"), 9000);
    private final SimTurnServer server = new SimTurnServer(SERVER, "u", "p");
    private final List<String> log = new ArrayList<>();
    private final List<byte[]> toPeer = new ArrayList<>();
    private TurnClient client;
    private long now;

    private TurnClient client(String password) {
        return new TurnClient(TurnTransport.UDP, "u", password, RandomSource.seeded(5), RetransmitPolicy.rfc8489(),
                new TurnClient.Listener() {
                    public void sendToServer(TurnClient c, byte[] data) {
                        server.handleReceive(now, CLIENT, SERVER, data, 0, data.length);
                        pump();
                    }
                    public void allocated(TurnClient c, InetSocketAddress relayed, InetSocketAddress mapped) {
                        log.add("allocated " + relayed.getPort());
                    }
                    public void reallocated(TurnClient c, InetSocketAddress previous, InetSocketAddress relayed,
                            InetSocketAddress mapped) {
                        log.add("reallocated " + previous.getPort() + "->" + relayed.getPort());
                    }
                    public void failed(TurnClient c, TurnFailure f) {
                        log.add("failed " + f.kind() + " " + f.code());
                    }
                    public void peerData(TurnClient c, InetSocketAddress peer, byte[] d, int o, int l) {
                        log.add("data " + l);
                    }
                });
    }

    private void pump() {
        for (Output o = server.poll(); !(o instanceof Deadline); o = server.poll()) {
            Transmit t = (Transmit) o;
            if (t.destination().equals(CLIENT)) {
                client.handleReceive(now, t.data(), t.offset(), t.length());
            } else {
                toPeer.add(t.data());
            }
        }
    }

    @Test
    void allocatesRefreshesRelaysAndReleases() {
        client = client("p");
        client.start(now);
        assertEquals(List.of("allocated 50000"), log);
        server.rotateNonce(); // the next request meets 438 and is retried with the new nonce
        client.sendToPeer(now, PEER, new byte[] {1, 2, 3}, 0, 3);
        assertTrue(client.hasPermission(PEER.getAddress()));
        assertEquals(1, toPeer.size(), "queued data went out once the permission was installed");
        client.bindChannel(now, PEER);
        client.sendToPeer(now, PEER, new byte[] {4}, 0, 1);
        assertEquals(2, toPeer.size());
        assertTrue(client.channelFor(PEER).isPresent());
        byte[] reply = {9, 9};
        server.handleReceive(now, PEER, new InetSocketAddress(SERVER.getAddress(), 50000), reply, 0, 2);
        pump();
        assertEquals("data 2", log.get(log.size() - 1));
        // Ten minutes later the allocation is still there: refreshes went out in time.
        for (now = 0; now < 700_000_000_000L; now += 1_000_000_000L) {
            client.handleTimeout(now);
        }
        assertEquals(TurnClient.State.ALLOCATED, client.state());
        client.close(now);
        assertEquals(1, server.released());
    }

    @Test
    void serverRestartMeetsStaleNonceThenMismatchAndReallocates() {
        client = client("p");
        client.start(now);
        client.sendToPeer(now, PEER, new byte[] {1}, 0, 1);
        client.bindChannel(now, PEER);
        assertEquals(1, toPeer.size());
        server.restart();
        InetSocketAddress other = new InetSocketAddress(SimNetwork.ip("192.0.2.10"), 9000);
        // CreatePermission meets 438 (new nonce, retried), then 437: the allocation is gone.
        client.sendToPeer(now, other, new byte[] {2}, 0, 1);
        assertEquals(List.of("allocated 50000", "reallocated 50000->50001"), log);
        assertEquals(TurnClient.State.ALLOCATED, client.state());
        assertEquals(50001, client.relayedAddress().orElseThrow().getPort());
        assertFalse(client.hasPermission(PEER.getAddress()), "permissions of the lost allocation are forgotten");
        assertTrue(client.channelFor(PEER).isEmpty(), "so are its channels");
        assertEquals(1, toPeer.size(), "data for the lost allocation was dropped, not sent later");
        // The new allocation relays again.
        client.sendToPeer(now, other, new byte[] {3}, 0, 1);
        assertEquals(2, toPeer.size());
        assertEquals(1, server.activeAllocations());
    }

    @Test
    void refreshAfterServerRestartReallocates() {
        client = client("p");
        client.start(now);
        server.restart();
        // The scheduled Refresh (about nine minutes in) meets 438, then 437, and allocates again.
        for (now = 0; now < 700_000_000_000L && log.size() < 2; now += 1_000_000_000L) {
            client.handleTimeout(now);
        }
        assertEquals(List.of("allocated 50000", "reallocated 50000->50001"), log);
        assertEquals(TurnClient.State.ALLOCATED, client.state());
        assertEquals(2, server.allocations());
    }

    @Test
    void verifyingTheAllocationSendsAtMostOneRefreshEveryTenSeconds() {
        client = client("p");
        client.start(now);
        int before = server.refreshes();
        for (now = 0; now < 30_000_000_000L; now += 100_000_000L) {
            client.verifyAllocation(now); // a silent path asks on every timer tick
        }
        assertEquals(3, server.refreshes() - before, "at 0, 10 and 20 s");
        assertEquals(TurnClient.State.ALLOCATED, client.state());
        server.restart();
        now += 10_000_000_000L;
        client.verifyAllocation(now);
        assertEquals(List.of("allocated 50000", "reallocated 50000->50001"), log);
    }

    @Test
    void serverThatKeepsLosingAllocationsFailsTheClient() {
        client = client("p");
        client.start(now);
        for (int i = 0; i < 4 && client.state() == TurnClient.State.ALLOCATED; i++) {
            server.restart();
            client.sendToPeer(now, new InetSocketAddress(SimNetwork.ip("192.0.2.10"), 9000 + i), new byte[] {1}, 0, 1);
            // A permission that never succeeds leaves nothing that shows the new allocation works.
            server.restart();
        }
        assertEquals(TurnClient.State.FAILED, client.state(), log.toString());
        assertEquals("failed ALLOCATION_LOST 437", log.get(log.size() - 1));
    }

    @Test
    void wrongPasswordIsAnAuthFailure() {
        client = client("wrong");
        client.start(now);
        assertEquals(List.of("failed AUTH_FAILED 401"), log);
    }

    @Test
    void silenceIsATimeout() {
        client = new TurnClient(TurnTransport.UDP, "u", "p", RandomSource.seeded(5),
                RetransmitPolicy.rfc8489().withMaxSends(3), new TurnClient.Listener() {
                    public void sendToServer(TurnClient c, byte[] data) { }
                    public void allocated(TurnClient c, InetSocketAddress r, InetSocketAddress m) { }
                    public void reallocated(TurnClient c, InetSocketAddress o, InetSocketAddress r, InetSocketAddress m) { }
                    public void failed(TurnClient c, TurnFailure f) { log.add(f.kind().name()); }
                    public void peerData(TurnClient c, InetSocketAddress p, byte[] d, int o, int l) { }
                });
        client.start(0);
        for (long t = 0; t < 20_000_000_000L; t += 100_000_000L) {
            client.handleTimeout(t);
        }
        assertEquals(List.of("TIMEOUT"), log);
    }

    @Test
    void streamFramerSplitsStunAndPaddedChannelData() {
        StreamFramer f = new StreamFramer(StreamFramer.Framing.TURN);
        byte[] cd = ChannelData.encode(0x4001, new byte[] {1, 2, 3, 4, 5}, 0, 5, true);
        byte[] both = new byte[cd.length * 2];
        System.arraycopy(cd, 0, both, 0, cd.length);
        System.arraycopy(cd, 0, both, cd.length, cd.length);
        assertEquals(0, f.append(both, 0, 3).size());
        List<byte[]> frames = f.append(both, 3, both.length - 3);
        assertEquals(2, frames.size());
        assertEquals(9, frames.get(0).length);
    }
}
