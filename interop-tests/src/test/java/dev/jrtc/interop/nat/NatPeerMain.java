package dev.jrtc.interop.nat;

import dev.jrtc.ice.IceConfig;
import dev.jrtc.ice.IceServer;
import dev.jrtc.interop.ice.Coturn;
import dev.jrtc.peerconnection.api.RTCConfiguration;
import dev.jrtc.peerconnection.api.RTCDataChannel;
import dev.jrtc.peerconnection.api.RTCPeerConnection;
import dev.jrtc.peerconnection.api.RTCSessionDescription;
import dev.jrtc.peerconnection.engine.ConnectionState;
import dev.jrtc.peerconnection.engine.RTCStats;
import dev.jrtc.peerconnection.engine.RTCStatsReport;
import dev.jrtc.peerconnection.engine.SdpType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@link RTCPeerConnection} in a host namespace behind a NAT, run by
 * {@link PeerConnectionsThroughRealNatsIT} with {@code ip netns exec ... java -cp <test classpath>}.
 * Its ICE servers are coturn on the public segment (STUN and TURN over UDP). Line protocol: stdout
 * {@code SDP <base64>} (the complete description after gathering), {@code STATE <state>},
 * {@code SELECTED <local type> <remote type> <local address> <remote address>}, {@code MSG <text>};
 * stdin {@code SDP <base64>} and {@code QUIT}. The offerer creates data channel "nat"; each side
 * sends "hello from NAME" once the channel is open.
 *
 * <p>Args: bind IP, offerer|answerer, server IP, name.
 */
public final class NatPeerMain {
    private NatPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        InetAddress bind = InetAddress.getByName(args[0]);
        boolean offerer = args[1].equals("offerer");
        String server = args[2];
        String name = args[3];
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        IceConfig ice = IceConfig.builder()
                .server(IceServer.stun("stun:" + server + ":3478"))
                .server(IceServer.turn("turn:" + server + ":3478?transport=udp", Coturn.USER, Coturn.PASSWORD))
                .build();
        try (RTCPeerConnection pc = new RTCPeerConnection(
                new RTCConfiguration(List.of(new InetSocketAddress(bind, 0)), ice, null))) {
            pc.onconnectionstatechange(s -> {
                out.println("STATE " + s.name().toLowerCase(java.util.Locale.ROOT));
                if (s == ConnectionState.CONNECTED) {
                    pc.getStats().thenAccept(r -> out.println("SELECTED " + selected(r)));
                }
            });
            if (offerer) {
                greetWhenOpen(pc.createDataChannel("nat"), name, out);
                pc.setLocalDescription(pc.createOffer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
                printDescription(pc, out);
                pc.setRemoteDescription(readDescription(in, SdpType.ANSWER)).get(10, TimeUnit.SECONDS);
            } else {
                pc.ondatachannel(ch -> greetWhenOpen(ch, name, out));
                pc.setRemoteDescription(readDescription(in, SdpType.OFFER)).get(10, TimeUnit.SECONDS);
                pc.setLocalDescription(pc.createAnswer().get(10, TimeUnit.SECONDS)).get(10, TimeUnit.SECONDS);
                printDescription(pc, out);
            }
            for (String line; (line = in.readLine()) != null && !line.equals("QUIT");) {
                // wait for the test to end us
            }
        }
        System.exit(0);
    }

    private static void greetWhenOpen(RTCDataChannel ch, String name, PrintStream out) {
        ch.onmessage(m -> out.println("MSG " + m.text()));
        Runnable greet = () -> ch.send("hello from " + name);
        ch.onopen(greet);
        if (ch.readyState() == dev.jrtc.sctp.ReadyState.OPEN) {
            greet.run();
        }
    }

    private static void printDescription(RTCPeerConnection pc, PrintStream out) throws Exception {
        pc.gatheringComplete().get(15, TimeUnit.SECONDS);
        String sdp = pc.localDescription().orElseThrow().sdp();
        out.println("SDP " + Base64.getEncoder().encodeToString(sdp.getBytes(StandardCharsets.UTF_8)));
    }

    private static RTCSessionDescription readDescription(BufferedReader in, SdpType type) throws Exception {
        for (String line; (line = in.readLine()) != null;) {
            if (line.startsWith("SDP ")) {
                return new RTCSessionDescription(type,
                        new String(Base64.getDecoder().decode(line.substring(4)), StandardCharsets.UTF_8));
            }
        }
        throw new IllegalStateException("stdin closed before a description came");
    }

    /** {@code localType remoteType localAddress remoteAddress} of the selected candidate pair. */
    private static String selected(RTCStatsReport report) {
        RTCStats transport = report.ofType("transport").get(0);
        RTCStats pair = report.get((String) transport.get("selectedCandidatePairId")).orElseThrow();
        RTCStats local = report.get((String) pair.get("localCandidateId")).orElseThrow();
        RTCStats remote = report.get((String) pair.get("remoteCandidateId")).orElseThrow();
        return local.get("candidateType") + " " + remote.get("candidateType") + " " + local.get("address") + ":"
                + local.get("port") + " " + remote.get("address") + ":" + remote.get("port");
    }
}
