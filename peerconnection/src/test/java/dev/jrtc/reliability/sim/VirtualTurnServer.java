package dev.jrtc.reliability.sim;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A small TURN server over UDP (RFC 5766, with RFC 5389 STUN) for the virtual-time harness, and a
 * STUN server too (it answers Binding requests). It implements Allocate with long-term credentials
 * (401 challenge with REALM and NONCE, 438 for a stale nonce, 437 for a second allocation on the
 * same 5-tuple, a retransmitted Allocate answered again), Refresh (lifetime 0 deletes),
 * CreatePermission, Send and Data indications, ChannelBind and ChannelData. Lifetimes (allocation
 * 600 s by default, permission 300 s, channel 600 s) expire in virtual time, checked as datagrams
 * arrive. The STUN codec is stack-ice's.
 */
public final class VirtualTurnServer implements EnginePair.Host {
    public static final String REALM = "reliability.test";
    private static final long SECOND = 1_000_000_000L;
    private static final long DEFAULT_LIFETIME_S = 600;
    private static final long MAX_LIFETIME_S = 3600;
    private static final long PERMISSION_LIFETIME = 300 * SECOND;
    private static final long CHANNEL_LIFETIME = 600 * SECOND;
    private static final int UDP = 17;

    private final InetSocketAddress address;
    private final String username;
    private final String password;
    private final byte[] key;
    private final String nonce = "f00dfeed-5766";
    private int nextRelayPort = 49152;
    private final Map<InetSocketAddress, Allocation> byClient = new HashMap<>();
    private final Map<InetSocketAddress, Allocation> byRelay = new HashMap<>();
    private final Counters counters = new Counters();
    private final RandomSource random = RandomSource.seeded(5766);

    /** What the server did, for assertions. */
    public static final class Counters {
        public long bindings;
        public long allocations;
        public long challenges;
        public long refreshes;
        public long permissions;
        public long channelBinds;
        public long relayedToPeers;
        public long relayedToClients;
        /** Datagrams from peers without a permission, or to a peer without one. */
        public long noPermission;
        /** Datagrams the server could not parse or did not expect. */
        public long malformed;
    }

    private static final class Allocation {
        final InetSocketAddress client;
        final InetSocketAddress relay;
        final TransactionId createdBy;
        byte[] createdResponse;
        long expiresAt;
        final Map<InetAddress, Long> permissions = new HashMap<>();
        final Map<Integer, InetSocketAddress> peerOfChannel = new HashMap<>();
        final Map<InetSocketAddress, Integer> channelOfPeer = new HashMap<>();
        final Map<Integer, Long> channelExpiry = new HashMap<>();

        Allocation(InetSocketAddress client, InetSocketAddress relay, TransactionId createdBy) {
            this.client = client;
            this.relay = relay;
            this.createdBy = createdBy;
        }

        boolean permits(InetAddress peer, long now) {
            Long until = permissions.get(peer);
            return until != null && until > now;
        }

        Optional<Integer> channelFor(InetSocketAddress peer, long now) {
            Integer ch = channelOfPeer.get(peer);
            return ch != null && channelExpiry.get(ch) > now ? Optional.of(ch) : Optional.empty();
        }
    }

    /** A server at {@code address} (relays on the same IP) with one user. */
    public VirtualTurnServer(InetSocketAddress address, String username, String password) {
        this.address = address;
        this.username = username;
        this.password = password;
        this.key = StunCredentials.longTermKey(username, REALM, password);
    }

    /** Where clients send. */
    public InetSocketAddress address() {
        return address;
    }

    /** {@code turn:IP:PORT?transport=udp} for {@link dev.jrtc.ice.IceServer#turn}. */
    public String turnUrl() {
        return "turn:" + address.getAddress().getHostAddress() + ":" + address.getPort() + "?transport=udp";
    }

    /** {@code stun:IP:PORT}. */
    public String stunUrl() {
        return "stun:" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public Counters counters() {
        return counters;
    }

    /** The relayed addresses currently allocated. */
    public java.util.Set<InetSocketAddress> relayAddresses() {
        return java.util.Set.copyOf(byRelay.keySet());
    }

    @Override
    public boolean owns(InetSocketAddress a) {
        return a.equals(address) || byRelay.containsKey(a);
    }

    @Override
    public void receive(long now, Transmit t, Consumer<Transmit> send) {
        expire(now);
        byte[] data = Arrays.copyOfRange(t.data(), t.offset(), t.offset() + t.length());
        if (!t.destination().equals(address)) {
            fromPeer(now, byRelay.get(t.destination()), t.source(), data, send);
        } else if (ChannelData.looksLikeChannelData(data, 0, data.length)) {
            channelDataFromClient(now, t.source(), data, send);
        } else if (StunPacket.looksLikeStun(data, 0, data.length)) {
            try {
                stunFromClient(now, t.source(), StunPacket.decode(data, 0, data.length), send);
            } catch (ParseException e) {
                counters.malformed++;
            }
        } else {
            counters.malformed++;
        }
    }

    private void expire(long now) {
        byClient.values().removeIf(a -> {
            if (a.expiresAt <= now) {
                byRelay.remove(a.relay);
                return true;
            }
            return false;
        });
    }

    private void stunFromClient(long now, InetSocketAddress client, StunPacket packet, Consumer<Transmit> send) {
        StunMessage m = packet.message();
        if (m.is(StunMethod.BINDING, StunClass.REQUEST)) {
            counters.bindings++;
            reply(send, client, StunMessage.responseTo(m, true)
                    .address(StunAttributeType.XOR_MAPPED_ADDRESS, client).encode(StunProtection.none()));
            return;
        }
        if (m.is(StunMethod.SEND, StunClass.INDICATION)) {
            sendIndication(now, byClient.get(client), m, send);
            return;
        }
        if (m.stunClass() != StunClass.REQUEST) {
            counters.malformed++;
            return;
        }
        if (!authenticated(client, packet, send)) {
            return;
        }
        Allocation a = byClient.get(client);
        switch (m.method()) {
            case StunMethod.ALLOCATE -> allocate(now, client, a, m, send);
            case StunMethod.REFRESH -> refresh(now, client, a, m, send);
            case StunMethod.CREATE_PERMISSION -> createPermission(now, client, a, m, send);
            case StunMethod.CHANNEL_BIND -> channelBind(now, client, a, m, send);
            default -> error(send, client, m, 400, "Bad Request");
        }
    }

    /** Long-term credentials (RFC 5389 section 10.2): challenge, stale nonce, wrong key. */
    private boolean authenticated(InetSocketAddress client, StunPacket packet, Consumer<Transmit> send) {
        StunMessage m = packet.message();
        if (!packet.hasIntegrity()) {
            counters.challenges++;
            challenge(send, client, m, 401, "Unauthorized");
            return false;
        }
        if (!m.text(StunAttributeType.USERNAME).orElse("").equals(username)
                || !m.text(StunAttributeType.REALM).orElse("").equals(REALM) || !packet.isAuthentic(key)) {
            challenge(send, client, m, 401, "Unauthorized");
            return false;
        }
        if (!m.text(StunAttributeType.NONCE).orElse("").equals(nonce)) {
            challenge(send, client, m, 438, "Stale Nonce");
            return false;
        }
        return true;
    }

    private void allocate(long now, InetSocketAddress client, Allocation existing, StunMessage m, Consumer<Transmit> send) {
        if (existing != null) {
            if (existing.createdBy.equals(m.transactionId())) {
                reply(send, client, existing.createdResponse); // a retransmission: the same answer again
            } else {
                error(send, client, m, 437, "Allocation Mismatch");
            }
            return;
        }
        Optional<StunAttribute> transport = m.first(StunAttributeType.REQUESTED_TRANSPORT);
        if (transport.isEmpty()) {
            error(send, client, m, 400, "Bad Request: no REQUESTED-TRANSPORT");
            return;
        }
        if (!(transport.get() instanceof StunAttribute.RequestedTransport rt) || rt.protocol() != UDP) {
            error(send, client, m, 442, "Unsupported Transport Protocol");
            return;
        }
        InetSocketAddress relay = new InetSocketAddress(address.getAddress(), nextRelayPort++);
        Allocation a = new Allocation(client, relay, m.transactionId());
        long lifetime = lifetime(m);
        a.expiresAt = now + lifetime * SECOND;
        a.createdResponse = StunMessage.responseTo(m, true)
                .address(StunAttributeType.XOR_RELAYED_ADDRESS, relay)
                .address(StunAttributeType.XOR_MAPPED_ADDRESS, client)
                .add(new StunAttribute.Number32(StunAttributeType.LIFETIME, lifetime))
                .encode(StunProtection.longTerm(key));
        byClient.put(client, a);
        byRelay.put(relay, a);
        counters.allocations++;
        reply(send, client, a.createdResponse);
    }

    private void refresh(long now, InetSocketAddress client, Allocation a, StunMessage m, Consumer<Transmit> send) {
        if (a == null) {
            error(send, client, m, 437, "Allocation Mismatch");
            return;
        }
        long lifetime = lifetime(m);
        counters.refreshes++;
        if (lifetime == 0) {
            byClient.remove(client);
            byRelay.remove(a.relay);
        } else {
            a.expiresAt = now + lifetime * SECOND;
        }
        success(send, client, StunMessage.responseTo(m, true)
                .add(new StunAttribute.Number32(StunAttributeType.LIFETIME, lifetime)));
    }

    private static long lifetime(StunMessage m) {
        return Math.min(m.number(StunAttributeType.LIFETIME).orElse(DEFAULT_LIFETIME_S), MAX_LIFETIME_S);
    }

    private void createPermission(long now, InetSocketAddress client, Allocation a, StunMessage m,
            Consumer<Transmit> send) {
        if (a == null) {
            error(send, client, m, 437, "Allocation Mismatch");
            return;
        }
        boolean any = false;
        for (StunAttribute attr : m.attributes()) {
            if (attr instanceof StunAttribute.Address peer && attr.type() == StunAttributeType.XOR_PEER_ADDRESS) {
                a.permissions.put(peer.address().getAddress(), now + PERMISSION_LIFETIME);
                any = true;
            }
        }
        if (!any) {
            error(send, client, m, 400, "Bad Request: no XOR-PEER-ADDRESS");
            return;
        }
        counters.permissions++;
        success(send, client, StunMessage.responseTo(m, true));
    }

    private void channelBind(long now, InetSocketAddress client, Allocation a, StunMessage m, Consumer<Transmit> send) {
        if (a == null) {
            error(send, client, m, 437, "Allocation Mismatch");
            return;
        }
        Optional<InetSocketAddress> peer = m.address(StunAttributeType.XOR_PEER_ADDRESS);
        Optional<StunAttribute> number = m.first(StunAttributeType.CHANNEL_NUMBER);
        if (peer.isEmpty() || number.isEmpty() || !(number.get() instanceof StunAttribute.ChannelNumber cn)
                || cn.channel() < ChannelData.MIN_CHANNEL || cn.channel() > ChannelData.MAX_CHANNEL) {
            error(send, client, m, 400, "Bad Request");
            return;
        }
        int channel = cn.channel();
        InetSocketAddress boundPeer = a.peerOfChannel.get(channel);
        Integer boundChannel = a.channelOfPeer.get(peer.get());
        // RFC 5766 section 11.2: a channel is bound to one peer and a peer to one channel.
        if ((boundPeer != null && !boundPeer.equals(peer.get())) || (boundChannel != null && boundChannel != channel)) {
            error(send, client, m, 400, "Bad Request: channel or peer already bound");
            return;
        }
        a.peerOfChannel.put(channel, peer.get());
        a.channelOfPeer.put(peer.get(), channel);
        a.channelExpiry.put(channel, now + CHANNEL_LIFETIME);
        a.permissions.put(peer.get().getAddress(), now + PERMISSION_LIFETIME);
        counters.channelBinds++;
        success(send, client, StunMessage.responseTo(m, true));
    }

    private void sendIndication(long now, Allocation a, StunMessage m, Consumer<Transmit> send) {
        Optional<InetSocketAddress> peer = m.address(StunAttributeType.XOR_PEER_ADDRESS);
        Optional<byte[]> payload = m.bytes(StunAttributeType.DATA);
        if (a == null || peer.isEmpty() || payload.isEmpty()) {
            counters.malformed++;
            return;
        }
        toPeer(now, a, peer.get(), payload.get(), send);
    }

    private void channelDataFromClient(long now, InetSocketAddress client, byte[] data, Consumer<Transmit> send) {
        Allocation a = byClient.get(client);
        int length = ChannelData.dataLength(data, 0);
        if (a == null || 4 + length > data.length) {
            counters.malformed++;
            return;
        }
        int channel = ChannelData.channel(data, 0);
        InetSocketAddress peer = a.peerOfChannel.get(channel);
        if (peer == null || a.channelExpiry.get(channel) <= now) {
            counters.malformed++;
            return;
        }
        toPeer(now, a, peer, Arrays.copyOfRange(data, 4, 4 + length), send);
    }

    private void toPeer(long now, Allocation a, InetSocketAddress peer, byte[] payload, Consumer<Transmit> send) {
        if (!a.permits(peer.getAddress(), now)) {
            counters.noPermission++;
            return;
        }
        counters.relayedToPeers++;
        send.accept(new Transmit(a.relay, peer, payload));
    }

    private void fromPeer(long now, Allocation a, InetSocketAddress peer, byte[] data, Consumer<Transmit> send) {
        if (a == null || !a.permits(peer.getAddress(), now)) {
            counters.noPermission++;
            return;
        }
        counters.relayedToClients++;
        Optional<Integer> channel = a.channelFor(peer, now);
        byte[] out = channel.isPresent() ? ChannelData.encode(channel.get(), data, 0, data.length, false)
                : StunMessage.builder(StunMethod.DATA, StunClass.INDICATION, TransactionId.random(random))
                        .address(StunAttributeType.XOR_PEER_ADDRESS, peer)
                        .add(new StunAttribute.Opaque(StunAttributeType.DATA, data))
                        .encode(StunProtection.none());
        send.accept(new Transmit(address, a.client, out));
    }

    private void success(Consumer<Transmit> send, InetSocketAddress client, StunMessage.Builder response) {
        reply(send, client, response.encode(StunProtection.longTerm(key)));
    }

    private void error(Consumer<Transmit> send, InetSocketAddress client, StunMessage request, int code, String reason) {
        reply(send, client, StunMessage.responseTo(request, false)
                .add(new StunAttribute.ErrorCode(code, reason)).encode(StunProtection.longTerm(key)));
    }

    private void challenge(Consumer<Transmit> send, InetSocketAddress client, StunMessage request, int code,
            String reason) {
        reply(send, client, StunMessage.responseTo(request, false)
                .add(new StunAttribute.ErrorCode(code, reason))
                .text(StunAttributeType.REALM, REALM)
                .text(StunAttributeType.NONCE, nonce)
                .encode(StunProtection.none()));
    }

    private void reply(Consumer<Transmit> send, InetSocketAddress client, byte[] bytes) {
        send.accept(new Transmit(address, client, bytes));
    }
}
