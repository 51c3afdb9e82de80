package dev.jrtc.rtp.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.capture.RtpCapture.Packet;
import dev.jrtc.rtp.capture.RtpCapture.Sender;
import dev.jrtc.rtp.rtcp.Bye;
import dev.jrtc.rtp.rtcp.ReceiverReport;
import dev.jrtc.rtp.rtcp.ReportBlock;
import dev.jrtc.rtp.rtcp.Remb;
import dev.jrtc.rtp.rtcp.RtcpCompound;
import dev.jrtc.rtp.rtcp.RtcpPacket;
import dev.jrtc.rtp.rtcp.SenderReport;
import dev.jrtc.rtp.rtcp.SourceDescription;
import dev.jrtc.rtp.rtcp.UnknownRtcp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RTCP datagram Chromium and aiortc sent in the committed captures parses into known packet
 * types and writes back byte for byte; the values are checked against the RTP the same peer sent
 * and the SDP it signalled.
 */
class CapturedRtcpRoundTripsTest {
    static Stream<String> captures() {
        return RtpCapture.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyRtcpDatagramParsesAndWritesBackByteForByte(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        int datagrams = 0;
        for (Packet p : capture.packets()) {
            if (!p.rtcp()) {
                continue;
            }
            List<RtcpPacket> parsed = RtcpCompound.parse(p.data());
            assertFalse(parsed.stream().anyMatch(UnknownRtcp.class::isInstance),
                    "a type the peers sent is not interpreted: " + parsed);
            assertArrayEquals(p.data(), RtcpCompound.write(parsed), "datagram at " + p.micros() + " us from " + p.sender());
            datagrams++;
        }
        assertTrue(datagrams >= 20, "only " + datagrams + " RTCP datagrams in " + name);
    }

    @ParameterizedTest
    @MethodSource("captures")
    void reportsNameTheSsrcsThePeersReallySentAndReceived(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        for (Sender sender : Sender.values()) {
            Sender other = sender == Sender.OFFERER ? Sender.ANSWERER : Sender.OFFERER;
            Set<Long> sent = ssrcs(capture, sender);
            Map<Long, Set<Integer>> received = sequencesBySsrc(capture, other);
            Set<String> cnames = new HashSet<>();
            (sender == Sender.OFFERER ? capture.offer() : capture.answer()).forEach(s -> cnames.addAll(s.cnames()));
            List<RtcpPacket> all = new ArrayList<>();
            for (Packet p : capture.packets(sender, true)) {
                all.addAll(RtcpCompound.parse(p.data()));
            }
            List<SenderReport> srs = all.stream().filter(SenderReport.class::isInstance).map(SenderReport.class::cast).toList();
            assertFalse(srs.isEmpty(), sender + " sent no SR");
            for (SenderReport sr : srs) {
                assertTrue(sent.contains(sr.ssrc()), "SR from an SSRC " + sender + " never sent RTP from: " + sr);
                assertTrue(sr.packetCount() > 0 && sr.octetCount() > 0, "empty SR: " + sr);
                sr.reports().forEach(b -> assertReportsOn(received, b));
            }
            all.stream().filter(ReceiverReport.class::isInstance).map(ReceiverReport.class::cast)
                    .forEach(rr -> rr.reports().forEach(b -> assertReportsOn(received, b)));
            List<SourceDescription> sdes = all.stream().filter(SourceDescription.class::isInstance)
                    .map(SourceDescription.class::cast).toList();
            assertFalse(sdes.isEmpty(), sender + " sent no SDES");
            for (SourceDescription d : sdes) {
                for (SourceDescription.Chunk c : d.chunks()) {
                    assertTrue(sent.contains(c.ssrc()), "SDES for an SSRC " + sender + " never sent: " + c);
                    String cname = c.items().stream().filter(i -> i.type() == 1).findFirst().orElseThrow().value();
                    if (!cnames.isEmpty()) {
                        assertTrue(cnames.contains(cname), "CNAME " + cname + " is not in the SDP's " + cnames);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void aiortcSendsRembForChromiumsVideo(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        RtpCapture.Section video = capture.answerSection("video");
        Set<Long> chromiumVideo = new HashSet<>();
        Set<Long> chromiumVideoAndRtx = new HashSet<>();
        for (Packet p : capture.packets(Sender.OFFERER, false)) {
            RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
            if (video.codecs().containsKey(rtp.payloadType())) {
                chromiumVideoAndRtx.add(rtp.ssrc());
                if (!video.apt().containsKey(rtp.payloadType())) {
                    chromiumVideo.add(rtp.ssrc());
                }
            }
        }
        assertEquals(1, chromiumVideo.size(), "one video SSRC");
        List<RtcpPacket> all = new ArrayList<>();
        for (Packet p : capture.packets(Sender.ANSWERER, true)) {
            all.addAll(RtcpCompound.parse(p.data()));
        }
        List<Remb> rembs = all.stream().filter(Remb.class::isInstance).map(Remb.class::cast).toList();
        assertFalse(rembs.isEmpty(), "aiortc negotiated goog-remb but sent no REMB");
        for (Remb r : rembs) {
            assertTrue(r.bitrate() > 10_000, "REMB bitrate " + r.bitrate());
            assertTrue(r.ssrcs().containsAll(chromiumVideo), "REMB names Chromium's video SSRC: " + r);
            assertTrue(chromiumVideoAndRtx.containsAll(r.ssrcs()), "REMB names only Chromium's video SSRCs: " + r);
        }
        Set<Long> aiortcSsrcs = ssrcs(capture, Sender.ANSWERER);
        all.stream().filter(Bye.class::isInstance).map(Bye.class::cast)
                .forEach(b -> assertTrue(aiortcSsrcs.containsAll(b.ssrcs()), "BYE for SSRCs aiortc never used: " + b));
    }

    private static void assertReportsOn(Map<Long, Set<Integer>> received, ReportBlock b) {
        Set<Integer> sequences = received.get(b.ssrc());
        assertTrue(sequences != null, "report block on an SSRC never received: " + b);
        int highest = (int) (b.extendedHighestSequence() & 0xFFFF);
        assertTrue(sequences.contains(highest), "the highest sequence reported was never sent: " + b);
    }

    private static Map<Long, Set<Integer>> sequencesBySsrc(RtpCapture capture, Sender sender) throws Exception {
        Map<Long, Set<Integer>> out = new HashMap<>();
        for (Packet p : capture.packets(sender, false)) {
            RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
            out.computeIfAbsent(rtp.ssrc(), k -> new HashSet<>()).add(rtp.sequenceNumber());
        }
        return out;
    }

    private static Set<Long> ssrcs(RtpCapture capture, Sender sender) throws Exception {
        Set<Long> out = new HashSet<>();
        for (Packet p : capture.packets(sender, false)) {
            out.add(RtpPacket.of(p.data(), 0, p.data().length).ssrc());
        }
        return out;
    }
}
