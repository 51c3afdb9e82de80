package dev.jrtc.benchmarks.load;

import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCIceCandidate;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCRtpTransceiver;
import dev.jrtc.peerconnection.api.RTCRtpTransceiverInit;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.SdpType;
import dev.jrtc.sdp.Direction;
import dev.jrtc.sdp.jsep.MediaKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.jrtc.peerconnection.netty.EdgeThreads;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sending side of the load test, a process of its own so that its CPU is not ours: one
 * sending {@link RTCPeerConnection} per receiving connection, driven by {@link SignalLine}s on
 * stdin, answering on stdout.
 *
 * <p>The connections are spread over a few event loops of the sender's own (one per core, or
 * {@code -Djrtc.load.senderLoops=N}), and each loop paces its own streams: every 10 ms a task on the
 * loop sends one {@link LoadFrames} frame on each of them. The frame is stamped, packetized, SRTP
 * protected once and written right there, with one flush per tick, so no packet waits in a queue
 * between threads and the stamp is taken just before the packet goes to the socket.
 */
public final class LoadSender {
    private final PrintStream out;
    private final Map<Integer, RTCPeerConnection> connections = new ConcurrentHashMap<>();
    private final Map<Integer, RTCRtpTransceiver> videos = new ConcurrentHashMap<>();
    private final Map<Integer, Pacer> pacerOf = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();
    private final EventLoopGroup loops;
    private final List<Pacer> pacers = new ArrayList<>();
    /** Creates connections and their offers in parallel (certificate, offer, gathering). */
    private final ExecutorService setup = Executors.newFixedThreadPool(4, new DefaultThreadFactory("load-sender-setup", true));

    private LoadSender(PrintStream out) {
        this.out = out;
        int n = Integer.getInteger("jrtc.load.senderLoops", Runtime.getRuntime().availableProcessors());
        loops = new MultiThreadIoEventLoopGroup(n, new DefaultThreadFactory("load-sender-loop", true), NioIoHandler.newFactory());
        for (int i = 0; i < n; i++) {
            pacers.add(new Pacer(loops.next()));
        }
    }

    /**
     * One loop's streams, sent to every 10 ms on that loop. A tick that comes less than half a period
     * after the previous one is skipped: after a stall the loop runs the missed fixed-rate ticks back
     * to back, and sending them all would burst hundreds of packets into each receiving socket (an
     * encoder that falls behind drops frames instead). The sender's rate then shows the shortfall.
     */
    private final class Pacer {
        private static final long PERIOD_NANOS = 1_000_000_000L / LoadFrames.FRAMES_PER_SECOND;
        final EventLoop loop;
        final List<RTCRtpTransceiver> streams = new ArrayList<>(); // loop-only
        long nextIndex; // loop-only: every stream of this pacer sends the same frame index
        final byte[] frame = new byte[LoadFrames.FRAME_BYTES]; // loop-only: this tick's frame, restamped per stream
        long lastTickNanos = System.nanoTime() - PERIOD_NANOS; // loop-only

        Pacer(EventLoop loop) {
            this.loop = loop;
            loop.scheduleAtFixedRate(this::tick, 10, 1000 / LoadFrames.FRAMES_PER_SECOND, TimeUnit.MILLISECONDS);
        }

        void tick() {
            long now = System.nanoTime();
            if (now - lastTickNanos < PERIOD_NANOS / 2) {
                return;
            }
            lastTickNanos = now;
            long index = nextIndex;
            LoadFrames.fill(frame, index);
            for (RTCRtpTransceiver video : streams) {
                // sendFrame copies the frame before it returns, so one array serves every stream of the tick.
                LoadFrames.stamp(frame, System.nanoTime());
                // on the stream's own loop the call runs at once; only frames its engine accepted count as sent
                video.sendFrame(frame, index * (90_000 / LoadFrames.FRAMES_PER_SECOND)).thenAccept(this::countSent);
            }
            nextIndex++;
        }

        private void countSent(boolean accepted) {
            if (accepted) {
                sent.increment();
            }
        }
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // stdout carries signalling only
        new LoadSender(out).run();
    }

    private void run() throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            SignalLine s = SignalLine.parse(line);
            try {
                switch (s.verb()) {
                    case "NEW", "NEWDC" -> setup.execute(() -> {
                        try {
                            create(s.id(), s.verb().equals("NEWDC"));
                        } catch (Exception e) {
                            System.err.println("sender: cannot create " + s.id() + ": " + e);
                        }
                    });
                    case "ANSWER" -> connections.get(s.id()).setRemoteDescription(new RTCSessionDescription(SdpType.ANSWER, s.payload()));
                    case "CAND" -> {
                        String[] p = s.payload().split("\n", 3);
                        connections.get(s.id()).addIceCandidate(new RTCIceCandidate(p[2], p[0], Integer.parseInt(p[1])));
                    }
                    case "START" -> {
                        Pacer p = pacerOf.get(s.id());
                        RTCRtpTransceiver video = videos.get(s.id());
                        p.loop.execute(() -> p.streams.add(video));
                    }
                    case "SENT" -> send(new SignalLine("SENT", 0, sent.sum() + " " + ProcessGauges.cpuNanos() + " " + System.nanoTime()));
                    case "QUIT" -> {
                        connections.values().forEach(RTCPeerConnection::close);
                        System.exit(0);
                    }
                    default -> System.err.println("unknown line " + line);
                }
            } catch (RuntimeException e) {
                System.err.println("sender: " + line.split(" ")[0] + " " + s.id() + ": " + e);
            }
        }
        System.exit(0);
    }

    private void create(int id, boolean dataChannel) throws Exception {
        Pacer pacer = pacers.get(id % pacers.size());
        RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback()
                .withThreads(new EdgeThreads(pacer.loop, EdgeThreads.shared().handshakes())));
        pacerOf.put(id, pacer);
        connections.put(id, pc);
        videos.put(id, pc.addTransceiver(MediaKind.VIDEO, new RTCRtpTransceiverInit(Direction.SENDONLY)));
        if (dataChannel) {
            pc.createDataChannel("load");
        }
        pc.onicecandidate(c -> {
            if (c != null && !c.isEndOfCandidates()) {
                send(new SignalLine("CAND", id, c.sdpMid() + "\n" + c.sdpMLineIndex() + "\n" + c.candidate()));
            }
        });
        RTCSessionDescription offer = pc.createOffer().get(10, TimeUnit.SECONDS);
        pc.setLocalDescription(offer).get(10, TimeUnit.SECONDS);
        send(new SignalLine("OFFER", id, offer.sdp()));
    }

    private synchronized void send(SignalLine line) {
        out.println(line.format());
    }
}
