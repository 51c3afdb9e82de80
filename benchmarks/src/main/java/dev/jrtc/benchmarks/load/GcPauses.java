package dev.jrtc.benchmarks.load;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Every stop-the-world collection's duration, from the JVM's GC notifications (no JFR needed).
 * Concurrent cycles (G1's "Concurrent GC", ZGC's cycles) are not pauses and are left out.
 */
final class GcPauses {
    private final List<Long> pausesMillis = Collections.synchronizedList(new ArrayList<>());

    GcPauses() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) {
                continue;
            }
            emitter.addNotificationListener((n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                if (!info.getGcName().contains("Concurrent") && !info.getGcCause().equals("System.gc()")) {
                    pausesMillis.add(info.getGcInfo().getDuration());
                }
            }, null, null);
        }
    }

    void reset() {
        pausesMillis.clear();
    }

    int count() {
        return pausesMillis.size();
    }

    /** Nearest-rank percentile of the pauses since {@link #reset()}, in ms; 0 when there were none. */
    long percentileMillis(double p) {
        List<Long> copy;
        synchronized (pausesMillis) {
            copy = new ArrayList<>(pausesMillis);
        }
        if (copy.isEmpty()) {
            return 0;
        }
        Collections.sort(copy);
        int rank = (int) Math.ceil(p / 100.0 * copy.size());
        return copy.get(Math.max(0, Math.min(copy.size() - 1, rank - 1)));
    }
}
