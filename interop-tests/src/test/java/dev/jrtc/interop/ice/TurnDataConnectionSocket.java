package dev.jrtc.interop.ice;

import dev.jrtc.ice.turn.TurnClient;
import dev.jrtc.ice.turn.TurnDataConnection;
import dev.jrtc.ice.turn.TurnTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLSocket;

/**
 * The edge for one RFC 6062 {@link TurnDataConnection} in tests: a TCP or TLS socket to the address
 * the control connection uses, as RFC 6062 section 4.3 asks.
 */
final class TurnDataConnectionSocket implements AutoCloseable, TurnDataConnection.Listener {
    final TurnDataConnection connection;
    final ByteArrayOutputStream fromPeer = new ByteArrayOutputStream();
    String failure;
    private final Socket socket;

    TurnDataConnectionSocket(TurnClient control, long connectionId, InetSocketAddress server) throws Exception {
        socket = control.transport() == TurnTransport.TLS ? TurnClientSocketDriver.tls() : new Socket();
        socket.connect(server, 2000);
        if (socket instanceof SSLSocket tls) {
            tls.setSoTimeout(5000);
            tls.startHandshake();
        }
        socket.setSoTimeout(10);
        connection = new TurnDataConnection(control, connectionId, this);
        connection.start();
    }

    /** Reads until {@code bytes} have come from the peer (or the connection failed, or time ran out). */
    boolean pumpUntil(java.util.function.BooleanSupplier done, long timeoutMillis) throws IOException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] buf = new byte[8192];
        while (!done.getAsBoolean() && failure == null && System.nanoTime() < until) {
            try {
                int n = socket.getInputStream().read(buf);
                if (n < 0) {
                    failure = "closed by the server";
                } else {
                    connection.handleReceive(buf, 0, n);
                }
            } catch (SocketTimeoutException idle) {
                // again
            }
        }
        return done.getAsBoolean();
    }

    @Override
    public void sendToServer(TurnDataConnection c, byte[] data) {
        try {
            socket.getOutputStream().write(data);
        } catch (IOException e) {
            failure = e.toString();
        }
    }

    @Override
    public void bound(TurnDataConnection c) {
    }

    @Override
    public void failed(TurnDataConnection c, int code, String reason) {
        failure = code + " " + reason;
    }

    @Override
    public void peerData(TurnDataConnection c, byte[] data, int offset, int length) {
        fromPeer.write(data, offset, length);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
