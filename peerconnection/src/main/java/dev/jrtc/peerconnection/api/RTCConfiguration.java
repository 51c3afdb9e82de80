package dev.jrtc.peerconnection.api;

import dev.jrtc.ice.IceConfig;
import dev.jrtc.peerconnection.netty.EdgeThreads;
import dev.jrtc.peerconnection.netty.ReceiveProbe;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How an {@link RTCPeerConnection} is set up (W3C {@code RTCConfiguration}, narrowed to what jrtc
 * does today: bundle on one transport, rtcp-mux always), plus where it runs.
 *
 * @param bindAddresses the local UDP addresses to bind (port 0 picks a free port); each becomes a host candidate
 * @param ice ICE tuning (timers, STUN/TURN servers, whether loopback peers are allowed)
 * @param callbackExecutor where callbacks run; {@code null} runs them on the connection's loop (they must not block)
 * @param threads the event loops and DTLS handshake pool; {@code null} means {@link EdgeThreads#shared()}
 * @param receiveProbe told how long each received datagram took to handle (load measurements), or {@code null}
 */
public record RTCConfiguration(List<InetSocketAddress> bindAddresses, IceConfig ice, Executor callbackExecutor,
        EdgeThreads threads, ReceiveProbe receiveProbe) {

    /** Checks and copies. */
    public RTCConfiguration {
        bindAddresses = List.copyOf(bindAddresses);
        Objects.requireNonNull(ice, "ice");
        if (bindAddresses.isEmpty()) {
            throw new IllegalArgumentException("at least one bind address is needed");
        }
    }

    /** On the shared loops, without a probe. */
    public RTCConfiguration(List<InetSocketAddress> bindAddresses, IceConfig ice, Executor callbackExecutor) {
        this(bindAddresses, ice, callbackExecutor, null, null);
    }

    /** Binds {@code 127.0.0.1} on a free port and accepts loopback peers: for tests on one machine. */
    public static RTCConfiguration loopback() {
        return new RTCConfiguration(List.of(new InetSocketAddress("127.0.0.1", 0)),
                IceConfig.builder().allowLoopbackRemote(true).build(), null);
    }

    /** A copy whose callbacks run on {@code executor}. */
    public RTCConfiguration withCallbackExecutor(Executor executor) {
        return new RTCConfiguration(bindAddresses, ice, executor, threads, receiveProbe);
    }

    /**
     * A copy that runs on one loop of {@code group} (the caller's; it shuts it down after closing its
     * connections) instead of the shared loops. The group must be able to register NIO datagram channels.
     */
    public RTCConfiguration withEventLoopGroup(EventLoopGroup group) {
        return withThreads(EdgeThreads.onLoops(group));
    }

    /** A copy that runs on {@code edgeThreads}' loops and handshake pool. */
    public RTCConfiguration withThreads(EdgeThreads edgeThreads) {
        return new RTCConfiguration(bindAddresses, ice, callbackExecutor, Objects.requireNonNull(edgeThreads, "edgeThreads"),
                receiveProbe);
    }

    /** A copy that reports every received datagram's handling time to {@code probe}. */
    public RTCConfiguration withReceiveProbe(ReceiveProbe probe) {
        return new RTCConfiguration(bindAddresses, ice, callbackExecutor, threads, probe);
    }

    /** The threads to run on: {@link #threads()}, or the shared ones. */
    EdgeThreads effectiveThreads() {
        return threads == null ? EdgeThreads.shared() : threads;
    }
}
