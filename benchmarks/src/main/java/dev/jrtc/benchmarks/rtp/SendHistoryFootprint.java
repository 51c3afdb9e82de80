package dev.jrtc.benchmarks.rtp;

import dev.jrtc.rtp.send.SendHistory;
import java.util.Locale;

/**
 * What a stream's {@link SendHistory} holds after a minute of steady sending, at a few packet rates:
 * the bytes of its packet buffer and the entries of its sequence-number table. Memory, not time, so
 * the figures do not depend on the machine's load.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.jrtc.benchmarks.rtp.SendHistoryFootprint}
 */
public final class SendHistoryFootprint {
    private static final int PACKET_BYTES = 1_200;
    private static final int SECONDS = 60;

    private SendHistoryFootprint() {
    }

    public static void main(String[] args) {
        System.out.println("| packets/s of 1,200 B | Mbit/s | buffer KiB | table entries |");
        System.out.println("|---:|---:|---:|---:|");
        for (int perSecond : new int[] {100, 250, 1_000}) {
            SendHistory h = new SendHistory(1_024); // what NegotiatedSession gives every sending stream
            byte[] packet = new byte[PACKET_BYTES];
            long interval = 1_000_000_000L / perSecond;
            for (int i = 0; i < perSecond * SECONDS; i++) {
                h.put(i * interval, i & 0xFFFF, packet, 0, packet.length);
            }
            System.out.printf(Locale.ROOT, "| %d | %.1f | %d | %d |%n", perSecond, perSecond * PACKET_BYTES * 8 / 1e6,
                    h.bufferBytes() / 1024, h.tableSize());
        }
    }
}
