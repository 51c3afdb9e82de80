package dev.jrtc.srtp;

/**
 * Verifies and decrypts incoming SRTP and SRTCP with the peer's master key, in place.
 *
 * <p>Bad input never throws: the unprotect methods return the plaintext length, or a negative
 * {@link SrtpDropReason#code()}, and count the drop in {@link #stats()}. Per-SSRC state is created
 * only for a packet that authenticated, and the rollover counter and replay window move only then.
 *
 * <p>Not thread-safe: the event loop that owns the connection calls it.
 */
public final class SrtpReceiver {
    private final SrtpProfile profile;
    private final SrtpConfig config;
    private final SrtpTransform rtp;
    private final SrtpTransform rtcp;
    private final SsrcTable streams;
    private final SrtpStats stats = new SrtpStats();

    /**
     * @throws IllegalArgumentException if a key or salt is null or of the wrong length for the profile
     */
    public SrtpReceiver(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, SrtpConfig config) {
        if (profile == null || config == null) {
            throw new IllegalArgumentException("profile and config must not be null");
        }
        byte[] key = SrtpKeys.checkedCopy("master key", masterKey, profile.masterKeyLength(), profile);
        byte[] salt = SrtpKeys.checkedCopy("master salt", masterSalt, profile.masterSaltLength(), profile);
        this.profile = profile;
        this.config = config;
        this.rtp = SrtpTransforms.create(profile, key, salt, false);
        this.rtcp = SrtpTransforms.create(profile, key, salt, true);
        this.streams = new SsrcTable(config.maxStreams());
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Live counters of delivered and dropped packets. */
    public SrtpStats stats() {
        return stats;
    }

    /** The number of SSRCs this receiver keeps state for. */
    public int streamCount() {
        return streams.size();
    }

    /**
     * Authenticates and decrypts the SRTP packet {@code buf[off, off+len)} in place.
     *
     * @return the RTP packet length (the tag removed), or a negative {@link SrtpDropReason#code()};
     *         on a drop the bytes are left as they were
     * @throws IllegalArgumentException only if {@code buf}, {@code off} and {@code len} do not describe
     *                                  a range of the array (a bug in the caller, not bad input)
     */
    public int unprotectRtp(byte[] buf, int off, int len) {
        SrtpTransforms.checkRange(buf, off, len);
        int tag = profile.rtpAuthTagLength();
        if (len < RtpHeaders.RTP_FIXED_HEADER + tag) {
            return drop(SrtpDropReason.TOO_SHORT);
        }
        if (!RtpHeaders.isVersion2(buf[off])) {
            return drop(SrtpDropReason.MALFORMED);
        }
        int headerLength = RtpHeaders.rtpHeaderLength(buf, off, len - tag);
        if (headerLength < 0) {
            return drop(SrtpDropReason.MALFORMED);
        }
        int ssrc = RtpHeaders.rtpSsrc(buf, off);
        int seq = RtpHeaders.sequenceNumber(buf, off);
        SrtpStreamContext stream = streams.get(ssrc);
        long index;
        if (stream == null) {
            if (streams.isFull()) {
                return drop(SrtpDropReason.STREAM_LIMIT);
            }
            index = seq; // a new stream starts in ROC 0, as RolloverCounter.estimate does
        } else {
            index = stream.rtpIndex.estimate(seq);
            if (index > RolloverCounter.MAX_INDEX) {
                return drop(SrtpDropReason.INDEX_EXHAUSTED);
            }
            if (config.replayProtection()) {
                int replay = stream.rtpReplay.check(index); // cheap rejection before any crypto
                if (replay != ReplayWindow.OK) {
                    return drop(replay == ReplayWindow.REPLAYED ? SrtpDropReason.REPLAYED : SrtpDropReason.TOO_OLD);
                }
            }
        }
        int plain = rtp.unprotectRtp(buf, off, len, headerLength, ssrc, index);
        if (plain < 0) {
            return drop(SrtpDropReason.AUTH_FAILED);
        }
        if (stream == null) {
            stream = newStream(ssrc);
        }
        stream.rtpIndex.update(index);
        stream.rtpReplay.accept(index);
        stats.rtpDelivered();
        return plain;
    }

    /**
     * Authenticates and, if its E flag is set, decrypts the SRTCP packet {@code buf[off, off+len)} in place.
     *
     * @return the RTCP length (index and tag removed), or a negative {@link SrtpDropReason#code()}
     * @throws IllegalArgumentException only if the range does not fit the array
     */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        SrtpTransforms.checkRange(buf, off, len);
        int tag = profile.rtcpAuthTagLength();
        if (len < RtpHeaders.RTCP_HEADER + SrtpProfile.SRTCP_INDEX_LENGTH + tag) {
            return drop(SrtpDropReason.TOO_SHORT);
        }
        if (!RtpHeaders.isVersion2(buf[off])) {
            return drop(SrtpDropReason.MALFORMED);
        }
        int ssrc = RtpHeaders.rtcpSenderSsrc(buf, off);
        // RFC 7714 puts E||index right at the end; RFC 3711 puts it before the tag
        int indexOffset = profile.isAead() ? len - SrtpProfile.SRTCP_INDEX_LENGTH
                : len - tag - SrtpProfile.SRTCP_INDEX_LENGTH;
        int word = SrtpTransform.getInt(buf, off + indexOffset);
        boolean encrypted = word < 0;
        int index = word & 0x7fffffff;
        SrtpStreamContext stream = streams.get(ssrc);
        if (stream == null) {
            if (streams.isFull()) {
                return drop(SrtpDropReason.STREAM_LIMIT);
            }
        } else if (config.replayProtection()) {
            int replay = stream.rtcpReplay.check(index);
            if (replay != ReplayWindow.OK) {
                return drop(replay == ReplayWindow.REPLAYED ? SrtpDropReason.REPLAYED : SrtpDropReason.TOO_OLD);
            }
        }
        int plain = rtcp.unprotectRtcp(buf, off, len, ssrc, index, encrypted);
        if (plain < 0) {
            return drop(SrtpDropReason.AUTH_FAILED);
        }
        if (stream == null) {
            stream = newStream(ssrc);
        }
        stream.rtcpReplay.accept(index);
        stats.rtcpDelivered();
        return plain;
    }

    /** The state of one SSRC, or null; for tests in this package. */
    SrtpStreamContext stream(int ssrc) {
        return streams.get(ssrc);
    }

    private SrtpStreamContext newStream(int ssrc) {
        SrtpStreamContext stream = new SrtpStreamContext(ssrc, config.replayWindowSize());
        streams.put(stream);
        return stream;
    }

    private int drop(SrtpDropReason reason) {
        stats.drop(reason);
        return reason.code();
    }
}
