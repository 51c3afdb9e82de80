package dev.jrtc.demo.session;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Narrows the video sections of a remote offer to one codec (and its RTX), so that the answer
 * picks the codec jrtc actually sends: the test pattern is H.264 only, while browsers list VP8
 * first. An answer may carry any subset of the offered formats (RFC 3264 section 6.1), so the
 * peer sees a plain answer. For H.264, baseline profiles (42xxxx) are kept when offered, since
 * the test pattern is baseline.
 */
final class VideoCodecFilter {
    private static final Pattern RTPMAP = Pattern.compile("a=rtpmap:(\\d+) ([^/]+)/.*");
    private static final Pattern FMTP = Pattern.compile("a=fmtp:(\\d+) (.*)");
    private static final Pattern PT_ATTRIBUTE = Pattern.compile("a=(?:rtpmap|fmtp|rtcp-fb):(\\d+)[ /].*");

    private VideoCodecFilter() {
    }

    /**
     * The offer with only {@code codec} left in its video sections.
     *
     * @throws OfferRejectedException if a video section does not offer the codec
     */
    static String keepOnly(String sdp, String codec) {
        String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
        List<String> lines = List.of(sdp.split("\r?\n"));
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("m=")) {
                out.add(line);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("m=")) {
                end++;
            }
            List<String> section = lines.subList(i, end);
            out.addAll(line.startsWith("m=video ") ? filterSection(section, codec) : section);
            i = end;
        }
        return String.join(eol, out) + eol;
    }

    private static List<String> filterSection(List<String> section, String codec) {
        String[] m = section.get(0).split(" ");
        if (m.length < 4 || m[1].equals("0")) {
            return section;
        }
        Set<String> primary = new LinkedHashSet<>();
        Set<String> baseline = new LinkedHashSet<>();
        java.util.Map<String, String> apt = new java.util.HashMap<>();
        for (String l : section) {
            Matcher r = RTPMAP.matcher(l);
            if (r.matches() && r.group(2).equalsIgnoreCase(codec)) {
                primary.add(r.group(1));
            }
            Matcher f = FMTP.matcher(l);
            if (f.matches()) {
                String params = f.group(2).toLowerCase(Locale.ROOT);
                if (params.contains("profile-level-id=42")) {
                    baseline.add(f.group(1));
                }
                Matcher a = Pattern.compile("apt=(\\d+)").matcher(params);
                if (a.find()) {
                    apt.put(f.group(1), a.group(1));
                }
            }
        }
        if (primary.isEmpty()) {
            throw new OfferRejectedException("the offer's video has no " + codec + ", the only codec jrtc sends", null);
        }
        if (codec.equalsIgnoreCase("H264")) {
            Set<String> kept = new LinkedHashSet<>(primary);
            kept.retainAll(baseline);
            if (!kept.isEmpty()) {
                primary = kept;
            }
        }
        Set<String> keep = new LinkedHashSet<>();
        for (int k = 3; k < m.length; k++) {
            String pt = m[k];
            if (primary.contains(pt) || primary.contains(apt.get(pt))) {
                keep.add(pt);
            }
        }
        List<String> out = new ArrayList<>();
        out.add(String.join(" ", m[0], m[1], m[2]) + " " + String.join(" ", keep));
        for (String l : section.subList(1, section.size())) {
            Matcher p = PT_ATTRIBUTE.matcher(l);
            if (!p.matches() || keep.contains(p.group(1))) {
                out.add(l);
            }
        }
        return out;
    }
}
