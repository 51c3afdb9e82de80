package dev.jrtc.peerconnection.engine;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.DropCounters;
import dev.jrtc.rtp.DropReason;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.ext.ExtensionMap;
import dev.jrtc.rtp.receive.RtpRouter;
import dev.jrtc.rtp.rtcp.Bye;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import dev.jrtc.rtp.rtcp.RtcpPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes decrypted RTP to the {@link MediaSession} it belongs to (RFC 8843 section 9.2) through
 * stack-rtp's {@link RtpRouter}: by SSRC when signalled or already seen; otherwise by the MID
 * header extension; otherwise, when exactly one receiving session uses the packet's payload type
 * (media or RTX), to that one. The router's SSRC table is bounded, so an SSRC flood cannot grow
 * memory; what it drops is counted in {@link #drops()}. RTCP goes to every session, each of which
 * picks the blocks about its own SSRCs; an RTCP BYE frees the SSRCs it names.
 */
final class RtpDemux implements SecureTransport.MediaSink {
    private final List<MediaSession> sessions = new ArrayList<>();
    private final RtpPacket view = new RtpPacket();
    private final DropCounters drops = new DropCounters();
    private ExtensionMap extensions = ExtensionMap.empty();
    private RtpRouter<MediaSession> router = new RtpRouter<>(extensions, RtpRouter.Config.defaults(), drops);
    private long unknownSsrc;
    private long malformed;
    private long malformedRtcp;

    void add(MediaSession s) {
        sessions.add(s);
        rebuild();
    }

    /** Takes a session out of routing (its transceiver stopped or no longer carries media). */
    void remove(MediaSession s) {
        sessions.remove(s);
        rebuild();
    }

    /** The negotiated header extension ids (shared by the bundle), to read the MID. */
    void setExtensions(ExtensionMap map) {
        extensions = map;
        rebuild();
    }

    List<MediaSession> sessions() {
        return sessions;
    }

    @Override
    public void onRtp(long now, byte[] buf, int off, int len) {
        try {
            view.parse(buf, off, len);
        } catch (ParseException e) {
            malformed++;
            return;
        }
        RtpRouter.Route<MediaSession> route = router.route(now, view);
        if (route == null) {
            return; // counted by the router
        }
        MediaSession s = route.stream();
        long ssrc = view.ssrc();
        if (!route.repair() && s.remoteSsrc() < 0) {
            // Learned from the MID or payload type: the session now has its SSRC for good.
            s.bindRemote(ssrc, -1);
            router.bindSsrc(ssrc, s, false);
        } else if (ssrc != s.remoteSsrc() && ssrc != s.remoteRtxSsrc()) {
            // A second SSRC for a section already bound (or RTX before its media, or an unsignalled
            // RTX SSRC): the receive stream cannot take it. Forgetting it keeps the table for real streams.
            router.forget(ssrc);
            unknownSsrc++;
            return;
        }
        s.onRtp(now, view, buf, off, len);
    }

    @Override
    public void onRtcp(long now, byte[] buf, int off, int len) {
        forgetSsrcsSaidGoodbye(buf, off, len);
        for (MediaSession s : sessions) {
            s.onRtcp(now, buf, off, len);
        }
    }

    private void forgetSsrcsSaidGoodbye(byte[] buf, int off, int len) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.parse(buf, off, len);
        } catch (ParseException e) {
            malformedRtcp++;
            return;
        }
        for (RtcpPacket p : packets) {
            if (p instanceof Bye bye) {
                for (long ssrc : bye.ssrcs()) {
                    router.forget(ssrc);
                }
            }
        }
    }

    /** Remakes the router for the current sessions and extensions; bound SSRCs stay bound. */
    private void rebuild() {
        int receiving = (int) sessions.stream().filter(MediaSession::receives).count();
        RtpRouter.Config defaults = RtpRouter.Config.defaults();
        int maxSsrcs = Math.min(4096, defaults.maxSsrcs() + 2 * receiving);
        RtpRouter<MediaSession> next = new RtpRouter<>(extensions, new RtpRouter.Config(maxSsrcs, defaults.idleNanos()),
                drops);
        for (MediaSession s : sessions) {
            if (!s.receives()) {
                continue;
            }
            int pt = s.receiveCodec().payloadType();
            int rtxPt = s.receiveRtxPayloadType();
            next.addStream(s, s.mid(), null, Set.of(pt), rtxPt >= 0 ? Map.of(rtxPt, pt) : Map.of());
            if (s.remoteSsrc() >= 0) {
                next.bindSsrc(s.remoteSsrc(), s, false);
            }
            if (s.remoteRtxSsrc() >= 0) {
                next.bindSsrc(s.remoteRtxSsrc(), s, true);
            }
        }
        router = next;
    }

    /** RTP the demux could not deliver: unknown or surplus SSRCs and unparsable packets. */
    long unroutable() {
        return drops.total() + unknownSsrc + malformed;
    }

    /** The router's drops by reason (unknown stream, SSRC table full). */
    Map<DropReason, Long> drops() {
        return drops.snapshot();
    }

    /** SSRCs the router knows now (bounded by its table). */
    int knownSsrcs() {
        return router.knownSsrcs();
    }

    long malformedRtcp() {
        return malformedRtcp;
    }
}
