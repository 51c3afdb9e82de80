package dev.jrtc.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** JSON messages to and from a peer under test: a browser page or a scripted peer. */
public interface PeerChannel {
    void send(Object message);

    /** The next message from the peer, or null if none came within {@code timeout}. */
    JsonNode receive(Duration timeout) throws InterruptedException;
}
