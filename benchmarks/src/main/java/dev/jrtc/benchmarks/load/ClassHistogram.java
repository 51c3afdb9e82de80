package dev.jrtc.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * This process's live-object histogram ({@code jcmd <pid> GC.class_histogram}, which runs a full GC
 * first), and the difference of two of them: which classes a batch of connections added.
 */
final class ClassHistogram {
    private final Map<String, Long> bytesByClass;

    private ClassHistogram(Map<String, Long> bytesByClass) {
        this.bytesByClass = bytesByClass;
    }

    static ClassHistogram take() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String text;
        try (InputStream in = p.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor();
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // "num:  #instances  #bytes  class name (module)"
            if (f.length >= 4 && f[0].endsWith(":") && Character.isDigit(f[0].charAt(0))) {
                bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
            }
        }
        return new ClassHistogram(bytes);
    }

    /** Total bytes in the histogram. */
    long totalBytes() {
        return bytesByClass.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The {@code top} classes that grew most since {@code before}, as Markdown rows of bytes per connection. */
    List<String> growthRows(ClassHistogram before, int connections, int top) {
        return bytesByClass.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)))
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(top)
                .map(e -> String.format(Locale.ROOT, "| `%s` | %.1f |", e.getKey(), e.getValue() / 1024.0 / connections))
                .collect(Collectors.toList());
    }
}
