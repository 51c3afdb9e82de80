package dev.jrtc.interop.ice;

import dev.jrtc.common.Deadline;
import dev.jrtc.common.Output;
import dev.jrtc.common.RandomSource;
import dev.jrtc.common.Transmit;
import dev.jrtc.ice.Candidate;
import dev.jrtc.ice.IceAgent;
import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceConnectionState;
import dev.jrtc.ice.IceCredentials;
import dev.jrtc.ice.IceEvent;
import dev.jrtc.ice.IceGatheringState;
import dev.jrtc.ice.IceRole;
import dev.jrtc.ice.IceServer;
import dev.jrtc.ice.PairStatistics;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One {@link IceAgent} on a real UDP socket, run by {@link IceThroughRealNatsIT} inside a host
 * namespace behind a NAT ({@code ip netns exec ... java -cp <test classpath> ...}). It talks to the
 * test line by line: on stdout {@code CRED ufrag pwd}, {@code CAND <candidate>}, {@code GATHERED},
 * then {@code SELECTED <local type> <remote type> <local> <remote> <ms>} and {@code DATA <text>};
 * on stdin {@code CRED ufrag pwd}, {@code CAND <candidate>}, {@code EOC} and {@code QUIT}.
 *
 * <p>Args: bind IP, role (controlling|controlled), server IP (coturn: STUN and TURN on 3478), name.
 */
public final class NatAgentMain {
    private NatAgentMain() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress bind = InetAddress.getByName(args[0]);
        IceRole role = IceRole.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        String server = args[2];
        String name = args[3];
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        LinkedBlockingQueue<String> in = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) {
                    in.add(line);
                }
            } catch (Exception e) {
                // stdin closed: the test is gone
            }
            in.add("QUIT");
        }, "stdin");
        reader.setDaemon(true);
        reader.start();

        IceConfig config = IceConfig.builder().role(role)
                .server(IceServer.stun("stun:" + server + ":3478"))
                .server(IceServer.turn("turn:" + server + ":3478?transport=udp", Coturn.USER, Coturn.PASSWORD))
                .build();
        IceAgent agent = new IceAgent(config, RandomSource.secure());
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(bind, 0))) {
            socket.setSoTimeout(5);
            InetSocketAddress local = (InetSocketAddress) socket.getLocalSocketAddress();
            agent.addHostAddress(local);
            IceCredentials creds = agent.localCredentials();
            out.println("CRED " + creds.ufrag() + " " + creds.password());
            agent.startGathering(System.nanoTime());
            byte[] buf = new byte[65536];
            long deadline = 0;
            long remoteSetAt = 0;
            boolean gatheredSent = false;
            boolean selectedSent = false;
            boolean gotData = false;
            long nextDataAt = 0;
            long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < giveUpAt) {
                for (String line; (line = in.poll()) != null;) {
                    long now = System.nanoTime();
                    if (line.equals("QUIT")) {
                        out.println("PAIRS " + agent.pairStatistics());
                        agent.close(now);
                        return;
                    } else if (line.startsWith("CRED ")) {
                        String[] f = line.split(" ");
                        remoteSetAt = now;
                        agent.setRemoteCredentials(now, new IceCredentials(f[1], f[2]));
                    } else if (line.startsWith("CAND ")) {
                        agent.addRemoteCandidate(now, Candidate.parse(line.substring(5)));
                    } else if (line.equals("EOC")) {
                        agent.endOfRemoteCandidates(now);
                    }
                }
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    socket.receive(p);
                    agent.handleReceive(System.nanoTime(), (InetSocketAddress) p.getSocketAddress(), local, buf, 0,
                            p.getLength());
                } catch (SocketTimeoutException idle) {
                    // timers below
                }
                if (System.nanoTime() >= deadline) {
                    agent.handleTimeout(System.nanoTime());
                }
                if (selectedSent && System.nanoTime() >= nextDataAt
                        && agent.connectionState() != IceConnectionState.FAILED) {
                    // A first byte of 128 makes it RTP-like, never mistaken for STUN (RFC 7983).
                    byte[] text = ("hello from " + name).getBytes(StandardCharsets.UTF_8);
                    byte[] data = new byte[text.length + 1];
                    data[0] = (byte) 0x80;
                    System.arraycopy(text, 0, data, 1, text.length);
                    agent.send(System.nanoTime(), data, 0, data.length);
                    nextDataAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                }
                while (true) {
                    Output o = agent.poll();
                    if (o instanceof Deadline d) {
                        deadline = d.atNanos();
                        break;
                    }
                    if (o instanceof Transmit t) {
                        try {
                            socket.send(new DatagramPacket(t.data(), t.offset(), t.length(), t.destination()));
                        } catch (java.io.IOException e) {
                            // Like any edge: a failed send (no route to a peer's private address) loses one packet.
                            System.err.println("send to " + t.destination() + " failed: " + e);
                        }
                    } else if (o instanceof IceEvent.LocalCandidate c) {
                        out.println("CAND " + c.candidate().toSdpValue());
                    } else if (o instanceof IceEvent.ConnectionStateChanged c) {
                        out.println("STATE " + c.to() + " " + c.reason().replace('\n', ' '));
                        if (c.to() == IceConnectionState.FAILED) {
                            out.println("PAIRS dropped=" + agent.droppedPackets() + " " + agent.pairStatistics());
                        }
                    } else if (o instanceof IceEvent.DataReceived d && !gotData) {
                        gotData = true;
                        out.println("DATA " + new String(d.data(), 1, d.data().length - 1, StandardCharsets.UTF_8));
                    } else if (o instanceof IceEvent.CandidateError e) {
                        out.println("CANDIDATE-ERROR " + e.url() + " " + e.errorCode() + " " + e.errorText());
                    }
                }
                if (!gatheredSent && agent.gatheringState() == IceGatheringState.COMPLETE) {
                    gatheredSent = true;
                    out.println("GATHERED");
                }
                if (!selectedSent && agent.selectedPair().isPresent()
                        && (agent.connectionState() == IceConnectionState.CONNECTED
                        || agent.connectionState() == IceConnectionState.COMPLETED)) {
                    selectedSent = true;
                    PairStatistics s = agent.selectedPair().get();
                    out.println("SELECTED " + s.local().type().sdpName() + " " + s.remote().type().sdpName() + " "
                            + s.local().address() + ":" + s.local().port() + " " + s.remote().address() + ":"
                            + s.remote().port() + " " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - remoteSetAt));
                }
            }
            out.println("PAIRS " + agent.pairStatistics());
        }
    }
}
