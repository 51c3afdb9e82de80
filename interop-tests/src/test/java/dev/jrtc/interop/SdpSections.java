package dev.jrtc.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately tiny, independent reading of an SDP's media sections, used as the oracle for
 * what a peer should have made of our answer. It does not use jrtc's parser, which is what is
 * under test.
 */
final class SdpSections {
    /** One m-section: kind ("audio", "video", "application"), port, mid, direction and rtpmaps. */
    record Section(String kind, int port, String mid, String direction, Map<Integer, String> codecsByPayloadType) {
        /** Encoding names, lower case, e.g. "opus", "vp8", "rtx". */
        List<String> codecNames() {
            return codecsByPayloadType.values().stream().map(String::toLowerCase).toList();
        }
    }

    private SdpSections() {}

    static List<Section> of(String sdp) {
        List<Section> sections = new ArrayList<>();
        String kind = null;
        int port = 0;
        String mid = null;
        String direction = "sendrecv";
        Map<Integer, String> codecs = new LinkedHashMap<>();
        for (String line : sdp.split("\r?\n")) {
            if (line.startsWith("m=")) {
                if (kind != null) {
                    sections.add(new Section(kind, port, mid, direction, codecs));
                }
                String[] fields = line.substring(2).split(" ");
                kind = fields[0];
                port = Integer.parseInt(fields[1]);
                mid = null;
                direction = "sendrecv";
                codecs = new LinkedHashMap<>();
            } else if (kind == null) {
                continue; // session-level lines
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length()).trim();
            } else if (line.matches("a=(sendrecv|sendonly|recvonly|inactive)\\s*")) {
                direction = line.substring(2).trim();
            } else if (line.startsWith("a=rtpmap:")) {
                String[] fields = line.substring("a=rtpmap:".length()).split("[ /]");
                codecs.put(Integer.parseInt(fields[0]), fields[1]);
            }
        }
        if (kind != null) {
            sections.add(new Section(kind, port, mid, direction, codecs));
        }
        return sections;
    }

    static Section byMid(String sdp, String mid) {
        return of(sdp).stream().filter(s -> mid.equals(s.mid())).findFirst()
                .orElseThrow(() -> new AssertionError("no m-section with a=mid:" + mid + " in\n" + sdp));
    }

    /** The direction the other side ends up with when one side says {@code direction}. */
    static String reversed(String direction) {
        return switch (direction) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            default -> direction;
        };
    }
}
