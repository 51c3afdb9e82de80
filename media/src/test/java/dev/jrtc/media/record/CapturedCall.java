package dev.jrtc.media.record;

import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.capture.RtpCapture;
import dev.jrtc.rtp.capture.RtpCapture.Section;
import dev.jrtc.rtp.capture.RtpCapture.Sender;
import dev.jrtc.rtp.codec.Depacketizer;
import dev.jrtc.rtp.codec.H264Depacketizer;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.receive.ReceivedFrame;
import dev.jrtc.rtp.receive.RtxUnwrapper;
import dev.jrtc.rtp.sim.JitterBufferDriver;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chromium's side of a committed real call (stack-rtp's captures: Chromium 156 to aiortc, decrypted
 * with libsrtp): its video reassembled by jrtc's jitter buffer and depacketizer, its Opus packets,
 * each with the capture time at which it could be released, in that order (video in decoding order).
 */
record CapturedCall(String videoCodec, List<Frame> frames) {
    /** One encoded frame or packet and when (microseconds into the capture) its last packet arrived. */
    record Frame(boolean video, byte[] data, long rtpTimestamp, long micros) {
    }

    static CapturedCall load(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        Section videoSection = capture.answerSection("video");
        String codec = videoSection.payloadType("VP8").isPresent() ? "VP8" : "H264";
        int videoPt = videoSection.payloadType(codec).orElseThrow();
        int rtxPt = videoSection.apt().entrySet().stream().filter(e -> e.getValue() == videoPt).findFirst()
                .orElseThrow().getKey();
        int opusPt = capture.answerSection("audio").payloadType("OPUS").orElseThrow();

        RtxUnwrapper rtx = null;
        List<byte[]> videoPackets = new ArrayList<>();
        Map<Long, Long> videoArrival = new HashMap<>();
        List<Frame> out = new ArrayList<>();
        Set<Integer> opusSequences = new HashSet<>();
        for (RtpCapture.Packet p : capture.packets(Sender.OFFERER, false)) {
            RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
            if (rtp.payloadType() == videoPt) {
                videoPackets.add(p.data());
                videoArrival.merge(rtp.timestamp(), p.micros(), Math::max);
                rtx = rtx != null ? rtx : new RtxUnwrapper(rtp.ssrc(), rtxPt, videoPt);
            } else if (rtp.payloadType() == rtxPt && rtp.payloadLength() > 2 && rtx != null) {
                RtpPacket original = rtx.unwrap(rtp);
                videoPackets.add(Arrays.copyOfRange(original.array(), original.offset(),
                        original.offset() + original.length()));
                videoArrival.merge(original.timestamp(), p.micros(), Math::max);
            } else if (rtp.payloadType() == opusPt && rtp.payloadLength() > 0 && opusSequences.add(rtp.sequenceNumber())) {
                byte[] payload = Arrays.copyOfRange(p.data(), rtp.payloadOffset(), rtp.payloadOffset() + rtp.payloadLength());
                out.add(new Frame(false, payload, rtp.timestamp(), p.micros()));
            }
        }
        Depacketizer depacketizer = codec.equals("VP8") ? new Vp8Depacketizer() : new H264Depacketizer();
        long released = 0;
        for (ReceivedFrame f : new JitterBufferDriver(depacketizer, 90_000).run(videoPackets)) {
            // A frame is released when its last packet is in and every earlier frame has been released.
            released = Math.max(released, videoArrival.get(f.rtpTimestamp()));
            out.add(new Frame(true, f.data(), f.rtpTimestamp(), released));
        }
        out.sort(Comparator.comparingLong(Frame::micros)); // stable: each track keeps its own order
        return new CapturedCall(codec, List.copyOf(out));
    }

    List<Frame> video() {
        return frames.stream().filter(Frame::video).toList();
    }

    List<Frame> audio() {
        return frames.stream().filter(f -> !f.video()).toList();
    }
}
