package dev.jrtc.dtls;

import dev.jrtc.srtp.SrtpProfile;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything one DTLS association needs to know before its first flight. Secure defaults come
 * from {@link #of}; the {@code with*} methods return changed copies.
 *
 * @param role client or server, fixed from SDP {@code a=setup} (see {@link DtlsRole#fromSetup})
 * @param certificate our certificate; its fingerprint is what we put in SDP
 * @param remoteFingerprints the peer's {@code a=fingerprint} values; its certificate must match one
 * @param srtpProfiles the SRTP profiles we offer (client) or accept (server), most preferred first
 * @param cipherSuites the cipher suites we offer or accept; a server uses only those matching its key
 * @param mtu the largest datagram we send, so that fragments fit under TURN and IPv6 minimums
 * @param initialRetransmit the first flight timer; Bouncy Castle doubles it up to 60 s
 * @param handshakeTimeout how long the handshake may take before it fails with a timeout
 * @param inboundQueueCapacity how many received datagrams wait for the handshake thread before drops
 * @param maxHandshakeMessageLength the largest handshake message accepted, bounding reassembly memory
 */
public record DtlsConfig(
        DtlsRole role,
        DtlsCertificate certificate,
        List<CertificateFingerprint> remoteFingerprints,
        List<SrtpProfile> srtpProfiles,
        List<DtlsCipherSuite> cipherSuites,
        int mtu,
        Duration initialRetransmit,
        Duration handshakeTimeout,
        int inboundQueueCapacity,
        int maxHandshakeMessageLength) {

    /** GCM first (RFC 8827 recommends AEAD), then the mandatory AES-CM profile. */
    public static final List<SrtpProfile> DEFAULT_SRTP_PROFILES = List.of(
            SrtpProfile.AEAD_AES_128_GCM,
            SrtpProfile.AEAD_AES_256_GCM,
            SrtpProfile.AES_CM_128_HMAC_SHA1_80,
            SrtpProfile.AES_CM_128_HMAC_SHA1_32);
    /** Every suite jrtc supports, AES-128-GCM first. */
    public static final List<DtlsCipherSuite> DEFAULT_CIPHER_SUITES = List.of(DtlsCipherSuite.values());
    /** Fits a TURN-relayed datagram within the IPv6 minimum MTU with room to spare. */
    public static final int DEFAULT_MTU = 1200;
    /** Between the 100 ms and 250 ms that browsers use; RFC 6347's 1 s is too slow for calls. */
    public static final Duration DEFAULT_INITIAL_RETRANSMIT = Duration.ofMillis(150);
    /** Long enough for 50% loss with backoff, short enough that a dead peer is noticed. */
    public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    /** One whole flight in each direction with room for reordering. */
    public static final int DEFAULT_INBOUND_QUEUE_CAPACITY = 64;
    /** A self-signed certificate message is under 2 KiB; 16 KiB leaves room for a short chain. */
    public static final int DEFAULT_MAX_HANDSHAKE_MESSAGE_LENGTH = 16 * 1024;

    /** Validates and copies the lists. */
    public DtlsConfig {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(certificate, "certificate");
        remoteFingerprints = List.copyOf(remoteFingerprints);
        srtpProfiles = List.copyOf(srtpProfiles);
        cipherSuites = List.copyOf(cipherSuites);
        Objects.requireNonNull(initialRetransmit, "initialRetransmit");
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (remoteFingerprints.isEmpty()) {
            throw new IllegalArgumentException("at least one remote fingerprint is required: it is the peer's identity");
        }
        if (srtpProfiles.isEmpty()) {
            throw new IllegalArgumentException("at least one SRTP profile is required");
        }
        if (cipherSuites.stream().noneMatch(s -> role == DtlsRole.CLIENT || s.serverKeyType() == certificate.keyType())) {
            throw new IllegalArgumentException("no cipher suite in " + cipherSuites + " fits a " + certificate.keyType() + " server");
        }
        if (mtu < 256 || mtu > 65_507) {
            throw new IllegalArgumentException("mtu out of range: " + mtu);
        }
        if (initialRetransmit.isNegative() || initialRetransmit.isZero() || handshakeTimeout.compareTo(initialRetransmit) <= 0) {
            throw new IllegalArgumentException("need 0 < initialRetransmit < handshakeTimeout");
        }
        if (handshakeTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("handshakeTimeout too long: " + handshakeTimeout);
        }
        if (inboundQueueCapacity < 1) {
            throw new IllegalArgumentException("inboundQueueCapacity must be positive");
        }
        if (maxHandshakeMessageLength < 1024) {
            throw new IllegalArgumentException("maxHandshakeMessageLength below 1024 would reject real certificates");
        }
    }

    /** A configuration with jrtc's defaults. */
    public static DtlsConfig of(DtlsRole role, DtlsCertificate certificate, List<CertificateFingerprint> remoteFingerprints) {
        return new DtlsConfig(role, certificate, remoteFingerprints, DEFAULT_SRTP_PROFILES, DEFAULT_CIPHER_SUITES,
                DEFAULT_MTU, DEFAULT_INITIAL_RETRANSMIT, DEFAULT_HANDSHAKE_TIMEOUT, DEFAULT_INBOUND_QUEUE_CAPACITY,
                DEFAULT_MAX_HANDSHAKE_MESSAGE_LENGTH);
    }

    /** A copy offering these SRTP profiles, most preferred first. */
    public DtlsConfig withSrtpProfiles(List<SrtpProfile> profiles) {
        return new DtlsConfig(role, certificate, remoteFingerprints, profiles, cipherSuites, mtu, initialRetransmit,
                handshakeTimeout, inboundQueueCapacity, maxHandshakeMessageLength);
    }

    /** A copy offering these cipher suites, most preferred first. */
    public DtlsConfig withCipherSuites(List<DtlsCipherSuite> suites) {
        return new DtlsConfig(role, certificate, remoteFingerprints, srtpProfiles, suites, mtu, initialRetransmit,
                handshakeTimeout, inboundQueueCapacity, maxHandshakeMessageLength);
    }

    /** A copy with another MTU. */
    public DtlsConfig withMtu(int newMtu) {
        return new DtlsConfig(role, certificate, remoteFingerprints, srtpProfiles, cipherSuites, newMtu, initialRetransmit,
                handshakeTimeout, inboundQueueCapacity, maxHandshakeMessageLength);
    }

    /** A copy with other handshake timers. */
    public DtlsConfig withTimers(Duration newInitialRetransmit, Duration newHandshakeTimeout) {
        return new DtlsConfig(role, certificate, remoteFingerprints, srtpProfiles, cipherSuites, mtu, newInitialRetransmit,
                newHandshakeTimeout, inboundQueueCapacity, maxHandshakeMessageLength);
    }

    /** The suites this endpoint may use: all of them for a client, those matching its key for a server. */
    List<DtlsCipherSuite> usableCipherSuites() {
        return role == DtlsRole.CLIENT ? cipherSuites
                : cipherSuites.stream().filter(s -> s.serverKeyType() == certificate.keyType()).toList();
    }
}
