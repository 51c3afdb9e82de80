package dev.jrtc.rtp.capture;

import dev.jrtc.rtp.ext.ExtensionMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A committed real capture under {@code dev/jrtc/rtp/captures}: the decrypted packets of
 * {@code NAME.rtpcap} plus the offer and answer that set the session up. The format and how the
 * files were made are in that directory's README and in
 * {@code interop-tests/src/test/capture/rtp_capture.py}.
 *
 * @param name    the capture's base name
 * @param packets every decrypted packet, in capture order
 * @param offer   the offerer's media sections
 * @param answer  the answerer's media sections
 */
public record RtpCapture(String name, List<Packet> packets, List<Section> offer, List<Section> answer) {
    /** The captures that are committed. */
    public static final List<String> NAMES = List.of("chromium-aiortc-vp8", "chromium-aiortc-h264");

    /** Who sent a packet: the offerer (Chromium) or the answerer (aiortc). */
    public enum Sender { OFFERER, ANSWERER }

    /**
     * One decrypted packet.
     *
     * @param sender who sent it
     * @param rtcp   RTCP (else RTP)
     * @param micros microseconds since the first packet
     * @param data   the plaintext packet
     */
    public record Packet(Sender sender, boolean rtcp, long micros, byte[] data) {
    }

    /**
     * One {@code m=} section, reduced to what routing and parsing need.
     *
     * @param kind       audio or video
     * @param mid        its {@code a=mid}
     * @param codecs     payload type to encoding name (upper case), from {@code a=rtpmap}
     * @param apt        RTX payload type to the payload type it repairs, from {@code a=fmtp ... apt=}
     * @param extensions extension id to URI, from {@code a=extmap}
     * @param cnames     CNAMEs from {@code a=ssrc:... cname:}
     */
    public record Section(String kind, String mid, Map<Integer, String> codecs, Map<Integer, Integer> apt,
                          Map<Integer, String> extensions, List<String> cnames) {
        /** The negotiated extension ids of this section. */
        public ExtensionMap extensionMap() {
            return new ExtensionMap(extensions);
        }

        /** The payload type of {@code encoding} (e.g. "VP8"), if this section has it. */
        public Optional<Integer> payloadType(String encoding) {
            return codecs.entrySet().stream().filter(e -> e.getValue().equals(encoding)).map(Map.Entry::getKey).findFirst();
        }
    }

    /** Loads a committed capture. */
    public static RtpCapture load(String name) {
        return new RtpCapture(name, packets(resource(name + ".rtpcap")),
                sections(new String(resource(name + ".offer.sdp"), StandardCharsets.UTF_8)),
                sections(new String(resource(name + ".answer.sdp"), StandardCharsets.UTF_8)));
    }

    /** The packets of one sender and kind. */
    public List<Packet> packets(Sender sender, boolean rtcp) {
        return packets.stream().filter(p -> p.sender == sender && p.rtcp == rtcp).toList();
    }

    /** The answer's section of {@code kind}: both peers use the answer's extension ids and payload types. */
    public Section answerSection(String kind) {
        return answer.stream().filter(s -> s.kind.equals(kind)).findFirst().orElseThrow();
    }

    /** Parses the "JRTCCAP1" format. */
    static List<Packet> packets(byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file);
        byte[] magic = new byte[8];
        b.get(magic);
        if (!new String(magic, StandardCharsets.US_ASCII).equals("JRTCCAP1")) {
            throw new IllegalArgumentException("not a JRTCCAP1 file");
        }
        List<Packet> out = new ArrayList<>();
        while (b.hasRemaining()) {
            Sender sender = Sender.values()[b.get()];
            boolean rtcp = b.get() == 1;
            long micros = b.getInt() & 0xFFFF_FFFFL;
            byte[] data = new byte[b.getShort() & 0xFFFF];
            b.get(data);
            out.add(new Packet(sender, rtcp, micros, data));
        }
        return out;
    }

    /** The media sections of an SDP, just the lines {@link Section} keeps. */
    static List<Section> sections(String sdp) {
        List<Section> out = new ArrayList<>();
        String kind = null;
        String mid = null;
        Map<Integer, String> codecs = null;
        Map<Integer, Integer> apt = null;
        Map<Integer, String> ext = null;
        List<String> cnames = null;
        for (String line : (sdp + "\r\nm=end -\r\n").split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (kind != null && !kind.equals("end")) {
                    out.add(new Section(kind, mid, Map.copyOf(codecs), Map.copyOf(apt), Map.copyOf(ext), List.copyOf(cnames)));
                }
                kind = line.substring(2, line.indexOf(' '));
                mid = null;
                codecs = new HashMap<>();
                apt = new HashMap<>();
                ext = new HashMap<>();
                cnames = new ArrayList<>();
            } else if (kind == null) {
                continue;
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring(6);
            } else if (line.startsWith("a=rtpmap:")) {
                String[] f = line.substring(9).split("[ /]");
                codecs.put(Integer.parseInt(f[0]), f[1].toUpperCase(java.util.Locale.ROOT));
            } else if (line.startsWith("a=fmtp:") && line.contains("apt=")) {
                int pt = Integer.parseInt(line.substring(7, line.indexOf(' ')));
                String a = line.substring(line.indexOf("apt=") + 4).split(";")[0].trim();
                apt.put(pt, Integer.parseInt(a));
            } else if (line.startsWith("a=extmap:")) {
                String[] f = line.substring(9).split(" ");
                ext.put(Integer.parseInt(f[0].split("/")[0]), f[1]);
            } else if (line.startsWith("a=ssrc:") && line.contains(" cname:")) {
                String c = line.substring(line.indexOf(" cname:") + 7);
                if (!cnames.contains(c)) {
                    cnames.add(c);
                }
            }
        }
        return out;
    }

    private static byte[] resource(String file) {
        try (InputStream in = RtpCapture.class.getResourceAsStream("/dev/jrtc/rtp/captures/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
