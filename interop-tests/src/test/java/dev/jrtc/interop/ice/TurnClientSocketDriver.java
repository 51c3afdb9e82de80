package dev.jrtc.interop.ice;

import dev.jrtc.common.RandomSource;
import dev.jrtc.ice.stun.RetransmitPolicy;
import dev.jrtc.ice.turn.RelayProtocol;
import dev.jrtc.ice.turn.TurnClient;
import dev.jrtc.ice.turn.TurnFailure;
import dev.jrtc.ice.turn.TurnTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The edge for a sans-IO {@link TurnClient} in tests: a UDP socket, a TCP socket or a TLS socket to
 * the server, pumped on the test thread with the real clock.
 */
final class TurnClientSocketDriver implements AutoCloseable, TurnClient.Listener {
    final TurnClient client;
    final List<String> log = new ArrayList<>();
    final List<byte[]> fromPeers = new ArrayList<>();
    InetSocketAddress relayed;
    private final TurnTransport transport;
    private final InetSocketAddress server;
    private DatagramSocket udp;
    private Socket stream;
    private InputStream in;
    private OutputStream out;

    /** RFC 6062 connections the relay reported: {connection ID, peer}. */
    final List<Object[]> peerConnections = new ArrayList<>();

    TurnClientSocketDriver(TurnTransport transport, InetSocketAddress server, String user, String password)
            throws Exception {
        this(transport, RelayProtocol.UDP, server, user, password);
    }

    TurnClientSocketDriver(TurnTransport transport, RelayProtocol relay, InetSocketAddress server, String user,
            String password) throws Exception {
        this.transport = transport;
        this.server = server;
        if (transport == TurnTransport.UDP) {
            udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            udp.setSoTimeout(10);
        } else {
            stream = transport == TurnTransport.TLS ? tls() : new Socket();
            stream.connect(server, 2000);
            if (stream instanceof SSLSocket s) {
                s.setSoTimeout(5000);
                s.startHandshake();
            }
            stream.setSoTimeout(10);
            in = stream.getInputStream();
            out = stream.getOutputStream();
        }
        client = new TurnClient(transport, relay, user, password, RandomSource.secure(),
                RetransmitPolicy.rfc8489().withMaxSends(4), this);
    }

    /** TLS that accepts coturn's self-signed test certificate: the test made it a second ago. */
    static Socket tls() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) { }
            public void checkServerTrusted(X509Certificate[] c, String a) { }
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        return ctx.getSocketFactory().createSocket();
    }

    /** Pumps socket and timers until {@code done} or the timeout. */
    boolean runUntil(BooleanSupplier done, long timeoutMillis) throws IOException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] buf = new byte[65536];
        while (!done.getAsBoolean() && System.nanoTime() < until) {
            try {
                if (udp != null) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    udp.receive(p);
                    client.handleReceive(System.nanoTime(), buf, 0, p.getLength());
                } else {
                    int n = in.read(buf);
                    if (n < 0) {
                        client.handleConnectionFailed(System.nanoTime(), "closed by server");
                    } else {
                        client.handleReceive(System.nanoTime(), buf, 0, n);
                    }
                }
            } catch (SocketTimeoutException idle) {
                // fall through to the timers
            }
            client.handleTimeout(System.nanoTime());
        }
        return done.getAsBoolean();
    }

    @Override
    public void sendToServer(TurnClient c, byte[] data) {
        try {
            if (udp != null) {
                udp.send(new DatagramPacket(data, data.length, server));
            } else {
                out.write(data);
                out.flush();
            }
        } catch (IOException e) {
            log.add("send failed " + e);
        }
    }

    @Override
    public void allocated(TurnClient c, InetSocketAddress relayed, InetSocketAddress mapped) {
        this.relayed = relayed;
        log.add("allocated");
    }

    @Override
    public void reallocated(TurnClient c, InetSocketAddress previous, InetSocketAddress relayed, InetSocketAddress mapped) {
        this.relayed = relayed;
        log.add("reallocated");
    }

    @Override
    public void peerConnectionReady(TurnClient c, long connectionId, InetSocketAddress peer) {
        peerConnections.add(new Object[] {connectionId, peer});
    }

    @Override
    public void peerConnectFailed(TurnClient c, InetSocketAddress peer, int code, String reason) {
        log.add("connect failed " + code + " " + reason);
    }

    @Override
    public void failed(TurnClient c, TurnFailure failure) {
        log.add("failed " + failure.kind() + " " + failure.code());
    }

    @Override
    public void peerData(TurnClient c, InetSocketAddress peer, byte[] data, int offset, int length) {
        fromPeers.add(java.util.Arrays.copyOfRange(data, offset, offset + length));
    }

    @Override
    public void close() throws IOException {
        client.close(System.nanoTime());
        if (udp != null) {
            udp.close();
        }
        if (stream != null) {
            stream.close();
        }
    }
}
