package dev.jrtc.ice.turn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.stun.RetransmitPolicy;
import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.StunProtection;
import dev.jrtc.ice.stun.TransactionId;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 6062 TCP allocations against a scripted server: the Allocate asks for TCP without
 * DONT-FRAGMENT, Connect waits for a permission, Connect successes and ConnectionAttempts report
 * the CONNECTION-ID, and a data connection binds (438 retried), then passes bytes through.
 */
class TcpRelayAllocationTest {
    private static final byte[] KEY = StunCredentials.longTermKey("u", "r", "p");
    private static final InetSocketAddress RELAY = new InetSocketAddress(ip("198.51.100.2"), 50000);
    private static final InetSocketAddress PEER = new InetSocketAddress(ip("192.0.2.9"), 9000);
    private final StreamFramer serverSide = new StreamFramer(StreamFramer.Framing.TURN);
    private final List<StunPacket> requests = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private TurnClient client;

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private TurnClient tcpClient() {
        return new TurnClient(TurnTransport.TCP, RelayProtocol.TCP, "u", "p", RandomSource.seeded(3),
                RetransmitPolicy.rfc8489(), new TurnClient.Listener() {
                    public void sendToServer(TurnClient c, byte[] data) {
                        for (byte[] frame : serverSide.append(data, 0, data.length)) {
                            try {
                                requests.add(StunPacket.decode(frame, 0, frame.length));
                            } catch (ParseException e) {
                                throw new AssertionError(e);
                            }
                        }
                    }
                    public void allocated(TurnClient c, InetSocketAddress relayed, InetSocketAddress mapped) {
                        log.add("allocated " + relayed.getPort());
                    }
                    public void reallocated(TurnClient c, InetSocketAddress o, InetSocketAddress r, InetSocketAddress m) {
                        log.add("reallocated");
                    }
                    public void failed(TurnClient c, TurnFailure f) {
                        log.add("failed " + f.code());
                    }
                    public void peerData(TurnClient c, InetSocketAddress peer, byte[] d, int o, int l) {
                        log.add("data");
                    }
                    public void peerConnectionReady(TurnClient c, long id, InetSocketAddress peer) {
                        log.add("ready " + id + " " + peer.getPort());
                    }
                    public void peerConnectFailed(TurnClient c, InetSocketAddress peer, int code, String reason) {
                        log.add("connect failed " + code);
                    }
                });
    }

    private StunMessage last() {
        return requests.get(requests.size() - 1).message();
    }

    private void answer(StunMessage.Builder response) {
        byte[] bytes = response.encode(StunProtection.longTerm(KEY).withFingerprint());
        client.handleReceive(0, bytes, 0, bytes.length);
    }

    private void allocate() {
        client = tcpClient();
        client.start(0);
        byte[] challenge = StunMessage.responseTo(last(), false).add(new StunAttribute.ErrorCode(401, "Unauthorized"))
                .text(StunAttributeType.REALM, "r").text(StunAttributeType.NONCE, "n1").encode(StunProtection.fingerprintOnly());
        client.handleReceive(0, challenge, 0, challenge.length);
        StunMessage allocate = last();
        assertEquals(new StunAttribute.RequestedTransport(6), allocate.first(StunAttributeType.REQUESTED_TRANSPORT).orElseThrow());
        assertFalse(allocate.has(StunAttributeType.DONT_FRAGMENT), "RFC 6062 section 5.1");
        answer(StunMessage.responseTo(allocate, true).address(StunAttributeType.XOR_RELAYED_ADDRESS, RELAY)
                .add(new StunAttribute.Number32(StunAttributeType.LIFETIME, 600)));
        assertEquals(List.of("allocated 50000"), log);
    }

    @Test
    void tcpRelayNeedsAStreamToTheServer() {
        assertThrows(IllegalArgumentException.class, () -> new TurnClient(TurnTransport.UDP, RelayProtocol.TCP, "u", "p",
                RandomSource.seeded(1), RetransmitPolicy.rfc8489(), null));
    }

    @Test
    void connectWaitsForThePermissionAndReportsTheConnectionId() {
        allocate();
        client.connect(0, PEER);
        assertTrue(last().is(StunMethod.CREATE_PERMISSION, StunClass.REQUEST), "a permission first");
        answer(StunMessage.responseTo(last(), true));
        StunMessage connect = last();
        assertTrue(connect.is(StunMethod.CONNECT, StunClass.REQUEST));
        assertEquals(PEER, connect.address(StunAttributeType.XOR_PEER_ADDRESS).orElseThrow());
        answer(StunMessage.responseTo(connect, true).add(new StunAttribute.Number32(StunAttributeType.CONNECTION_ID, 0x1234)));
        assertEquals("ready 4660 9000", log.get(log.size() - 1));
        // A second Connect to a peer with a permission goes out at once; 447 is reported.
        client.connect(0, new InetSocketAddress(PEER.getAddress(), 9001));
        assertTrue(last().is(StunMethod.CONNECT, StunClass.REQUEST));
        answer(StunMessage.responseTo(last(), false).add(new StunAttribute.ErrorCode(447, "Connection Timeout or Failure")));
        assertEquals("connect failed 447", log.get(log.size() - 1));
        assertEquals(TurnClient.State.ALLOCATED, client.state(), "a failed Connect leaves the allocation alone");
        assertThrows(IllegalStateException.class, () -> client.sendToPeer(0, PEER, new byte[1], 0, 1));
    }

    @Test
    void connectionAttemptFromAPeerIsReported() {
        allocate();
        byte[] attempt = StunMessage.builder(StunMethod.CONNECTION_ATTEMPT, StunClass.INDICATION, TransactionId.of(new byte[12], 0))
                .add(new StunAttribute.Number32(StunAttributeType.CONNECTION_ID, 77))
                .address(StunAttributeType.XOR_PEER_ADDRESS, PEER).encode(StunProtection.none());
        client.handleReceive(0, attempt, 0, attempt.length);
        assertEquals("ready 77 9000", log.get(log.size() - 1));
    }

    @Test
    void dataConnectionBindsRetriesAStaleNonceAndThenPassesBytesThrough() {
        allocate();
        List<byte[]> written = new ArrayList<>();
        ByteArrayOutputStream fromPeer = new ByteArrayOutputStream();
        List<String> events = new ArrayList<>();
        TurnDataConnection data = new TurnDataConnection(client, 77, new TurnDataConnection.Listener() {
            public void sendToServer(TurnDataConnection c, byte[] bytes) {
                written.add(bytes);
            }
            public void bound(TurnDataConnection c) {
                events.add("bound");
            }
            public void failed(TurnDataConnection c, int code, String reason) {
                events.add("failed " + code);
            }
            public void peerData(TurnDataConnection c, byte[] d, int o, int l) {
                fromPeer.write(d, o, l);
            }
        });
        assertThrows(IllegalStateException.class, () -> data.send(new byte[1], 0, 1), "not bound yet");
        data.start();
        StunMessage bind = decode(written.get(0));
        assertTrue(bind.is(StunMethod.CONNECTION_BIND, StunClass.REQUEST));
        assertEquals(77, bind.number(StunAttributeType.CONNECTION_ID).orElseThrow());
        byte[] stale = StunMessage.responseTo(bind, false).add(new StunAttribute.ErrorCode(438, "Stale Nonce"))
                .text(StunAttributeType.REALM, "r").text(StunAttributeType.NONCE, "n2").encode(StunProtection.fingerprintOnly());
        data.handleReceive(stale, 0, stale.length);
        StunMessage again = decode(written.get(1));
        assertEquals("n2", again.text(StunAttributeType.NONCE).orElseThrow());
        // The success and the peer's first bytes arrive in one read, split at an odd place.
        byte[] ok = StunMessage.responseTo(again, true).encode(StunProtection.longTerm(KEY).withFingerprint());
        byte[] chunk = Arrays.copyOf(ok, ok.length + 3);
        chunk[ok.length] = 'a';
        chunk[ok.length + 1] = 'b';
        chunk[ok.length + 2] = 'c';
        data.handleReceive(chunk, 0, 7);
        data.handleReceive(chunk, 7, chunk.length - 7);
        assertEquals(List.of("bound"), events);
        assertArrayEquals(new byte[] {'a', 'b', 'c'}, fromPeer.toByteArray());
        // From now on STUN-looking bytes are the peer's too: nothing is parsed any more.
        data.handleReceive(ok, 0, ok.length);
        assertEquals(3 + ok.length, fromPeer.size());
        data.send(new byte[] {9, 8}, 0, 2);
        assertArrayEquals(new byte[] {9, 8}, written.get(2));
    }

    @Test
    void forgedBindSuccessFailsTheDataConnection() {
        allocate();
        List<String> events = new ArrayList<>();
        List<byte[]> written = new ArrayList<>();
        TurnDataConnection data = new TurnDataConnection(client, 5, new TurnDataConnection.Listener() {
            public void sendToServer(TurnDataConnection c, byte[] bytes) {
                written.add(bytes);
            }
            public void bound(TurnDataConnection c) {
                events.add("bound");
            }
            public void failed(TurnDataConnection c, int code, String reason) {
                events.add("failed");
            }
            public void peerData(TurnDataConnection c, byte[] d, int o, int l) {
                events.add("data");
            }
        });
        data.start();
        byte[] forged = StunMessage.responseTo(decode(written.get(0)), true)
                .encode(StunProtection.longTerm(StunCredentials.longTermKey("u", "r", "guess")).withFingerprint());
        data.handleReceive(forged, 0, forged.length);
        assertEquals(List.of("failed"), events);
        assertEquals(TurnDataConnection.State.FAILED, data.state());
        data.handleReceive(new byte[] {1, 2, 3}, 0, 3);
        assertEquals(List.of("failed"), events, "nothing is delivered after a failure");
    }

    private static StunMessage decode(byte[] bytes) {
        try {
            return StunPacket.decode(bytes, 0, bytes.length).message();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
