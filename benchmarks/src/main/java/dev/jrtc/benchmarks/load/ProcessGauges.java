package dev.jrtc.benchmarks.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process costs: CPU time, heap after a full GC, RSS, threads; and the kernel's UDP drops. */
final class ProcessGauges {
    private ProcessGauges() {
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Heap in use after two full collections, in bytes. */
    static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc/self/status, in bytes (0 where there is no /proc). */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * The kernel's machine-wide UDP counters {@code RcvbufErrors} (receive-buffer overflows) and
     * {@code InErrors} (all input errors, the overflows included) from {@code /proc/net/snmp}: loss
     * outside our process. Zeros where there is no /proc.
     */
    static long[] kernelUdpErrors() {
        try {
            var lines = Files.readAllLines(Path.of("/proc/net/snmp"));
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
                    String[] names = lines.get(i).split("\\s+");
                    String[] values = lines.get(i + 1).split("\\s+");
                    long[] r = new long[2];
                    for (int k = 1; k < names.length; k++) {
                        if (names[k].equals("RcvbufErrors")) {
                            r[0] = Long.parseLong(values[k]);
                        } else if (names[k].equals("InErrors")) {
                            r[1] = Long.parseLong(values[k]);
                        }
                    }
                    return r;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return new long[2];
        }
        return new long[2];
    }

    /**
     * Datagrams the kernel dropped on this process's own UDP sockets (the {@code drops} column of
     * {@code /proc/net/udp} and {@code udp6} for the socket inodes in {@code /proc/self/fd}): the
     * kernel-side loss of our receivers alone, unlike the machine-wide counters. Sockets closed
     * meanwhile take their counts with them, so compare only while the sockets stay open.
     */
    static long kernelDropsOnOwnSockets() {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // the descriptor closed while listing
                }
            });
        } catch (IOException e) {
            return 0;
        }
        long drops = 0;
        for (String table : new String[] {"/proc/net/udp", "/proc/net/udp6"}) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 13 && inodes.contains(f[9])) {
                        drops += Long.parseLong(f[f.length - 1]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // no such table
            }
        }
        return drops;
    }
}
