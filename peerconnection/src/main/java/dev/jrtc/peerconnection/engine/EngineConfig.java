package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.RandomSource;
import dev.jrtc.common.WallClock;
import dev.jrtc.dtls.DtlsCertificate;
import dev.jrtc.ice.IceConfig;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Everything one {@link PeerConnectionEngine} is given from outside: randomness, the wall clock
 * (for RTCP NTP times only), its certificate, ICE tuning, the host addresses of the sockets the
 * driver opened, and the DTLS handshake thread bridge.
 *
 * @param random ICE credentials, tie-breakers, SSRCs, sequence numbers (seeded in tests)
 * @param dtlsRandom the DTLS randomness
 * @param wallClock wall time for sender and receiver reports
 * @param certificate our DTLS certificate; its fingerprint goes into our descriptions
 * @param ice ICE tuning; the role in it is ignored (the offerer controls)
 * @param hostAddresses the local UDP sockets' addresses: our host candidates
 * @param handshakeExecutor runs Bouncy Castle's blocking DTLS handshake
 * @param wakeup called from the handshake thread when {@code poll()} has news; it must only
 *     schedule a drain on the loop that owns the engine
 */
public record EngineConfig(RandomSource random, SecureRandom dtlsRandom, WallClock wallClock, DtlsCertificate certificate,
        IceConfig ice, List<InetSocketAddress> hostAddresses, Executor handshakeExecutor, Runnable wakeup) {

    /** Checks and copies. */
    public EngineConfig {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(dtlsRandom, "dtlsRandom");
        Objects.requireNonNull(wallClock, "wallClock");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(ice, "ice");
        hostAddresses = List.copyOf(hostAddresses);
        Objects.requireNonNull(handshakeExecutor, "handshakeExecutor");
        Objects.requireNonNull(wakeup, "wakeup");
        if (hostAddresses.isEmpty()) {
            throw new IllegalArgumentException("at least one host address is needed");
        }
    }
}
