package dev.jrtc.sctp;

import dev.jrtc.common.Output;
import java.nio.charset.StandardCharsets;

/** Events of an association and its data channels. They are also {@link Output.Event}s. */
public sealed interface SctpEvent extends SctpOutput, Output.Event {

    /** The association is established; channels created before now start opening. */
    record Connected() implements SctpEvent {
    }

    /**
     * The peer restarted the association (RFC 9260 §5.2.4 case A). Its channels were lost with it,
     * so every channel was closed ({@link ChannelClosed} came first); new ones can be created.
     */
    record Restarted() implements SctpEvent {
    }

    /** The association ended; every channel is closed. */
    record Closed(CloseReason reason) implements SctpEvent {
    }

    /** A channel we created is open (W3C {@code open}). */
    record ChannelOpen(DataChannel channel) implements SctpEvent {
    }

    /** The peer opened a channel with DCEP (W3C {@code datachannel}); it is already open. */
    record IncomingChannel(DataChannel channel) implements SctpEvent {
    }

    /** A message arrived. The array belongs to the receiver of the event. */
    record Message(DataChannel channel, MessageKind kind, byte[] data) implements SctpEvent {
        /** The message as text (for {@link MessageKind#STRING}). */
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    /** {@link DataChannel#bufferedAmount()} fell to or below the threshold (W3C {@code bufferedamountlow}). */
    record BufferedAmountLow(DataChannel channel) implements SctpEvent {
    }

    /** The peer started closing the channel (W3C {@code closing}). */
    record ChannelClosing(DataChannel channel) implements SctpEvent {
    }

    /** The channel is closed: both directions of its stream were reset (W3C {@code close}). */
    record ChannelClosed(DataChannel channel) implements SctpEvent {
    }
}
