package dev.jrtc.peerconnection.engine;

import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.MediaDescription;
import dev.jrtc.sdp.SessionDescription;
import dev.jrtc.sdp.jsep.AnswerFactory;
import dev.jrtc.sdp.jsep.LocalCapabilities;
import dev.jrtc.sdp.jsep.LocalTrack;
import dev.jrtc.sdp.jsep.MediaKind;
import dev.jrtc.sdp.jsep.OfferFactory;
import dev.jrtc.sdp.jsep.OfferSection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSEP negotiation state of one connection (RFC 9429): the signaling state machine, the
 * transceivers and their mids, the applied descriptions, and who offered. It writes offers and
 * answers with stack-sdp's factories. Misuse (a call in the wrong state) throws
 * {@link IllegalStateException} with the W3C error name first.
 */
final class Negotiation {
    private final List<Transceiver> transceivers = new ArrayList<>();
    private SignalingState state = SignalingState.STABLE;
    private SessionDescription local;
    private SessionDescription remote;
    private boolean weOffered;
    private String dataMid;
    /** What a rollback returns to: taken when an offer is applied in the stable state. */
    private Stable stable;

    /** The stable state before the pending offer: descriptions, data mid, and each transceiver's mid. */
    private record Stable(SessionDescription local, SessionDescription remote, String dataMid, boolean weOffered,
            java.util.Map<Transceiver, Optional<String>> mids) {
    }

    SignalingState state() {
        return state;
    }

    List<Transceiver> transceivers() {
        return transceivers;
    }

    Optional<SessionDescription> local() {
        return Optional.ofNullable(local);
    }

    Optional<SessionDescription> remote() {
        return Optional.ofNullable(remote);
    }

    /** Whether we made the offer of the last completed (or pending) exchange. */
    boolean weOffered() {
        return weOffered;
    }

    /** The mid of the data (SCTP) section, once one is offered or accepted. */
    Optional<String> dataMid() {
        return Optional.ofNullable(dataMid);
    }

    Transceiver add(MediaKind kind, Direction direction, LocalTrack track) {
        requireOpen();
        if (kind == MediaKind.APPLICATION) {
            throw new IllegalArgumentException("TypeError: a transceiver is audio or video; use createDataChannel for data");
        }
        Transceiver t = new Transceiver(kind, direction, track);
        transceivers.add(t);
        return t;
    }

    SessionDescription createOffer(LocalCapabilities caps, boolean wantData) {
        requireOpen();
        if (state == SignalingState.HAVE_REMOTE_OFFER) {
            throw new IllegalStateException("InvalidStateError: createOffer in have-remote-offer; answer first");
        }
        Set<String> used = new HashSet<>();
        transceivers.forEach(t -> t.mid().ifPresent(used::add));
        if (dataMid != null) {
            used.add(dataMid);
        }
        int next = 0;
        for (Transceiver t : transceivers) {
            if (t.mid().isEmpty()) {
                while (used.contains(Integer.toString(next))) {
                    next++;
                }
                t.assignMid(Integer.toString(next));
                used.add(t.mid().get());
            }
        }
        if (wantData && dataMid == null) {
            while (used.contains(Integer.toString(next))) {
                next++;
            }
            dataMid = Integer.toString(next);
        }
        // Sections keep the order of the last applied description (m-lines never move); new ones follow.
        List<String> order = new ArrayList<>();
        SessionDescription previous = local != null ? local : remote;
        if (previous != null) {
            for (MediaDescription m : previous.media()) {
                m.mid().ifPresent(order::add);
            }
        }
        for (Transceiver t : transceivers) {
            if (!order.contains(t.mid().get())) {
                order.add(t.mid().get());
            }
        }
        if (dataMid != null && !order.contains(dataMid)) {
            order.add(dataMid);
        }
        List<OfferSection> sections = new ArrayList<>();
        for (String mid : order) {
            if (mid.equals(dataMid)) {
                sections.add(new OfferSection.DataChannel(mid));
                continue;
            }
            byMid(mid).ifPresent(t -> sections.add(new OfferSection.Rtp(t.mid().get(), t.kind(), t.direction(),
                    t.direction().sends() ? Optional.of(t.track()) : Optional.empty())));
        }
        return SectionEdits.apply(OfferFactory.createOffer(caps, sections), this::byMid);
    }

    SessionDescription createAnswer(LocalCapabilities caps) {
        requireOpen();
        if (state != SignalingState.HAVE_REMOTE_OFFER) {
            throw new IllegalStateException("InvalidStateError: createAnswer needs a remote offer; state is "
                    + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        List<LocalTrack> tracks = new ArrayList<>();
        for (MediaDescription m : remote.media()) {
            m.mid().flatMap(this::byMid).filter(t -> t.direction().sends()).ifPresent(t -> tracks.add(t.track()));
        }
        return SectionEdits.apply(AnswerFactory.createAnswer(remote, caps.withTracks(tracks)), this::byMid);
    }

    void setLocal(SdpType type, SessionDescription description) {
        requireOpen();
        switch (type) {
            case OFFER -> {
                if (state != SignalingState.STABLE && state != SignalingState.HAVE_LOCAL_OFFER) {
                    throw wrongState("setLocalDescription(offer)");
                }
                rememberStable();
                weOffered = true;
                state = SignalingState.HAVE_LOCAL_OFFER;
            }
            case ANSWER -> {
                if (state != SignalingState.HAVE_REMOTE_OFFER) {
                    throw wrongState("setLocalDescription(answer)");
                }
                state = SignalingState.STABLE;
            }
        }
        local = description;
    }

    void setRemote(SdpType type, SessionDescription description) {
        requireOpen();
        switch (type) {
            case OFFER -> {
                if (state != SignalingState.STABLE && state != SignalingState.HAVE_REMOTE_OFFER) {
                    throw wrongState("setRemoteDescription(offer)");
                }
                rememberStable();
                associate(description);
                if (dataMid == null) {
                    description.media().stream()
                            .filter(m -> m.kind().equals(MediaKind.APPLICATION.token()) && !m.isRejected())
                            .findFirst().flatMap(MediaDescription::mid).ifPresent(mid -> dataMid = mid);
                }
                weOffered = false;
                state = SignalingState.HAVE_REMOTE_OFFER;
            }
            case ANSWER -> {
                if (state != SignalingState.HAVE_LOCAL_OFFER) {
                    throw wrongState("setRemoteDescription(answer)");
                }
                for (MediaDescription m : description.media()) {
                    if (m.mid().isEmpty() || local.mediaByMid(m.mid().get()).isEmpty()) {
                        throw new IllegalArgumentException("InvalidAccessError: the answer has a section (mid "
                                + m.mid().orElse("none") + ") that the offer has not");
                    }
                }
                state = SignalingState.STABLE;
            }
        }
        remote = description;
    }

    private void rememberStable() {
        if (state != SignalingState.STABLE) {
            return; // a second offer replaces the first; the stable state to return to is unchanged
        }
        java.util.Map<Transceiver, Optional<String>> mids = new java.util.IdentityHashMap<>();
        transceivers.forEach(t -> mids.put(t, t.mid()));
        stable = new Stable(local, remote, dataMid, weOffered, mids);
    }

    /**
     * Undoes the pending offer (ours or the peer's): the descriptions, the data mid and the mids
     * return to the last stable state, and transceivers that the peer's offer created go away.
     *
     * @return the transceivers removed
     * @throws IllegalStateException ({@code InvalidStateError}) in the stable state
     */
    List<Transceiver> rollback() {
        requireOpen();
        if (state != SignalingState.HAVE_LOCAL_OFFER && state != SignalingState.HAVE_REMOTE_OFFER) {
            throw wrongState("rollback");
        }
        List<Transceiver> removed = new ArrayList<>();
        for (Transceiver t : List.copyOf(transceivers)) {
            Optional<String> before = stable.mids().get(t);
            if (before == null && t.createdByRemoteOffer()) {
                transceivers.remove(t);
                removed.add(t);
            } else if (before != null && state == SignalingState.HAVE_REMOTE_OFFER) {
                t.assignMid(before.orElse(null));
            }
        }
        local = stable.local();
        remote = stable.remote();
        dataMid = stable.dataMid();
        weOffered = stable.weOffered();
        state = SignalingState.STABLE;
        return removed;
    }

    /** Gives each offered RTP section a transceiver: by mid, else a free one of its kind, else a new recvonly one. */
    private void associate(SessionDescription offer) {
        for (MediaDescription m : offer.media()) {
            Optional<MediaKind> kind = MediaKind.of(m.kind());
            if (m.mid().isEmpty() || kind.isEmpty() || kind.get() == MediaKind.APPLICATION || byMid(m.mid().get()).isPresent()) {
                continue;
            }
            Optional<Transceiver> free = transceivers.stream()
                    .filter(t -> t.mid().isEmpty() && t.kind() == kind.get()).findFirst();
            if (free.isPresent()) {
                free.get().assignMid(m.mid().get());
            }
        }
    }

    /** Whether a section for an offered mid still needs a transceiver the engine must create. */
    List<MediaDescription> unassociated(SessionDescription offer) {
        List<MediaDescription> out = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            Optional<MediaKind> kind = MediaKind.of(m.kind());
            if (m.mid().isPresent() && kind.isPresent() && kind.get() != MediaKind.APPLICATION && !m.isRejected()
                    && byMid(m.mid().get()).isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    Optional<Transceiver> byMid(String mid) {
        return transceivers.stream().filter(t -> t.mid().filter(mid::equals).isPresent()).findFirst();
    }

    /** The answer of the current exchange: ours if we answered, the peer's if we offered. */
    SessionDescription answer() {
        return weOffered ? remote : local;
    }

    /** Our negotiated direction for a section of the answer. */
    Direction ourDirection(MediaDescription answerSection) {
        Direction d = answer().directionOf(answerSection);
        return weOffered ? d.reverse() : d;
    }

    void close() {
        state = SignalingState.CLOSED;
    }

    private void requireOpen() {
        if (state == SignalingState.CLOSED) {
            throw new IllegalStateException("InvalidStateError: the peer connection is closed");
        }
    }

    private IllegalStateException wrongState(String call) {
        return new IllegalStateException("InvalidStateError: " + call + " in signaling state "
                + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
