package dev.jrtc.ice.sim;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Engine;
import dev.jrtc.common.Output;
import dev.jrtc.common.ParseException;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.StunProtection;
import dev.jrtc.ice.stun.TransactionId;
import dev.jrtc.ice.turn.ChannelData;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A TURN server emulation for simulations (RFC 8656, UDP only): long-term credentials with a
 * 401 challenge, Allocate, Refresh, CreatePermission, ChannelBind, Send/Data indications and
 * ChannelData, with permissions enforced. It also answers Binding requests like a STUN server.
 */
public final class SimTurnServer implements Engine {
    private static final String REALM = "sim";
    private final InetSocketAddress listen;
    private final String user;
    private final byte[] key;
    private final ArrayDeque<Output> out = new ArrayDeque<>();
    private final Map<InetSocketAddress, Allocation> byClient = new HashMap<>();
    private final Map<Integer, Allocation> byRelayPort = new HashMap<>();
    private int nextRelayPort = 50000;
    private String nonce = "nonce-1";
    private int allocations;
    private int released;
    private int refreshes;

    private static final class Allocation {
        final InetSocketAddress client;
        final InetSocketAddress relay;
        final Set<InetAddress> permissions = new HashSet<>();
        final Map<Integer, InetSocketAddress> channels = new HashMap<>();
        final Map<InetSocketAddress, Integer> channelsByPeer = new HashMap<>();

        Allocation(InetSocketAddress client, InetSocketAddress relay) {
            this.client = client;
            this.relay = relay;
        }
    }

    public SimTurnServer(InetSocketAddress listen, String user, String password) {
        this.listen = listen;
        this.user = user;
        this.key = StunCredentials.longTermKey(user, REALM, password);
    }

    /** Rotates the nonce, so the next request gets 438 Stale Nonce. */
    public void rotateNonce() {
        nonce = nonce + "x";
    }

    /**
     * Forgets every allocation and starts a new nonce, as a restarted server would: the clients' next
     * requests meet 438 Stale Nonce and then 437 Allocation Mismatch.
     */
    public void restart() {
        byClient.clear();
        byRelayPort.clear();
        nonce = "restarted-" + nonce;
    }

    public int allocations() {
        return allocations;
    }

    /** Refresh requests that passed authentication. */
    public int refreshes() {
        return refreshes;
    }

    public int released() {
        return released;
    }

    public int activeAllocations() {
        return byClient.size();
    }

    @Override
    public void handleReceive(long nowNanos, InetSocketAddress remote, InetSocketAddress local, byte[] buf, int offset,
            int length) {
        if (local.getPort() != listen.getPort()) {
            fromPeer(remote, local, buf, offset, length);
            return;
        }
        Allocation a = byClient.get(remote);
        if (ChannelData.looksLikeChannelData(buf, offset, length)) {
            if (a != null) {
                InetSocketAddress peer = a.channels.get(ChannelData.channel(buf, offset));
                int len = ChannelData.dataLength(buf, offset);
                if (peer != null && len <= length - 4 && a.permissions.contains(peer.getAddress())) {
                    out.add(new Transmit(a.relay, peer, java.util.Arrays.copyOfRange(buf, offset + 4, offset + 4 + len)));
                }
            }
            return;
        }
        StunPacket p;
        try {
            p = StunPacket.decode(buf, offset, length);
        } catch (ParseException e) {
            return;
        }
        StunMessage m = p.message();
        if (m.is(StunMethod.SEND, StunClass.INDICATION)) {
            var peer = m.address(StunAttributeType.XOR_PEER_ADDRESS);
            var data = m.bytes(StunAttributeType.DATA);
            if (a != null && peer.isPresent() && data.isPresent() && a.permissions.contains(peer.get().getAddress())) {
                out.add(new Transmit(a.relay, peer.get(), data.get()));
            }
            return;
        }
        if (m.stunClass() != StunClass.REQUEST) {
            return;
        }
        if (m.method() == StunMethod.BINDING) {
            out.add(new Transmit(local, remote, StunMessage.responseTo(m, true)
                    .address(StunAttributeType.XOR_MAPPED_ADDRESS, remote).encode(StunProtection.fingerprintOnly())));
            return;
        }
        if (!p.hasIntegrity() || !user.equals(m.text(StunAttributeType.USERNAME).orElse(""))
                || !p.isAuthentic(key)) {
            reply(local, remote, error(m, 401, "Unauthorized").text(StunAttributeType.REALM, REALM)
                    .text(StunAttributeType.NONCE, nonce).build(), false);
            return;
        }
        if (!nonce.equals(m.text(StunAttributeType.NONCE).orElse(""))) {
            reply(local, remote, error(m, 438, "Stale Nonce").text(StunAttributeType.REALM, REALM)
                    .text(StunAttributeType.NONCE, nonce).build(), false);
            return;
        }
        switch (m.method()) {
            case StunMethod.ALLOCATE -> {
                if (a == null) {
                    int port = nextRelayPort++;
                    a = new Allocation(remote, new InetSocketAddress(listen.getAddress(), port));
                    byClient.put(remote, a);
                    byRelayPort.put(port, a);
                    allocations++;
                }
                reply(local, remote, StunMessage.responseTo(m, true)
                        .address(StunAttributeType.XOR_RELAYED_ADDRESS, a.relay)
                        .address(StunAttributeType.XOR_MAPPED_ADDRESS, remote)
                        .add(new StunAttribute.Number32(StunAttributeType.LIFETIME, 600)).build(), true);
            }
            case StunMethod.REFRESH -> {
                refreshes++;
                long lifetime = m.number(StunAttributeType.LIFETIME).orElse(600);
                if (a == null) {
                    reply(local, remote, error(m, 437, "Allocation Mismatch").build(), true);
                    return;
                }
                if (lifetime == 0) {
                    byClient.remove(remote);
                    byRelayPort.remove(a.relay.getPort());
                    released++;
                }
                reply(local, remote, StunMessage.responseTo(m, true)
                        .add(new StunAttribute.Number32(StunAttributeType.LIFETIME, lifetime)).build(), true);
            }
            case StunMethod.CREATE_PERMISSION -> {
                var peer = m.address(StunAttributeType.XOR_PEER_ADDRESS);
                if (a == null || peer.isEmpty()) {
                    reply(local, remote, error(m, 437, "Allocation Mismatch").build(), true);
                    return;
                }
                a.permissions.add(peer.get().getAddress());
                reply(local, remote, StunMessage.responseTo(m, true).build(), true);
            }
            case StunMethod.CHANNEL_BIND -> {
                var peer = m.address(StunAttributeType.XOR_PEER_ADDRESS);
                var channel = m.first(StunAttributeType.CHANNEL_NUMBER);
                if (a == null || peer.isEmpty() || channel.isEmpty()) {
                    reply(local, remote, error(m, 400, "Bad Request").build(), true);
                    return;
                }
                int ch = ((StunAttribute.ChannelNumber) channel.get()).channel();
                a.channels.put(ch, peer.get());
                a.channelsByPeer.put(peer.get(), ch);
                a.permissions.add(peer.get().getAddress());
                reply(local, remote, StunMessage.responseTo(m, true).build(), true);
            }
            default -> reply(local, remote, error(m, 400, "Bad Request").build(), true);
        }
    }

    private void fromPeer(InetSocketAddress peer, InetSocketAddress relay, byte[] buf, int offset, int length) {
        Allocation a = byRelayPort.get(relay.getPort());
        if (a == null || !a.permissions.contains(peer.getAddress())) {
            return;
        }
        Integer ch = a.channelsByPeer.get(peer);
        if (ch != null) {
            out.add(new Transmit(listen, a.client, ChannelData.encode(ch, buf, offset, length, false)));
            return;
        }
        out.add(new Transmit(listen, a.client, StunMessage.builder(StunMethod.DATA, StunClass.INDICATION,
                        TransactionId.of(new byte[12], 0))
                .address(StunAttributeType.XOR_PEER_ADDRESS, peer)
                .add(new StunAttribute.Opaque(StunAttributeType.DATA, java.util.Arrays.copyOfRange(buf, offset, offset + length)))
                .encode(StunProtection.none())));
    }

    private static StunMessage.Builder error(StunMessage m, int code, String reason) {
        return StunMessage.responseTo(m, false).add(new StunAttribute.ErrorCode(code, reason));
    }

    private void reply(InetSocketAddress local, InetSocketAddress remote, StunMessage m, boolean signed) {
        out.add(new Transmit(local, remote, m.encode(signed ? StunProtection.longTerm(key).withFingerprint()
                : StunProtection.fingerprintOnly())));
    }

    @Override
    public void handleTimeout(long nowNanos) {
    }

    @Override
    public Output poll() {
        Output o = out.poll();
        return o != null ? o : Deadline.NEVER;
    }
}
