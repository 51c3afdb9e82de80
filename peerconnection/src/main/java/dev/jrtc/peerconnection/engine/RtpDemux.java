package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.ext.ExtensionReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes decrypted RTP to the {@link MediaSession} it belongs to (RFC 9143 section 9.2): by SSRC
 * when signalled or already seen; otherwise by the MID header extension; otherwise, when exactly
 * one receiving session uses the packet's payload type, to that one. RTCP goes to every session,
 * each of which picks the blocks about its own SSRCs.
 */
final class RtpDemux {
    private final Map<Long, MediaSession> bySsrc = new HashMap<>();
    private final List<MediaSession> sessions = new ArrayList<>();
    private final RtpPacket view = new RtpPacket();
    private ExtensionReader midReader = new ExtensionReader(ExtensionMap.empty());
    private long unknownSsrc;
    private long malformed;

    void add(MediaSession s) {
        sessions.add(s);
        if (s.remoteSsrc() >= 0) {
            bySsrc.put(s.remoteSsrc(), s);
        }
        if (s.remoteRtxSsrc() >= 0) {
            bySsrc.put(s.remoteRtxSsrc(), s);
        }
    }

    /** Takes a session out of routing (its transceiver stopped or no longer carries media). */
    void remove(MediaSession s) {
        sessions.remove(s);
        bySsrc.values().removeIf(x -> x == s);
    }

    /** The negotiated header extension ids (shared by the bundle), to read the MID. */
    void setExtensions(ExtensionMap map) {
        midReader = new ExtensionReader(map);
    }

    List<MediaSession> sessions() {
        return sessions;
    }

    void onRtp(long now, byte[] buf, int off, int len) {
        long ssrc = readSsrc(buf, off, len);
        if (ssrc < 0) {
            malformed++;
            return;
        }
        MediaSession s = bySsrc.get(ssrc);
        if (s == null) {
            s = resolve(buf, off, len);
            if (s == null || s.remoteSsrc() >= 0) {
                unknownSsrc++;
                return;
            }
            s.bindRemote(ssrc, -1);
            bySsrc.put(ssrc, s);
        }
        s.onRtp(now, buf, off, len);
    }

    void onRtcp(long now, byte[] buf, int off, int len) {
        for (MediaSession s : sessions) {
            s.onRtcp(now, buf, off, len);
        }
    }

    private MediaSession resolve(byte[] buf, int off, int len) {
        try {
            view.parse(buf, off, len);
        } catch (ParseException e) {
            return null;
        }
        String mid = midReader.mid(view);
        if (mid != null) {
            for (MediaSession s : sessions) {
                if (s.receives() && s.mid().equals(mid)) {
                    return s;
                }
            }
            return null;
        }
        MediaSession only = null;
        for (MediaSession s : sessions) {
            if (s.receives() && s.receiveCodec().payloadType() == view.payloadType()) {
                if (only != null) {
                    return null;
                }
                only = s;
            }
        }
        return only;
    }

    private static long readSsrc(byte[] buf, int off, int len) {
        if (len < 12) {
            return -1;
        }
        return ((buf[off + 8] & 0xFFL) << 24) | ((buf[off + 9] & 0xFFL) << 16) | ((buf[off + 10] & 0xFFL) << 8)
                | (buf[off + 11] & 0xFFL);
    }

    long unknownSsrc() {
        return unknownSsrc;
    }

    long malformed() {
        return malformed;
    }
}
