package dev.jrtc.srtp;

/**
 * Both directions of SRTP for one DTLS-SRTP association: a {@link SrtpSender} keyed with this
 * side's master key and a {@link SrtpReceiver} keyed with the peer's.
 *
 * <pre>{@code
 * SrtpSession srtp = SrtpSession.create(SrtpKeys.fromDtlsExport(exported, profile, isClient), SrtpConfig.DEFAULT);
 * int n = srtp.protectRtp(buf, 0, rtpLength);          // buf has profile.rtpOverhead() bytes of tail room
 * int m = srtp.unprotectRtp(in, 0, datagramLength);    // m < 0: dropped, SrtpDropReason.fromCode(m)
 * }</pre>
 *
 * <p>Not thread-safe: the event loop that owns the connection calls it.
 */
public final class SrtpSession {
    private final SrtpSender sender;
    private final SrtpReceiver receiver;

    private SrtpSession(SrtpSender sender, SrtpReceiver receiver) {
        this.sender = sender;
        this.receiver = receiver;
    }

    /**
     * @throws IllegalArgumentException if keys or config is null
     */
    public static SrtpSession create(SrtpKeys keys, SrtpConfig config) {
        if (keys == null || config == null) {
            throw new IllegalArgumentException("keys and config must not be null");
        }
        SrtpProfile p = keys.profile();
        return new SrtpSession(new SrtpSender(p, keys.localMasterKey(), keys.localMasterSalt(), config),
                new SrtpReceiver(p, keys.remoteMasterKey(), keys.remoteMasterSalt(), config));
    }

    public SrtpProfile profile() {
        return sender.profile();
    }

    /** See {@link SrtpSender#protectRtp}. */
    public int protectRtp(byte[] buf, int off, int len) {
        return sender.protectRtp(buf, off, len);
    }

    /** See {@link SrtpSender#protectRtcp}. */
    public int protectRtcp(byte[] buf, int off, int len) {
        return sender.protectRtcp(buf, off, len);
    }

    /** See {@link SrtpReceiver#unprotectRtp}. */
    public int unprotectRtp(byte[] buf, int off, int len) {
        return receiver.unprotectRtp(buf, off, len);
    }

    /** See {@link SrtpReceiver#unprotectRtcp}. */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        return receiver.unprotectRtcp(buf, off, len);
    }

    /** Counters of the receiving direction. */
    public SrtpStats stats() {
        return receiver.stats();
    }

    public SrtpSender sender() {
        return sender;
    }

    public SrtpReceiver receiver() {
        return receiver;
    }
}
