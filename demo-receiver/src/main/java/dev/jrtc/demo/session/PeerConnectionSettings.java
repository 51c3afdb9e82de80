package dev.jrtc.demo.session;

import dev.jrtc.ice.IceConfig;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How the demo's peer connections are set up: one UDP socket per local address (each a host
 * candidate), loopback peers allowed (the browser is usually on the same machine), and the
 * consent timeout after which a vanished peer's session is reaped.
 */
public final class PeerConnectionSettings {
    private final List<InetAddress> addresses;
    private final Duration consentTimeout;

    /**
     * @param addresses the local addresses to offer; empty means every IPv4 interface that is up
     * @param consentTimeout how long ICE waits for consent before the connection fails
     */
    public PeerConnectionSettings(List<InetAddress> addresses, Duration consentTimeout) {
        this.addresses = addresses.isEmpty() ? upIpv4Addresses() : List.copyOf(addresses);
        this.consentTimeout = consentTimeout;
    }

    /** A fresh configuration for one connection. */
    public RTCConfiguration configuration() {
        List<InetSocketAddress> bind = addresses.stream().map(a -> new InetSocketAddress(a, 0)).toList();
        IceConfig.Builder ice = IceConfig.builder().allowLoopbackRemote(true).consentTimeout(consentTimeout);
        if (consentTimeout.compareTo(Duration.ofSeconds(15)) < 0) {
            // A short timeout (tests, impatient demos) needs checks well inside it.
            ice.consentInterval(consentTimeout.dividedBy(3)).disconnectedAfter(consentTimeout.dividedBy(2));
        }
        return new RTCConfiguration(bind, ice.build(), null);
    }

    /** The addresses offered as host candidates. */
    public List<InetAddress> addresses() {
        return addresses;
    }

    private static List<InetAddress> upIpv4Addresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
                        out.add(a);
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to loopback
        }
        if (out.isEmpty()) {
            out.add(InetAddress.getLoopbackAddress());
        }
        // Loopback first: a browser on this machine finds it fastest.
        out.sort((a, b) -> Boolean.compare(!a.isLoopbackAddress(), !b.isLoopbackAddress()));
        return List.copyOf(out);
    }
}
