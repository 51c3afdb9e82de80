package dev.jrtc.benchmarks.load;

import java.util.Collection;

/**
 * What reached the receiving connections so far: RTP datagrams their sockets read and frames their
 * tracks delivered. Both are plain counters the connections' loops write, so one pass over thousands
 * of connections takes microseconds and every connection is read at about the same instant, the
 * instant the window's CPU and the sender's count are taken. (The engines' own counters need a round
 * trip into each loop; one pass over them takes seconds at thousands of connections, too long to
 * divide by the window.)
 *
 * @param rtpRead RTP datagrams read, retransmissions included
 * @param frames frames delivered by {@code onframe}
 */
record Arrivals(long rtpRead, long frames) {

    static Arrivals now(Collection<ReceivingConnection> connections) {
        long read = 0;
        long frames = 0;
        for (ReceivingConnection c : connections) {
            read += c.rtpRead.get();
            frames += c.frames.get();
        }
        return new Arrivals(read, frames);
    }

    Arrivals since(Arrivals earlier) {
        return new Arrivals(rtpRead - earlier.rtpRead, frames - earlier.frames);
    }
}
