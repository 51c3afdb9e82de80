package dev.jrtc.benchmarks.sctp;

import dev.jrtc.common.RandomSource;
import dev.jrtc.sctp.DataChannel;
import dev.jrtc.sctp.DataChannelInit;
import dev.jrtc.sctp.DtlsRole;
import dev.jrtc.sctp.SctpAssociation;
import dev.jrtc.sctp.SctpConfig;
import dev.jrtc.sctp.SctpEvent;
import dev.jrtc.sctp.SctpOutput;

/**
 * Two associations wired back to back in memory, no DTLS, no loss: every packet one side emits is
 * handed to the other at once. Virtual time moves 1 µs per pump round, so delayed-SACK and
 * retransmission timers do not fire on the happy path.
 */
final class SctpPump {
    final SctpAssociation a;
    final SctpAssociation b;
    final DataChannel sender;
    long now = 1_000_000_000L;
    long receivedBytes;
    long receivedMessages;

    SctpPump(long seed, long maxMessageSize) {
        SctpConfig c = SctpConfig.defaults().withMaxMessageSize(maxMessageSize, maxMessageSize);
        a = new SctpAssociation(c, DtlsRole.CLIENT, RandomSource.seeded(seed));
        b = new SctpAssociation(c, DtlsRole.SERVER, RandomSource.seeded(seed + 1));
        a.connect(now);
        b.connect(now);
        for (int i = 0; i < 100 && (a.state() != dev.jrtc.sctp.AssociationState.ESTABLISHED
                || b.state() != dev.jrtc.sctp.AssociationState.ESTABLISHED); i++) {
            pumpOnce();
        }
        sender = a.createDataChannel(now, DataChannelInit.reliable("bench").negotiatedOn(0));
        b.createDataChannel(now, DataChannelInit.reliable("bench").negotiatedOn(0));
        pumpOnce();
    }

    /** Moves every pending packet once in each direction; returns how many moved. */
    int pumpOnce() {
        now += 1_000;
        int moved = drain(a, b) + drain(b, a);
        return moved;
    }

    private int drain(SctpAssociation from, SctpAssociation to) {
        int moved = 0;
        while (true) {
            SctpOutput o = from.poll();
            if (o instanceof SctpOutput.Packet p) {
                to.handlePacket(now, p.data(), 0, p.data().length);
                moved++;
            } else if (o instanceof SctpOutput.Deadline d) {
                if (d.atNanos() <= now) {
                    from.handleTimeout(now);
                    continue;
                }
                return moved;
            } else if (o instanceof SctpEvent.Message m) {
                receivedBytes += m.data().length;
                receivedMessages++;
            }
        }
    }

    /**
     * Sends {@code count} messages of {@code payload}, keeping at most {@code window} bytes queued,
     * and pumps until the last one arrived.
     */
    void transfer(byte[] payload, int count, long window) {
        long target = receivedMessages + count;
        int sent = 0;
        while (receivedMessages < target) {
            while (sent < count && sender.bufferedAmount() < window) {
                sender.send(now, payload);
                sent++;
            }
            if (pumpOnce() == 0 && sent == count && receivedMessages < target) {
                now += 200_000_000L; // idle: let the delayed SACK timer run
                a.handleTimeout(now);
                b.handleTimeout(now);
            }
        }
    }
}
