package dev.jrtc.peerconnection.netty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kernel's UDP counters for the current network namespace ({@code /proc/net/snmp}, Linux only):
 * datagrams in and out, receive-buffer overflows and all input errors. Their deltas over a run tell
 * loss in the kernel (a socket queue that overflowed while its reader was busy) from loss in the
 * process, and on a quiet loopback they count every datagram the peers exchanged.
 *
 * <p>Where there is no {@code /proc} (not Linux, or a format this does not know), {@link #known()}
 * is false and the counts are zero.
 *
 * @param in {@code InDatagrams}
 * @param out {@code OutDatagrams}
 * @param receiveBufferErrors {@code RcvbufErrors}: dropped because a socket's queue was full
 * @param inErrors {@code InErrors}: all input errors, the overflows included
 * @param known whether the counters could be read
 */
public record KernelUdpCounters(long in, long out, long receiveBufferErrors, long inErrors, boolean known) {
    private static final Path SNMP = Path.of("/proc/net/snmp");
    private static final List<Path> SOCKET_TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
    private static final KernelUdpCounters UNKNOWN = new KernelUdpCounters(0, 0, 0, 0, false);

    /** @return the namespace's counters now */
    public static KernelUdpCounters read() {
        try {
            List<String> lines = Files.readAllLines(SNMP);
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    List<String> names = List.of(lines.get(i).trim().split("\\s+"));
                    String[] values = lines.get(i + 1).trim().split("\\s+");
                    return new KernelUdpCounters(value(names, values, "InDatagrams"), value(names, values, "OutDatagrams"),
                            value(names, values, "RcvbufErrors"), value(names, values, "InErrors"), true);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unknown format: reported as unknown
        }
        return UNKNOWN;
    }

    private static long value(List<String> names, String[] values, String name) {
        return Long.parseLong(values[names.indexOf(name)]);
    }

    /**
     * Datagrams the kernel dropped on this process's own UDP sockets because their queues were
     * full: the {@code drops} column of {@code /proc/net/udp} and {@code udp6} for the socket inodes
     * in {@code /proc/self/fd}. Unlike {@link #read()} this excludes other processes (a browser in the
     * same namespace). A socket closed meanwhile takes its count with it, so compare only while the
     * sockets stay open.
     *
     * @return the sum over the open sockets, or -1 where it cannot be read
     */
    public static long ownSocketDrops() {
        try {
            Set<String> inodes = ownSocketInodes();
            long drops = 0;
            for (Path table : SOCKET_TABLES) {
                if (!Files.exists(table)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(table);
                for (String line : lines.subList(1, lines.size())) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 12 && inodes.contains(f[9])) {
                        drops += Long.parseLong(f[f.length - 1]);
                    }
                }
            }
            return drops;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Set<String> ownSocketInodes() throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor closed while listing
                }
            }
        }
        return inodes;
    }

    /**
     * @param before an earlier reading
     * @return the counts since {@code before}
     */
    public KernelUdpCounters minus(KernelUdpCounters before) {
        return new KernelUdpCounters(in - before.in, out - before.out, receiveBufferErrors - before.receiveBufferErrors,
                inErrors - before.inErrors, known && before.known);
    }

    /** @return datagrams sent and overflow drops, as one line */
    public String describe() {
        if (!known) {
            return "UDP counters unavailable";
        }
        return String.format(Locale.ROOT, "UDP (namespace-wide): %d datagrams sent, %d receive-buffer drops", out,
                receiveBufferErrors);
    }
}
