package dev.jrtc.common;

/**
 * What a sans-IO core hands back from {@code poll()}: bytes to send, an event for the layer
 * above, or the time at which it next wants {@code handleTimeout}. The driver drains {@code poll()}
 * after every input until it returns a {@link Deadline}.
 */
public sealed interface Output permits Transmit, Deadline, Output.Event {

    /**
     * Something a core reports upward: a state change, a received message, a key. Each core
     * defines its own event records implementing this interface.
     */
    non-sealed interface Event extends Output {
    }
}
