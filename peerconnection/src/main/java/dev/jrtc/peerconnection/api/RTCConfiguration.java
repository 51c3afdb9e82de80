package dev.jrtc.peerconnection.api;

import dev.jrtc.ice.IceConfig;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * How an {@link RTCPeerConnection} is set up (W3C {@code RTCConfiguration}, narrowed to what jrtc
 * does today: bundle on one transport, rtcp-mux always).
 *
 * @param bindAddresses the local UDP addresses to bind (port 0 picks a free port); each becomes a host candidate
 * @param ice ICE tuning (timers, STUN/TURN servers, whether loopback peers are allowed)
 * @param callbackExecutor where callbacks run; {@code null} runs them on the connection's loop (they must not block)
 */
public record RTCConfiguration(List<InetSocketAddress> bindAddresses, IceConfig ice, Executor callbackExecutor) {

    /** Checks and copies. */
    public RTCConfiguration {
        bindAddresses = List.copyOf(bindAddresses);
        Objects.requireNonNull(ice, "ice");
        if (bindAddresses.isEmpty()) {
            throw new IllegalArgumentException("at least one bind address is needed");
        }
    }

    /** Binds {@code 127.0.0.1} on a free port and accepts loopback peers: for tests on one machine. */
    public static RTCConfiguration loopback() {
        return new RTCConfiguration(List.of(new InetSocketAddress("127.0.0.1", 0)),
                IceConfig.builder().allowLoopbackRemote(true).build(), null);
    }

    /** A copy whose callbacks run on {@code executor}. */
    public RTCConfiguration withCallbackExecutor(Executor executor) {
        return new RTCConfiguration(bindAddresses, ice, executor);
    }
}
