package dev.jrtc.peerconnection.netty;

import dev.jrtc.common.Transmit;
import dev.jrtc.ice.mdns.MdnsResolver;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The mDNS part of a connection's edge (RFC 6762): per host interface, one UDP socket on port 5353
 * (shared with other responders through SO_REUSEADDR and SO_REUSEPORT) joined to 224.0.0.251 on that
 * interface. Responders such as Chromium's answer only by multicast, so without it a {@code .local}
 * candidate never resolves. Our own queries and answers leave through these sockets too: from port
 * 5353, as RFC 6762 section 5.2 asks of full responders, and only on the host interface.
 */
final class MdnsListener implements AutoCloseable {
    private final List<Channel> channels;
    private final List<InetAddress> hostAddresses;

    private MdnsListener(List<Channel> channels, List<InetAddress> hostAddresses) {
        this.channels = channels;
        this.hostAddresses = hostAddresses;
    }

    /**
     * Opens one socket per interface that owns an IPv4 host address.
     *
     * @param inbound makes the handler for one interface's socket, given the host address to report as local
     * @throws IOException if no socket could be opened or joined
     */
    static MdnsListener open(EventLoop loop, List<InetSocketAddress> hostAddresses,
            Function<InetSocketAddress, ChannelHandler> inbound) throws IOException {
        Map<NetworkInterface, InetSocketAddress> byInterface = interfaces(hostAddresses);
        if (byInterface.isEmpty()) {
            throw new IOException("no IPv4 host interface for mDNS in " + hostAddresses);
        }
        List<Channel> channels = new ArrayList<>();
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (Map.Entry<NetworkInterface, InetSocketAddress> e : byInterface.entrySet()) {
                channels.add(bind(loop, e.getKey(), inbound.apply(e.getValue())));
                addresses.add(e.getValue().getAddress());
            }
        } catch (IOException | RuntimeException e) {
            channels.forEach(Channel::close);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        return new MdnsListener(channels, addresses);
    }

    /**
     * Binds and joins with the JDK channel (synchronous, so it also works on the connection's own loop,
     * where a Netty bind could not be awaited), then hands the bound channel to Netty.
     */
    private static Channel bind(EventLoop loop, NetworkInterface nif, ChannelHandler handler) throws IOException {
        java.nio.channels.DatagramChannel jdk = java.nio.channels.DatagramChannel.open(StandardProtocolFamily.INET);
        try {
            jdk.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            if (jdk.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
                jdk.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            }
            jdk.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            jdk.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 255); // RFC 6762 section 11
            jdk.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true); // peers on this host listen too
            jdk.bind(new InetSocketAddress(MdnsResolver.GROUP_V4.getPort()));
            jdk.join(MdnsResolver.GROUP_V4.getAddress(), nif);
            jdk.configureBlocking(false);
            Channel ch = new NioDatagramChannel(jdk);
            ch.pipeline().addLast(handler);
            ChannelFuture registered = loop.register(ch);
            if (!loop.inEventLoop()) {
                registered.syncUninterruptibly();
            } else if (registered.cause() != null) {
                throw new IOException(registered.cause());
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            jdk.close();
            throw new IOException("cannot open mDNS on " + nif.getName() + ": " + e, e);
        }
    }

    /** The interfaces of the IPv4 host addresses (a wildcard address stands for every interface that is up). */
    private static Map<NetworkInterface, InetSocketAddress> interfaces(List<InetSocketAddress> hostAddresses)
            throws SocketException {
        Map<NetworkInterface, InetSocketAddress> out = new LinkedHashMap<>();
        for (InetSocketAddress a : hostAddresses) {
            if (!(a.getAddress() instanceof Inet4Address v4)) {
                continue;
            }
            if (v4.isAnyLocalAddress()) {
                for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    if (nif.isUp() && nif.inetAddresses().anyMatch(x -> x instanceof Inet4Address)) {
                        out.putIfAbsent(nif, a);
                    }
                }
            } else {
                NetworkInterface nif = NetworkInterface.getByInetAddress(v4);
                if (nif != null) {
                    out.putIfAbsent(nif, a);
                }
            }
        }
        return out;
    }

    /**
     * Sends an mDNS query or answer to the group from port 5353 on the interface of {@code t}'s
     * source (the first interface when none matches). Returns false when the socket is gone.
     */
    boolean send(Transmit t) {
        Channel ch = channels.get(0);
        for (int i = 0; i < channels.size(); i++) {
            if (hostAddresses.get(i).equals(t.source().getAddress())) {
                ch = channels.get(i);
                break;
            }
        }
        if (!ch.isActive()) {
            return false;
        }
        ch.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(t.data(), t.offset(), t.length()),
                MdnsResolver.GROUP_V4), ch.voidPromise());
        return true;
    }

    /** Whether {@code t} is mDNS traffic for the group. */
    static boolean isForGroup(Transmit t) {
        return t.destination().equals(MdnsResolver.GROUP_V4);
    }

    /** How many interfaces listen now (for tests and logs). */
    int interfaceCount() {
        return (int) channels.stream().filter(Channel::isOpen).count();
    }

    @Override
    public void close() {
        for (Channel ch : channels) {
            ChannelFuture f = ch.close();
            if (!ch.eventLoop().inEventLoop()) {
                f.awaitUninterruptibly(2, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }
}
