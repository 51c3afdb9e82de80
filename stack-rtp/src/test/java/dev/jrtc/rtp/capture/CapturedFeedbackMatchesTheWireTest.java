package dev.jrtc.rtp.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.common.ParseException;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.capture.RtpCapture.Packet;
import dev.jrtc.rtp.capture.RtpCapture.Section;
import dev.jrtc.rtp.capture.RtpCapture.Sender;
import dev.jrtc.rtp.codec.PayloadSequence;
import dev.jrtc.rtp.codec.Vp8Depacketizer;
import dev.jrtc.rtp.ext.ExtensionReader;
import dev.jrtc.rtp.rtcp.GenericNack;
import dev.jrtc.rtp.rtcp.PictureLossIndication;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import dev.jrtc.rtp.rtcp.RtcpPacket;
import dev.jrtc.rtp.rtcp.TransportFeedback;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The feedback in the captures, as our parser reads it, agrees with the RTP that was really on the
 * wire. aiortc was made to leave some of its video packets out, to ignore some of Chromium's, to
 * lose one packet for good and to stamp transport-wide sequence numbers (see rtp_capture.py), so:
 * Chromium's TWCC reports exactly the stamped packets that were on the wire as received and the
 * left-out ones as lost; its NACKs name only packets that never came; aiortc's NACKs are answered
 * by Chromium's RTX; and Chromium's PLI (VP8 capture only) is followed by a key frame from aiortc.
 */
class CapturedFeedbackMatchesTheWireTest {
    static Stream<String> captures() {
        return RtpCapture.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void chromiumTwccReportsWhatWasOnTheWire(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        ExtensionReader ext = new ExtensionReader(capture.answerSection("video").extensionMap());
        Set<Integer> onTheWire = new HashSet<>();
        for (Packet p : capture.packets(Sender.ANSWERER, false)) {
            int seq = ext.transportSequenceNumber(RtpPacket.of(p.data(), 0, p.data().length));
            if (seq != ExtensionReader.ABSENT) {
                onTheWire.add(seq);
            }
        }
        assertTrue(onTheWire.size() > 100, "aiortc stamped " + onTheWire.size() + " packets");
        int reportedReceived = 0;
        int reportedLost = 0;
        List<TransportFeedback> feedback = rtcp(capture, Sender.OFFERER, TransportFeedback.class);
        assertTrue(feedback.size() > 20, "Chromium sent " + feedback.size() + " TWCC feedback packets");
        Set<Integer> counters = new HashSet<>();
        for (TransportFeedback f : feedback) {
            counters.add(f.feedbackPacketCount());
            for (int i = 0; i < f.packets().size(); i++) {
                int seq = (f.baseSequence() + i) & 0xFFFF;
                boolean received = f.packets().get(i).received();
                if (received) {
                    reportedReceived++;
                    assertTrue(onTheWire.contains(seq), "TWCC says " + seq + " arrived, but it was never sent");
                } else {
                    reportedLost++;
                    assertFalse(onTheWire.contains(seq), "TWCC says " + seq + " was lost, but it was on the wire");
                }
            }
        }
        assertEquals(feedback.size(), counters.size(), "every feedback packet has its own count");
        assertTrue(reportedReceived >= onTheWire.size() - 5, reportedReceived + " reported of " + onTheWire.size());
        // aiortc leaves packets out before it stamps them, and loopback loses nothing.
        assertEquals(0, reportedLost, "TWCC reported stamped packets as lost");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void chromiumNacksOnlyPacketsThatNeverCameAndAiortcRepairsThem(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        Section video = capture.answerSection("video");
        Streams aiortc = Streams.of(capture, Sender.ANSWERER, video);
        List<GenericNack> nacks = rtcp(capture, Sender.OFFERER, GenericNack.class);
        assertFalse(nacks.isEmpty(), "Chromium sent no NACK");
        Set<Integer> nacked = new HashSet<>();
        for (GenericNack n : nacks) {
            assertEquals(aiortc.mediaSsrc, n.mediaSsrc(), "NACK for aiortc's video SSRC");
            nacked.addAll(n.lostSequences());
        }
        for (int seq : nacked) {
            assertFalse(aiortc.mediaSequences.contains(seq), "Chromium NACKed " + seq + ", which it had received");
        }
        long repaired = nacked.stream().filter(aiortc.rtxRepairs::contains).count();
        assertTrue(repaired >= nacked.size() - 1, "aiortc repaired " + repaired + " of " + nacked + " (one is lost for good)");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void aiortcNacksAreAnsweredByChromiumRtx(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        Streams chromium = Streams.of(capture, Sender.OFFERER, capture.answerSection("video"));
        List<GenericNack> nacks = rtcp(capture, Sender.ANSWERER, GenericNack.class);
        assertFalse(nacks.isEmpty(), "aiortc sent no NACK");
        for (GenericNack n : nacks) {
            assertEquals(chromium.mediaSsrc, n.mediaSsrc());
            for (int seq : n.lostSequences()) {
                assertTrue(chromium.mediaSequences.contains(seq), "aiortc NACKed " + seq + ", which Chromium never sent");
                assertTrue(chromium.rtxRepairs.contains(seq), "Chromium did not repair " + seq);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void chromiumPliAfterAPacketLostForGoodIsFollowedByAKeyFrameFromAiortc() throws Exception {
        RtpCapture capture = RtpCapture.load("chromium-aiortc-vp8");
        Section video = capture.answerSection("video");
        Streams aiortc = Streams.of(capture, Sender.ANSWERER, video);
        long pliAt = -1;
        for (Packet p : capture.packets(Sender.OFFERER, true)) {
            for (RtcpPacket r : RtcpCompound.parse(p.data())) {
                if (r instanceof PictureLossIndication pli && pliAt < 0) {
                    assertEquals(aiortc.mediaSsrc, pli.mediaSsrc());
                    pliAt = p.micros();
                }
            }
        }
        assertTrue(pliAt >= 0, "Chromium sent no PLI");
        // The first packet of every aiortc video frame after the PLI; one of them must start a key frame.
        boolean keyFrameAfterPli = false;
        for (Packet p : capture.packets(Sender.ANSWERER, false)) {
            RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
            if (p.micros() > pliAt && rtp.payloadType() == aiortc.mediaPt) {
                keyFrameAfterPli |= vp8KeyFrameStart(rtp);
            }
        }
        assertTrue(keyFrameAfterPli, "no key frame from aiortc after Chromium's PLI at " + pliAt + " us");
    }

    private static boolean vp8KeyFrameStart(RtpPacket rtp) {
        Vp8Depacketizer d = new Vp8Depacketizer();
        if (!d.startsFrame(rtp.array(), rtp.payloadOffset(), rtp.payloadLength())) {
            return false;
        }
        try {
            return d.depacketize(PayloadSequence.of(List.of(rtp.payload()))).keyFrame();
        } catch (ParseException e) {
            return false;
        }
    }

    @org.junit.jupiter.api.Test
    void withEveryLossRepairedChromiumSendsNoPli() throws Exception {
        RtpCapture capture = RtpCapture.load("chromium-aiortc-h264");
        assertTrue(rtcp(capture, Sender.OFFERER, GenericNack.class).size() > 0, "there was loss to repair");
        assertEquals(List.of(), rtcp(capture, Sender.OFFERER, PictureLossIndication.class));
    }

    /** One sender's video: media SSRC and payload type, the sequence numbers sent, and those RTX repaired. */
    private record Streams(long mediaSsrc, int mediaPt, Set<Integer> mediaSequences, Set<Integer> rtxRepairs) {
        static Streams of(RtpCapture capture, Sender sender, Section video) throws Exception {
            Map<Integer, Integer> apt = video.apt();
            int mediaPt = apt.values().iterator().next();
            long ssrc = -1;
            Set<Integer> media = new HashSet<>();
            Set<Integer> repairs = new HashSet<>();
            for (Packet p : capture.packets(sender, false)) {
                RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
                if (rtp.payloadType() == mediaPt) {
                    ssrc = rtp.ssrc();
                    media.add(rtp.sequenceNumber());
                } else if (apt.containsKey(rtp.payloadType()) && rtp.payloadLength() >= 2) {
                    byte[] b = rtp.array();
                    repairs.add(((b[rtp.payloadOffset()] & 0xFF) << 8) | (b[rtp.payloadOffset() + 1] & 0xFF));
                }
            }
            return new Streams(ssrc, mediaPt, media, repairs);
        }
    }

    private static <T extends RtcpPacket> List<T> rtcp(RtpCapture capture, Sender sender, Class<T> type) throws Exception {
        List<T> out = new ArrayList<>();
        for (Packet p : capture.packets(sender, true)) {
            RtcpCompound.parse(p.data()).stream().filter(type::isInstance).map(type::cast).forEach(out::add);
        }
        return out;
    }
}
