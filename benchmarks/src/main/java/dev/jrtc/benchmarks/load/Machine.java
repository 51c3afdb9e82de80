package dev.jrtc.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The machine line every result file starts with: cores, CPU model, JDK, load, date. */
final class Machine {
    private Machine() {
    }

    static String shortName() {
        return Runtime.getRuntime().availableProcessors() + " cores " + cpuModel();
    }

    static String describe() {
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpuModel() + ", JDK "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", load average "
                + loadAverage() + ", " + Instant.now() + ".\n";
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0]
                    + " (1 min, at the end; the machine is shared)";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
