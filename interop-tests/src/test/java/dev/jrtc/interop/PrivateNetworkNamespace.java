package dev.jrtc.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Set;

/**
 * Guards the safety rule of TESTRIG.md: a real peer runs only inside the private network
 * namespace that {@code interop-tests/run-interop.sh} creates, with nothing but {@code lo} and the
 * veth pair {@code v0}/{@code v1} whose default route goes nowhere. Anywhere else a browser could
 * reach real hosts, so the test fails before it starts one.
 */
public final class PrivateNetworkNamespace {
    private static final Set<String> ALLOWED_INTERFACES = Set.of("lo", "v0", "v1");

    private PrivateNetworkNamespace() {}

    /** Fails the calling test unless it runs in the private namespace that run-interop.sh makes. */
    public static void assertInside() {
        List<String> names;
        try {
            names = NetworkInterface.networkInterfaces().map(NetworkInterface::getName).toList();
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list network interfaces", e);
        }
        if (!ALLOWED_INTERFACES.containsAll(names)) {
            fail("interop tests run real peers and must run inside a private network namespace;"
                    + " use: bash interop-tests/run-interop.sh (interfaces here: " + names + ")");
        }
    }
}
