package dev.jrtc.ice.turn;

import dev.jrtc.common.ParseException;
import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.IpAddresses;
import dev.jrtc.ice.stun.RetransmitPolicy;
import dev.jrtc.ice.stun.RetransmitTimer;
import dev.jrtc.ice.stun.StunAttribute;
import dev.jrtc.ice.stun.StunAttributeType;
import dev.jrtc.ice.stun.StunClass;
import dev.jrtc.ice.stun.StunCredentials;
import dev.jrtc.ice.stun.StunMessage;
import dev.jrtc.ice.stun.StunMethod;
import dev.jrtc.ice.stun.StunPacket;
import dev.jrtc.ice.stun.StunProtection;
import dev.jrtc.ice.stun.TransactionId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A sans-IO TURN client for one allocation (RFC 8656): Allocate with the 401/438 nonce dance,
 * Refresh before expiry, CreatePermission and ChannelBind on demand, Send/Data indications and
 * ChannelData, and release on {@link #close}. When the server has lost the allocation (437, or
 * coturn's 400, after a restart or expiry) the client allocates again and reports the new relayed
 * address through {@link Listener#reallocated}. It emits bytes for the server through its
 * {@link Listener}; over TCP and TLS those bytes are already framed for the stream.
 */
public final class TurnClient {
    /** Where the client's outputs go. */
    public interface Listener {
        /** Bytes to send to the server (a datagram over UDP, stream bytes over TCP/TLS). */
        void sendToServer(TurnClient client, byte[] data);

        /** The allocation succeeded. */
        void allocated(TurnClient client, InetSocketAddress relayed, InetSocketAddress mapped);

        /**
         * The server had lost our allocation (it restarted, or the allocation expired) and the client
         * made a new one: the relayed address changed from {@code previous} to {@code relayed}.
         * Permissions and channels are gone; data sent meanwhile was dropped.
         */
        void reallocated(TurnClient client, InetSocketAddress previous, InetSocketAddress relayed,
                InetSocketAddress mapped);

        /** The allocation failed or was lost; the client is now closed. */
        void failed(TurnClient client, TurnFailure failure);

        /** Data from a peer arrived through the relay. */
        void peerData(TurnClient client, InetSocketAddress peer, byte[] data, int offset, int length);

        /**
         * RFC 6062, TCP allocations only: the relay holds a TCP connection to {@code peer}, because our
         * {@link #connect} succeeded or because the peer connected to the relayed address (a
         * ConnectionAttempt). Open a new connection to the server and bind it with a
         * {@link TurnDataConnection} for {@code connectionId}; the server drops it if that takes
         * more than 30 s.
         */
        default void peerConnectionReady(TurnClient client, long connectionId, InetSocketAddress peer) {
        }

        /** RFC 6062, TCP allocations only: our Connect to {@code peer} failed (e.g. 447, or 403 without permission). */
        default void peerConnectFailed(TurnClient client, InetSocketAddress peer, int code, String reason) {
        }
    }

    /** The allocation's life. */
    public enum State { NEW, ALLOCATING, ALLOCATED, FAILED, CLOSED }

    private static final long PERMISSION_REFRESH = Duration.ofMinutes(4).toNanos();
    private static final int MAX_QUEUED_PER_PEER = 16;
    private static final int MAX_NONCE_RETRIES = 3;
    private static final int MAX_REALLOCATIONS = 3;
    private static final long VERIFY_SPACING = Duration.ofSeconds(10).toNanos();

    private final TurnTransport transport;
    private final RelayProtocol relayProtocol;
    private final String username;
    private final String password;
    private final RandomSource random;
    private final Listener listener;
    private final RetransmitPolicy policy;
    private final StreamFramer framer = new StreamFramer(StreamFramer.Framing.TURN);
    private final Map<TransactionId, Pending> pending = new HashMap<>();
    private final Map<InetAddress, Permission> permissions = new HashMap<>();
    private final ChannelBindings channels = new ChannelBindings();
    private State state = State.NEW;
    private String realm;
    private String nonce;
    private byte[] key;
    private int nonceRetries;
    private int reallocations;
    private InetSocketAddress lostRelay;
    private long verifiedAt = Long.MIN_VALUE;
    private boolean authenticatedOnce;
    private long refreshAt = Long.MAX_VALUE;
    private long lifetimeNanos;
    private InetSocketAddress relayed;
    private InetSocketAddress mapped;
    private TurnFailure failure;

    private enum Kind { ALLOCATE, REFRESH, PERMISSION, CHANNEL_BIND, CONNECT }

    /** An outstanding request and what it was for. */
    private static final class Pending {
        final Kind kind;
        final byte[] bytes;
        final RetransmitTimer timer;
        final Object subject;

        Pending(Kind kind, byte[] bytes, RetransmitTimer timer, Object subject) {
            this.kind = kind;
            this.bytes = bytes;
            this.timer = timer;
            this.subject = subject;
        }
    }

    /** A permission for one peer IP: installed or not, and what waits for it. */
    private static final class Permission {
        boolean installed;
        boolean requested;
        long refreshAt = Long.MAX_VALUE;
        final ArrayDeque<Object[]> queue = new ArrayDeque<>();
        /** RFC 6062 Connects that wait for this permission. */
        final ArrayDeque<InetSocketAddress> connects = new ArrayDeque<>();
    }

    /**
     * A client that will allocate over {@code transport} with long-term credentials.
     *
     * @param policy retransmission over UDP; ignored for TCP/TLS, which do not retransmit
     */
    public TurnClient(TurnTransport transport, String username, String password, RandomSource random,
            RetransmitPolicy policy, Listener listener) {
        this(transport, RelayProtocol.UDP, username, password, random, policy, listener);
    }

    /**
     * A client that will ask for a {@code relayProtocol} relay: {@link RelayProtocol#TCP} makes an
     * RFC 6062 TCP allocation, which needs a TCP or TLS {@code transport}.
     *
     * @throws IllegalArgumentException for a TCP relay over UDP
     */
    public TurnClient(TurnTransport transport, RelayProtocol relayProtocol, String username, String password,
            RandomSource random, RetransmitPolicy policy, Listener listener) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.relayProtocol = Objects.requireNonNull(relayProtocol, "relayProtocol");
        if (relayProtocol == RelayProtocol.TCP && !transport.isStream()) {
            throw new IllegalArgumentException("RFC 6062 TCP relays need a TCP or TLS connection to the server");
        }
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.random = Objects.requireNonNull(random, "random");
        this.policy = transport.isStream() ? RetransmitPolicy.reliable(Duration.ofMillis(39_500)) : policy;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Sends the first (unauthenticated) Allocate. */
    public void start(long nowNanos) {
        if (state != State.NEW) {
            return;
        }
        state = State.ALLOCATING;
        sendAllocate(nowNanos);
    }

    /** The state. */
    public State state() {
        return state;
    }

    /** The transport to the server. */
    public TurnTransport transport() {
        return transport;
    }

    /** The relayed transport address, once allocated. */
    public Optional<InetSocketAddress> relayedAddress() {
        return Optional.ofNullable(relayed);
    }

    /** Our address as the server saw it, once allocated. */
    public Optional<InetSocketAddress> mappedAddress() {
        return Optional.ofNullable(mapped);
    }

    /** Why the allocation failed, if it did. */
    public Optional<TurnFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** The realm the server announced, if any. */
    public Optional<String> realm() {
        return Optional.ofNullable(realm);
    }

    /** Whether a permission for {@code peer}'s IP is installed. */
    public boolean hasPermission(InetAddress peer) {
        Permission p = permissions.get(IpAddresses.normalize(peer));
        return p != null && p.installed;
    }

    /** The channel bound to {@code peer}, if any. */
    public Optional<Integer> channelFor(InetSocketAddress peer) {
        return Optional.ofNullable(channels.channelFor(IpAddresses.normalize(peer)));
    }

    /** The earliest time {@link #handleTimeout} has work. */
    public long deadline() {
        long d = refreshAt;
        for (Pending p : pending.values()) {
            d = Math.min(d, p.timer.deadline());
        }
        for (Permission p : permissions.values()) {
            d = Math.min(d, p.refreshAt);
        }
        d = Math.min(d, channels.deadline());
        return state == State.FAILED || state == State.CLOSED ? Long.MAX_VALUE : d;
    }

    /** Retransmits, times out, and refreshes what is due. */
    public void handleTimeout(long nowNanos) {
        if (state == State.FAILED || state == State.CLOSED) {
            return;
        }
        for (Iterator<Map.Entry<TransactionId, Pending>> it = pending.entrySet().iterator(); it.hasNext();) {
            Pending p = it.next().getValue();
            switch (p.timer.onTimeout(nowNanos)) {
                case RETRANSMIT -> listener.sendToServer(this, p.bytes);
                case GIVE_UP -> {
                    it.remove();
                    onTimedOut(nowNanos, p);
                    if (state == State.FAILED) {
                        return;
                    }
                }
                case NOTHING -> {
                }
            }
        }
        if (state != State.ALLOCATED) {
            return;
        }
        if (nowNanos >= refreshAt) {
            refreshAt = Long.MAX_VALUE;
            sendAuthenticated(nowNanos, Kind.REFRESH, null, b -> b.add(
                    new StunAttribute.Number32(StunAttributeType.LIFETIME, lifetimeNanos / 1_000_000_000L)));
        }
        permissions.forEach((ip, p) -> {
            if (nowNanos >= p.refreshAt) {
                p.refreshAt = Long.MAX_VALUE;
                sendPermission(nowNanos, ip);
            }
        });
        for (int channel : channels.dueForRefresh(nowNanos)) {
            sendChannelBind(nowNanos, channel, channels.peerOf(channel));
        }
    }

    private void onTimedOut(long nowNanos, Pending p) {
        switch (p.kind) {
            case ALLOCATE -> fail(new TurnFailure(TurnFailure.Kind.TIMEOUT, 0,
                    "no response to Allocate after " + p.timer.sends() + " attempt(s)"));
            case REFRESH -> fail(new TurnFailure(TurnFailure.Kind.ALLOCATION_LOST, 0, "Refresh timed out"));
            case PERMISSION -> {
                Permission perm = permissions.remove((InetAddress) p.subject);
                if (perm != null) {
                    perm.queue.clear();
                }
            }
            case CHANNEL_BIND -> unbind((Integer) p.subject);
            case CONNECT -> listener.peerConnectFailed(this, (InetSocketAddress) p.subject, 0, "Connect timed out");
        }
    }

    /**
     * Bytes from the server: a datagram over UDP, or any chunk of the stream over TCP/TLS. Malformed
     * input is dropped; it never throws.
     */
    public void handleReceive(long nowNanos, byte[] buf, int offset, int length) {
        if (state == State.CLOSED || state == State.FAILED) {
            return;
        }
        if (transport.isStream()) {
            for (byte[] frame : framer.append(buf, offset, length)) {
                handleMessage(nowNanos, frame, 0, frame.length);
            }
            if (framer.isBroken()) {
                fail(new TurnFailure(TurnFailure.Kind.CONNECTION_FAILED, 0, "the server's stream broke its framing"));
            }
        } else {
            handleMessage(nowNanos, buf, offset, length);
        }
    }

    /** The edge reports that the TCP or TLS connection failed or closed. */
    public void handleConnectionFailed(long nowNanos, String why) {
        if (state == State.ALLOCATING || state == State.ALLOCATED) {
            fail(new TurnFailure(state == State.ALLOCATING ? TurnFailure.Kind.TIMEOUT : TurnFailure.Kind.CONNECTION_FAILED,
                    0, why));
        }
    }

    private void handleMessage(long nowNanos, byte[] buf, int offset, int length) {
        if (ChannelData.looksLikeChannelData(buf, offset, length)) {
            int channel = ChannelData.channel(buf, offset);
            int dataLength = ChannelData.dataLength(buf, offset);
            InetSocketAddress peer = channels.peerOf(channel);
            if (peer != null && dataLength <= length - 4) {
                listener.peerData(this, peer, buf, offset + 4, dataLength);
            }
            return;
        }
        StunPacket packet;
        try {
            packet = StunPacket.decode(buf, offset, length);
        } catch (ParseException e) {
            return;
        }
        StunMessage m = packet.message();
        if (m.is(StunMethod.DATA, StunClass.INDICATION)) {
            Optional<InetSocketAddress> peer = m.address(StunAttributeType.XOR_PEER_ADDRESS);
            Optional<byte[]> data = m.bytes(StunAttributeType.DATA);
            if (peer.isPresent() && data.isPresent() && hasPermission(peer.get().getAddress())) {
                byte[] d = data.get();
                listener.peerData(this, IpAddresses.normalize(peer.get()), d, 0, d.length);
            }
            return;
        }
        if (m.is(StunMethod.CONNECTION_ATTEMPT, StunClass.INDICATION)) {
            Optional<InetSocketAddress> peer = m.address(StunAttributeType.XOR_PEER_ADDRESS);
            OptionalLong id = m.number(StunAttributeType.CONNECTION_ID);
            if (relayProtocol == RelayProtocol.TCP && state == State.ALLOCATED && peer.isPresent() && id.isPresent()) {
                listener.peerConnectionReady(this, id.getAsLong(), IpAddresses.normalize(peer.get()));
            }
            return;
        }
        if (!m.stunClass().isResponse()) {
            return;
        }
        Pending p = pending.get(m.transactionId());
        if (p == null) {
            return;
        }
        // A response with integrity must match our key; one without is accepted only as an error
        // (401/438 carry none, and an attacker who can forge those can also just drop our packets).
        boolean success = m.stunClass() == StunClass.SUCCESS_RESPONSE;
        if (packet.hasIntegrity() ? key == null || !packet.isAuthentic(key) : success && key != null) {
            return;
        }
        pending.remove(m.transactionId());
        if (success) {
            nonceRetries = 0; // the counter bounds consecutive stale nonces, not the allocation's lifetime
            if (p.kind != Kind.ALLOCATE) {
                reallocations = 0;
            }
            onSuccess(nowNanos, p, m);
        } else {
            onError(nowNanos, p, m);
        }
    }

    private void onSuccess(long nowNanos, Pending p, StunMessage m) {
        switch (p.kind) {
            case ALLOCATE -> {
                Optional<InetSocketAddress> relay = m.address(StunAttributeType.XOR_RELAYED_ADDRESS);
                if (relay.isEmpty()) {
                    fail(new TurnFailure(TurnFailure.Kind.ALLOCATION_FAILED, 0, "Allocate success without XOR-RELAYED-ADDRESS"));
                    return;
                }
                relayed = IpAddresses.normalize(relay.get());
                mapped = m.address(StunAttributeType.XOR_MAPPED_ADDRESS).map(IpAddresses::normalize).orElse(null);
                scheduleRefresh(nowNanos, m);
                state = State.ALLOCATED;
                InetSocketAddress previous = lostRelay;
                lostRelay = null;
                if (previous == null) {
                    listener.allocated(this, relayed, mapped);
                } else {
                    listener.reallocated(this, previous, relayed, mapped);
                }
            }
            case REFRESH -> scheduleRefresh(nowNanos, m);
            case PERMISSION -> {
                InetAddress ip = (InetAddress) p.subject;
                Permission perm = permissions.get(ip);
                if (perm != null) {
                    perm.installed = true;
                    perm.refreshAt = nowNanos + PERMISSION_REFRESH;
                    while (!perm.queue.isEmpty()) {
                        Object[] q = perm.queue.poll();
                        sendToPeer(nowNanos, (InetSocketAddress) q[0], (byte[]) q[1], 0, ((byte[]) q[1]).length);
                    }
                    while (!perm.connects.isEmpty()) {
                        sendConnect(nowNanos, perm.connects.poll());
                    }
                }
            }
            case CHANNEL_BIND -> channels.confirmed((Integer) p.subject, nowNanos);
            case CONNECT -> {
                OptionalLong id = m.number(StunAttributeType.CONNECTION_ID);
                if (id.isPresent()) {
                    listener.peerConnectionReady(this, id.getAsLong(), (InetSocketAddress) p.subject);
                } else {
                    listener.peerConnectFailed(this, (InetSocketAddress) p.subject, 0, "Connect success without CONNECTION-ID");
                }
            }
        }
    }

    private void scheduleRefresh(long nowNanos, StunMessage m) {
        long seconds = m.number(StunAttributeType.LIFETIME).orElse(600);
        lifetimeNanos = Duration.ofSeconds(Math.max(seconds, 60)).toNanos();
        // Refresh a minute early, or halfway for short lifetimes.
        refreshAt = nowNanos + Math.max(lifetimeNanos / 2, lifetimeNanos - Duration.ofSeconds(60).toNanos());
    }

    private void onError(long nowNanos, Pending p, StunMessage m) {
        StunAttribute.ErrorCode error = m.errorCode().orElse(new StunAttribute.ErrorCode(500, "error without ERROR-CODE"));
        int code = error.code();
        boolean canRetry = (code == 401 && p.kind == Kind.ALLOCATE && !authenticatedOnce) || code == 438;
        if (canRetry && nonceRetries < MAX_NONCE_RETRIES && m.text(StunAttributeType.NONCE).isPresent()) {
            nonceRetries++;
            nonce = m.text(StunAttributeType.NONCE).get();
            realm = m.text(StunAttributeType.REALM).orElse(realm);
            if (realm == null) {
                fail(new TurnFailure(TurnFailure.Kind.ALLOCATION_FAILED, code, "401 without REALM"));
                return;
            }
            key = StunCredentials.longTermKey(username, realm, password);
            authenticatedOnce = true;
            resend(nowNanos, p);
            return;
        }
        boolean gone = code == 437 || (code == 400 && p.kind != Kind.CONNECT);
        if (p.kind != Kind.ALLOCATE && state == State.ALLOCATED && gone) {
            // 437 Allocation Mismatch: the server no longer knows our 5-tuple. coturn says 400 for a
            // CreatePermission or ChannelBind without an allocation. Either way the relay is gone.
            reallocate(nowNanos, code, error.reason());
            return;
        }
        switch (p.kind) {
            case ALLOCATE -> fail(new TurnFailure(code == 401 || code == 441 ? TurnFailure.Kind.AUTH_FAILED
                    : TurnFailure.Kind.ALLOCATION_FAILED, code, error.reason()));
            case REFRESH -> fail(new TurnFailure(TurnFailure.Kind.ALLOCATION_LOST, code, error.reason()));
            case PERMISSION -> permissions.remove((InetAddress) p.subject);
            case CHANNEL_BIND -> unbind((Integer) p.subject);
            case CONNECT -> listener.peerConnectFailed(this, (InetSocketAddress) p.subject, code, error.reason());
        }
    }

    /**
     * Forgets the lost allocation with everything hanging off it and allocates again with the
     * credentials we have. A server that keeps losing fresh allocations fails the client.
     */
    private void reallocate(long nowNanos, int code, String reason) {
        if (++reallocations > MAX_REALLOCATIONS) {
            fail(new TurnFailure(TurnFailure.Kind.ALLOCATION_LOST, code,
                    reason + " (the server lost " + MAX_REALLOCATIONS + " allocations in a row)"));
            return;
        }
        lostRelay = relayed;
        relayed = null;
        pending.clear();
        permissions.clear();
        channels.clear();
        refreshAt = Long.MAX_VALUE;
        state = State.ALLOCATING;
        sendAllocate(nowNanos);
    }

    /** Sends the request again with fresh authentication (new nonce) and a new transaction ID. */
    private void resend(long nowNanos, Pending p) {
        switch (p.kind) {
            case ALLOCATE -> sendAllocate(nowNanos);
            case REFRESH -> sendAuthenticated(nowNanos, Kind.REFRESH, null, b -> b.add(
                    new StunAttribute.Number32(StunAttributeType.LIFETIME, lifetimeNanos / 1_000_000_000L)));
            case PERMISSION -> sendPermission(nowNanos, (InetAddress) p.subject);
            case CHANNEL_BIND -> sendChannelBind(nowNanos, (Integer) p.subject, channels.peerOf((Integer) p.subject));
            case CONNECT -> sendConnect(nowNanos, (InetSocketAddress) p.subject);
        }
    }

    private void sendAllocate(long nowNanos) {
        sendAuthenticated(nowNanos, Kind.ALLOCATE, null, b -> {
            b.add(new StunAttribute.RequestedTransport(relayProtocol.ipProtocol()));
            if (relayProtocol == RelayProtocol.UDP) {
                // RFC 6062 section 5.1: a TCP Allocate with DONT-FRAGMENT is a 400.
                b.add(new StunAttribute.Flag(StunAttributeType.DONT_FRAGMENT));
            }
        });
    }

    private void sendConnect(long nowNanos, InetSocketAddress peer) {
        sendAuthenticated(nowNanos, Kind.CONNECT, peer, b -> b.address(StunAttributeType.XOR_PEER_ADDRESS, peer));
    }

    private void sendPermission(long nowNanos, InetAddress ip) {
        sendAuthenticated(nowNanos, Kind.PERMISSION, ip,
                b -> b.address(StunAttributeType.XOR_PEER_ADDRESS, new InetSocketAddress(ip, 0)));
    }

    private void sendChannelBind(long nowNanos, int channel, InetSocketAddress peer) {
        if (peer == null) {
            return;
        }
        sendAuthenticated(nowNanos, Kind.CHANNEL_BIND, channel, b -> b
                .add(new StunAttribute.ChannelNumber(channel))
                .address(StunAttributeType.XOR_PEER_ADDRESS, peer));
    }

    private void sendAuthenticated(long nowNanos, Kind kind, Object subject,
            java.util.function.Consumer<StunMessage.Builder> attributes) {
        int method = switch (kind) {
            case ALLOCATE -> StunMethod.ALLOCATE;
            case REFRESH -> StunMethod.REFRESH;
            case PERMISSION -> StunMethod.CREATE_PERMISSION;
            case CHANNEL_BIND -> StunMethod.CHANNEL_BIND;
            case CONNECT -> StunMethod.CONNECT;
        };
        StunMessage.Builder b = StunMessage.request(method, random);
        attributes.accept(b);
        byte[] bytes;
        if (key == null) {
            bytes = b.encode(StunProtection.fingerprintOnly());
        } else {
            b.text(StunAttributeType.USERNAME, username).text(StunAttributeType.REALM, realm)
                    .text(StunAttributeType.NONCE, nonce);
            bytes = b.encode(StunProtection.longTerm(key).withFingerprint());
        }
        StunMessage built = b.build();
        pending.put(built.transactionId(), new Pending(kind, bytes, new RetransmitTimer(policy, nowNanos), subject));
        listener.sendToServer(this, bytes);
    }

    /**
     * Sends data to {@code peer} through the relay: as ChannelData if a channel is bound, else as a
     * Send indication once a permission for the peer's IP is installed (requested here if needed,
     * with the data queued meanwhile).
     */
    public void sendToPeer(long nowNanos, InetSocketAddress peer, byte[] data, int offset, int length) {
        if (relayProtocol == RelayProtocol.TCP) {
            throw new IllegalStateException("a TCP allocation carries data on TurnDataConnections, not in Send indications");
        }
        if (state != State.ALLOCATED) {
            return;
        }
        InetSocketAddress p = IpAddresses.normalize(peer);
        Permission perm = permissions.computeIfAbsent(p.getAddress(), ip -> new Permission());
        if (!perm.installed) {
            if (perm.queue.size() < MAX_QUEUED_PER_PEER) {
                perm.queue.add(new Object[] {p, java.util.Arrays.copyOfRange(data, offset, offset + length)});
            }
            if (!perm.requested) {
                perm.requested = true;
                sendPermission(nowNanos, p.getAddress());
            }
            return;
        }
        OptionalInt channel = channels.confirmedFor(p);
        if (channel.isPresent()) {
            listener.sendToServer(this, ChannelData.encode(channel.getAsInt(), data, offset, length, transport.isStream()));
            return;
        }
        byte[] payload = java.util.Arrays.copyOfRange(data, offset, offset + length);
        listener.sendToServer(this, StunMessage.builder(StunMethod.SEND, StunClass.INDICATION, TransactionId.random(random))
                .address(StunAttributeType.XOR_PEER_ADDRESS, p)
                .add(new StunAttribute.Opaque(StunAttributeType.DATA, payload))
                .encode(StunProtection.none()));
    }

    /**
     * Asks the server now whether the allocation still exists, with a Refresh (which also extends
     * it), unless one is already out. Call it when the path through the relay goes silent: a server
     * that restarted answers 438 and then 437, and the client allocates again at once instead of at
     * the next scheduled refresh minutes later. At most one such Refresh goes out every 10 s, so a
     * path that stays silent for other reasons does not flood the server.
     */
    public void verifyAllocation(long nowNanos) {
        if (state != State.ALLOCATED || pending.values().stream().anyMatch(p -> p.kind == Kind.REFRESH)
                || (verifiedAt != Long.MIN_VALUE && nowNanos - verifiedAt < VERIFY_SPACING)) {
            return;
        }
        verifiedAt = nowNanos;
        refreshAt = Long.MAX_VALUE;
        sendAuthenticated(nowNanos, Kind.REFRESH, null, b -> b.add(
                new StunAttribute.Number32(StunAttributeType.LIFETIME, lifetimeNanos / 1_000_000_000L)));
    }

    /**
     * Installs a permission for {@code ip} (RFC 8656 section 9), so that the relay accepts data from
     * it, or (TCP allocations) TCP connections from it. {@link #sendToPeer} does this by itself.
     */
    public void createPermission(long nowNanos, InetAddress ip) {
        Permission perm = permissions.computeIfAbsent(IpAddresses.normalize(ip), a -> new Permission());
        if (state == State.ALLOCATED && !perm.requested) {
            perm.requested = true;
            sendPermission(nowNanos, IpAddresses.normalize(ip));
        }
    }

    /**
     * RFC 6062: asks the relay to open a TCP connection to {@code peer}, after installing a permission
     * for its IP if needed. The answer comes as {@link Listener#peerConnectionReady} or
     * {@link Listener#peerConnectFailed}.
     *
     * @throws IllegalStateException if this is not an allocated TCP allocation
     */
    public void connect(long nowNanos, InetSocketAddress peer) {
        if (relayProtocol != RelayProtocol.TCP || state != State.ALLOCATED) {
            throw new IllegalStateException("Connect needs an allocated TCP allocation; this is a "
                    + relayProtocol + " allocation in state " + state);
        }
        InetSocketAddress p = IpAddresses.normalize(peer);
        Permission perm = permissions.computeIfAbsent(p.getAddress(), ip -> new Permission());
        if (perm.installed) {
            sendConnect(nowNanos, p);
            return;
        }
        perm.connects.add(p);
        createPermission(nowNanos, p.getAddress());
    }

    /** The relay protocol of this allocation. */
    public RelayProtocol relayProtocol() {
        return relayProtocol;
    }

    /**
     * The ConnectionBind request for a data connection (RFC 6062 section 4.3), authenticated with
     * this allocation's credentials and current nonce; for {@link TurnDataConnection}.
     */
    StunMessage.Builder connectionBind(long connectionId) {
        return StunMessage.request(StunMethod.CONNECTION_BIND, random)
                .add(new StunAttribute.Number32(StunAttributeType.CONNECTION_ID, connectionId))
                .text(StunAttributeType.USERNAME, username).text(StunAttributeType.REALM, realm)
                .text(StunAttributeType.NONCE, nonce);
    }

    /** The long-term key, once the server has announced its realm. */
    byte[] key() {
        return key;
    }

    /** A data connection learned a new nonce (438): later requests use it. */
    void nonceChanged(String newNonce) {
        nonce = newNonce;
    }

    /** Binds a channel to {@code peer} so that later data goes as 4-byte-header ChannelData. */
    public void bindChannel(long nowNanos, InetSocketAddress peer) {
        InetSocketAddress p = IpAddresses.normalize(peer);
        if (state != State.ALLOCATED) {
            return;
        }
        OptionalInt channel = channels.reserve(p);
        if (channel.isPresent()) {
            sendChannelBind(nowNanos, channel.getAsInt(), p);
        }
    }

    private void unbind(Integer channel) {
        channels.remove(channel);
    }

    /** Releases the allocation (Refresh with LIFETIME 0, not retransmitted) and stops all timers. */
    public void close(long nowNanos) {
        if (state == State.ALLOCATED && key != null) {
            StunMessage.Builder b = StunMessage.request(StunMethod.REFRESH, random)
                    .add(new StunAttribute.Number32(StunAttributeType.LIFETIME, 0))
                    .text(StunAttributeType.USERNAME, username).text(StunAttributeType.REALM, realm)
                    .text(StunAttributeType.NONCE, nonce);
            listener.sendToServer(this, b.encode(StunProtection.longTerm(key).withFingerprint()));
        }
        if (state != State.FAILED) {
            state = State.CLOSED;
        }
        pending.clear();
        permissions.clear();
        refreshAt = Long.MAX_VALUE;
    }

    private void fail(TurnFailure f) {
        failure = f;
        state = State.FAILED;
        pending.clear();
        permissions.clear();
        refreshAt = Long.MAX_VALUE;
        listener.failed(this, f);
    }

    /** The peers with channels, for tests and stats. */
    public List<InetSocketAddress> boundPeers() {
        return channels.peers();
    }
}
