package dev.jrtc.sdp;

import java.util.List;

/** Writes lines as {@code <type>=<text>} with CRLF after each, which is all RFC 8866 allows. */
final class SdpWriter {
    private SdpWriter() {}

    static String write(List<SdpLine> sessionLines, List<MediaDescription> media) {
        StringBuilder sb = new StringBuilder(1024);
        sessionLines.forEach(l -> append(sb, l));
        for (MediaDescription m : media) {
            append(sb, m.mLine());
            m.lines().forEach(l -> append(sb, l));
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, SdpLine line) {
        sb.append(line.type()).append('=').append(line.text()).append("\r\n");
    }
}
