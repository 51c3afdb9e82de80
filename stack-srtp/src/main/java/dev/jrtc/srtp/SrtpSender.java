package dev.jrtc.srtp;

/**
 * Protects outgoing RTP and RTCP with one master key, in place.
 *
 * <p>Not thread-safe: the event loop that owns the connection calls it. The steady-state path
 * allocates nothing for the CM profiles (the GCM profiles allocate inside SunJCE's
 * {@code Cipher.init}, which needs a new IV per packet).
 */
public final class SrtpSender {
    private final SrtpProfile profile;
    private final SrtpConfig config;
    private final SrtpTransform rtp;
    private final SrtpTransform rtcp;
    private final SsrcTable streams;

    /**
     * @throws IllegalArgumentException if a key or salt is null or of the wrong length for the profile
     */
    public SrtpSender(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, SrtpConfig config) {
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

    /**
     * Encrypts and authenticates the RTP packet {@code buf[off, off+len)} in place and appends the
     * tag, so the buffer needs {@link SrtpProfile#rtpOverhead()} bytes of tail room.
     *
     * @return the length of the SRTP packet
     * @throws IllegalArgumentException if the range is bad, there is no tail room, or the bytes are
     *                                  not an RTP packet (the caller built it: that is a bug)
     * @throws IllegalStateException    if this sequence number was already protected (reusing a
     *                                  keystream would leak plaintext; GCM would leak its hash key),
     *                                  or the SSRC would exceed {@link SrtpConfig#maxStreams()}
     */
    public int protectRtp(byte[] buf, int off, int len) {
        SrtpTransforms.checkRange(buf, off, len);
        requireTailRoom(buf, off, len, profile.rtpOverhead());
        if (len < RtpHeaders.RTP_FIXED_HEADER || !RtpHeaders.isVersion2(buf[off])) {
            throw new IllegalArgumentException("not an RTP version 2 packet of at least 12 bytes (length " + len + ")");
        }
        int headerLength = RtpHeaders.rtpHeaderLength(buf, off, len);
        if (headerLength < 0) {
            throw new IllegalArgumentException("RTP header (CSRCs, extension) runs past the packet length " + len);
        }
        int ssrc = RtpHeaders.rtpSsrc(buf, off);
        SrtpStreamContext stream = stream(ssrc);
        long index = stream.rtpIndex.estimate(RtpHeaders.sequenceNumber(buf, off));
        if (index > RolloverCounter.MAX_INDEX) {
            throw new IllegalStateException("SRTP index exhausted for SSRC " + Integer.toUnsignedString(ssrc) + ": rekey");
        }
        if (config.replayProtection() && stream.rtpReplay.check(index) != ReplayWindow.OK) {
            throw new IllegalStateException("SRTP packet index " + index + " of SSRC " + Integer.toUnsignedString(ssrc)
                    + " was already protected or is too old; retransmit with RTX instead");
        }
        int out = rtp.protectRtp(buf, off, len, headerLength, ssrc, index);
        stream.rtpIndex.update(index);
        stream.rtpReplay.accept(index);
        return out;
    }

    /**
     * Encrypts and authenticates the (compound) RTCP packet {@code buf[off, off+len)} in place and
     * appends E flag, SRTCP index and tag: {@link SrtpProfile#rtcpOverhead()} bytes of tail room.
     *
     * @return the length of the SRTCP packet
     * @throws IllegalArgumentException if the range is bad, there is no tail room, or it is not RTCP
     * @throws IllegalStateException    if the 31-bit SRTCP index is exhausted (rekey)
     */
    public int protectRtcp(byte[] buf, int off, int len) {
        SrtpTransforms.checkRange(buf, off, len);
        requireTailRoom(buf, off, len, profile.rtcpOverhead());
        if (len < RtpHeaders.RTCP_HEADER || !RtpHeaders.isVersion2(buf[off])) {
            throw new IllegalArgumentException("not an RTCP version 2 packet of at least 8 bytes (length " + len + ")");
        }
        int ssrc = RtpHeaders.rtcpSenderSsrc(buf, off);
        SrtpStreamContext stream = stream(ssrc);
        if (stream.nextSrtcpIndex < 0) {
            throw new IllegalStateException("SRTCP index exhausted for SSRC " + Integer.toUnsignedString(ssrc) + ": rekey");
        }
        int index = stream.nextSrtcpIndex++; // wraps to negative after 2^31-1, caught above next time
        return rtcp.protectRtcp(buf, off, len, ssrc, index);
    }

    private SrtpStreamContext stream(int ssrc) {
        SrtpStreamContext stream = streams.get(ssrc);
        if (stream == null) {
            if (streams.isFull()) {
                throw new IllegalStateException("more than " + config.maxStreams() + " outbound SSRCs");
            }
            stream = new SrtpStreamContext(ssrc, config.replayWindowSize());
            // libsrtp starts SRTCP at index 1; matching it keeps the bytes comparable in tests
            stream.nextSrtcpIndex = 1;
            streams.put(stream);
        }
        return stream;
    }

    private static void requireTailRoom(byte[] buf, int off, int len, int needed) {
        int room = buf.length - off - len;
        if (room < needed) {
            throw new IllegalArgumentException("no tail room to protect in place: need " + needed
                    + " bytes after the packet, the buffer has " + room);
        }
    }
}
