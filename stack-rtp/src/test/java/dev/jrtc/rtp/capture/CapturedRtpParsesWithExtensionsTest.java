package dev.jrtc.rtp.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jrtc.rtp.HeaderExtension;
import dev.jrtc.rtp.RtpHeader;
import dev.jrtc.rtp.RtpPacket;
import dev.jrtc.rtp.capture.RtpCapture.Packet;
import dev.jrtc.rtp.capture.RtpCapture.Section;
import dev.jrtc.rtp.capture.RtpCapture.Sender;
import dev.jrtc.rtp.ext.ExtensionReader;
import dev.jrtc.rtp.ext.ExtensionType;
import dev.jrtc.rtp.receive.RtxUnwrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every RTP packet of the committed Chromium/aiortc captures parses, with its RFC 8285 elements
 * read through the ids of the captured answer's {@code a=extmap}, and writes back byte for byte
 * from the parsed fields. Chromium's RTX retransmissions unwrap to exactly the packet they repair.
 */
class CapturedRtpParsesWithExtensionsTest {
    static Stream<String> captures() {
        return RtpCapture.NAMES.stream();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyPacketWritesBackByteForByteFromItsParsedFields(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        int withExtension = 0;
        for (Packet p : capture.packets()) {
            if (p.rtcp()) {
                continue;
            }
            RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
            List<HeaderExtension> elements = new ArrayList<>();
            for (int i = 0; i < rtp.elementCount(); i++) {
                int id = rtp.elementId(i);
                elements.add(new HeaderExtension(id, Arrays.copyOfRange(rtp.array(), rtp.elementOffset(id),
                        rtp.elementOffset(id) + rtp.elementLength(id))));
            }
            withExtension += elements.isEmpty() ? 0 : 1;
            List<Long> csrcs = new ArrayList<>();
            for (int i = 0; i < rtp.csrcCount(); i++) {
                csrcs.add(rtp.csrc(i));
            }
            RtpHeader header = new RtpHeader(rtp.marker(), rtp.payloadType(), rtp.sequenceNumber(), rtp.timestamp(),
                    rtp.ssrc(), csrcs, elements);
            byte[] rebuilt = header.toPacket(rtp.payload());
            // RtpHeader writes no padding; a padded packet must equal the rebuilt one plus its padding.
            byte[] expected = Arrays.copyOf(p.data(), p.data().length - rtp.paddingLength());
            expected[0] &= (byte) ~0x20;
            assertArrayEquals(expected, rebuilt, "packet " + rtp.ssrc() + "/" + rtp.sequenceNumber() + " from " + p.sender());
            if (rtp.paddingLength() > 0) {
                assertEquals(rtp.paddingLength(), p.data()[p.data().length - 1] & 0xFF);
            }
        }
        assertTrue(withExtension > 600, "only " + withExtension + " packets carry header extensions");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void extensionsCarryWhatTheSdpNegotiated(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        for (Sender sender : Sender.values()) {
            Map<Long, Integer> packetsBySsrc = new HashMap<>();
            Set<Long> firstCarriedMid = new HashSet<>();
            for (Packet p : capture.packets(sender, false)) {
                RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
                Section section = sectionOf(capture, rtp.payloadType());
                ExtensionReader ext = new ExtensionReader(section.extensionMap());
                String mid = ext.mid(rtp);
                if (mid != null) {
                    assertEquals(section.mid(), mid, "MID of a " + section.kind() + " packet from " + sender);
                }
                if (packetsBySsrc.merge(rtp.ssrc(), 1, Integer::sum) == 1 && mid != null) {
                    firstCarriedMid.add(rtp.ssrc());
                }
                boolean rtx = section.apt().containsKey(rtp.payloadType());
                if (section.kind().equals("audio") && sender == Sender.OFFERER) {
                    assertNotNull(ext.audioLevel(rtp), "Chromium sends ssrc-audio-level on every audio packet");
                }
                if (section.kind().equals("video") && !rtx
                        && section.extensionMap().id(ExtensionType.ABS_SEND_TIME) != 0) {
                    assertNotEquals(ExtensionReader.ABSENT, ext.absSendTime(rtp), "abs-send-time on video from " + sender);
                }
                // Only what the answer negotiated may appear (Chromium offered transport-cc; aiortc declined).
                for (int i = 0; i < rtp.elementCount(); i++) {
                    assertTrue(section.extensions().containsKey(rtp.elementId(i)),
                            "element id " + rtp.elementId(i) + " was not negotiated in " + section.kind());
                }
            }
            assertEquals(packetsBySsrc.keySet(), firstCarriedMid, sender + ": the first packet of every SSRC names its MID");
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void chromiumRtxUnwrapsToThePacketItRepairs(String name) throws Exception {
        RtpCapture capture = RtpCapture.load(name);
        Section video = capture.answerSection("video");
        Map<Integer, byte[]> mediaBySeq = new HashMap<>();
        long mediaSsrc = -1;
        List<RtpPacket> rtxPackets = new ArrayList<>();
        for (Packet p : capture.packets(Sender.OFFERER, false)) {
            RtpPacket rtp = RtpPacket.of(p.data(), 0, p.data().length);
            if (video.apt().containsKey(rtp.payloadType())) {
                rtxPackets.add(rtp);
            } else if (video.codecs().containsKey(rtp.payloadType())) {
                mediaSsrc = rtp.ssrc();
                mediaBySeq.put(rtp.sequenceNumber(), rtp.payload());
            }
        }
        int rtxPt = video.apt().keySet().iterator().next();
        RtxUnwrapper unwrapper = new RtxUnwrapper(mediaSsrc, rtxPt, video.apt().get(rtxPt));
        int repaired = 0;
        for (RtpPacket rtx : rtxPackets) {
            if (rtx.payloadLength() == 0) {
                continue; // a bandwidth probe: padding only
            }
            RtpPacket original = unwrapper.unwrap(rtx);
            assertEquals((int) video.apt().get(rtxPt), original.payloadType());
            byte[] sent = mediaBySeq.get(original.sequenceNumber());
            assertNotNull(sent, "RTX repairs a sequence number never sent: " + original.sequenceNumber());
            assertArrayEquals(sent, original.payload(), "RTX payload of " + original.sequenceNumber());
            repaired++;
        }
        assertTrue(rtxPackets.size() >= 5, "Chromium sent " + rtxPackets.size() + " RTX packets");
        System.out.println(name + ": " + rtxPackets.size() + " RTX packets, " + repaired + " carrying a payload");
    }

    private static Section sectionOf(RtpCapture capture, int payloadType) {
        return capture.answer().stream().filter(s -> s.codecs().containsKey(payloadType)).findFirst()
                .orElseThrow(() -> new AssertionError("payload type " + payloadType + " is in no answered section"));
    }
}
