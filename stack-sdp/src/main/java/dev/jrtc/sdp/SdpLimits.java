package dev.jrtc.sdp;

/**
 * Bounds on what the parser will read, so that a hostile SDP cannot use unbounded memory or time.
 * Exceeding one is a {@link dev.jrtc.common.ParseException} that names the limit.
 *
 * @param maxTotalChars the whole SDP, in characters
 * @param maxLines      lines, counting blank ones
 * @param maxLineChars  one line, in characters, without its line ending
 */
public record SdpLimits(int maxTotalChars, int maxLines, int maxLineChars) {
    /** 1 MiB, 10,000 lines, 8 KiB per line: far beyond any browser's SDP. */
    public static final SdpLimits DEFAULT = new SdpLimits(1 << 20, 10_000, 8 << 10);

    /** All limits must be positive. */
    public SdpLimits {
        if (maxTotalChars <= 0 || maxLines <= 0 || maxLineChars <= 0) {
            throw new IllegalArgumentException("SDP limits must be positive");
        }
    }
}
