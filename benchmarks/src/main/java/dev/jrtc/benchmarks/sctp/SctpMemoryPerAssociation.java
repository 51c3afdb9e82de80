package dev.jrtc.benchmarks.sctp;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap held per established association with one open (idle, reliable) channel: builds N pairs,
 * sends one message on each channel so both directions have stream state, then compares heap
 * after full GCs. Usage: {@code java -cp benchmarks.jar dev.jrtc.benchmarks.sctp.SctpMemoryPerAssociation [pairs]}.
 */
public final class SctpMemoryPerAssociation {
    private SctpMemoryPerAssociation() {
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        long before = usedAfterGc();
        List<SctpPump> keep = new ArrayList<>(pairs);
        byte[] msg = new byte[100];
        for (int i = 0; i < pairs; i++) {
            SctpPump p = new SctpPump(i * 2L, 65536);
            p.transfer(msg, 1, 1 << 20);
            keep.add(p);
        }
        long after = usedAfterGc();
        double perAssociation = (after - before) / (2.0 * pairs);
        System.out.printf("pairs=%d associations=%d heap delta=%d bytes -> %.0f bytes per association "
                + "(one open channel, idle, each with its own 1200-byte packet buffer)%n",
                pairs, 2 * pairs, after - before, perAssociation);
        if (keep.size() != pairs) {
            throw new AssertionError();
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
