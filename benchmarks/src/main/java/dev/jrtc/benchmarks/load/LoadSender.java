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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sending side of the load test, a process of its own so that its CPU is not ours: one
 * sending {@link RTCPeerConnection} per receiving connection, driven by {@link SignalLine}s on
 * stdin, answering on stdout. Once started, every connection gets a {@link LoadFrames} frame every
 * 10 ms from one pacing thread.
 */
public final class LoadSender {
    private final PrintStream out;
    private final Map<Integer, RTCPeerConnection> connections = new ConcurrentHashMap<>();
    private final Map<Integer, RTCRtpTransceiver> videos = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Stream> streams = new CopyOnWriteArrayList<>();
    private final AtomicLong sent = new AtomicLong();

    private record Stream(RTCRtpTransceiver video, AtomicLong next) {
    }

    private LoadSender(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // stdout carries signalling only
        new LoadSender(out).run();
    }

    private void run() throws Exception {
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-sender-pacer");
            t.setDaemon(true);
            return t;
        });
        pacer.scheduleAtFixedRate(this::sendOneFrameEach, 10, 1000 / LoadFrames.FRAMES_PER_SECOND, TimeUnit.MILLISECONDS);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            SignalLine s = SignalLine.parse(line);
            try {
                switch (s.verb()) {
                    case "NEW", "NEWDC" -> create(s.id(), s.verb().equals("NEWDC"));
                    case "ANSWER" -> connections.get(s.id()).setRemoteDescription(new RTCSessionDescription(SdpType.ANSWER, s.payload()));
                    case "CAND" -> {
                        String[] p = s.payload().split("\n", 3);
                        connections.get(s.id()).addIceCandidate(new RTCIceCandidate(p[2], p[0], Integer.parseInt(p[1])));
                    }
                    case "START" -> streams.add(new Stream(videos.get(s.id()), new AtomicLong()));
                    case "SENT" -> send(new SignalLine("SENT", 0, sent.get() + " " + ProcessGauges.cpuNanos()));
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
        RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.loopback());
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

    private void sendOneFrameEach() {
        for (Stream s : streams) {
            long index = s.next.getAndIncrement();
            s.video.sendFrame(LoadFrames.frame(index, System.nanoTime()), index * (90_000 / LoadFrames.FRAMES_PER_SECOND));
            sent.incrementAndGet();
        }
    }

    private synchronized void send(SignalLine line) {
        out.println(line.format());
    }
}
