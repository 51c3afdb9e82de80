package dev.jrtc.sctp.packet;

import java.util.List;

/**
 * One SCTP chunk (RFC 9260 §3.2 and the extensions this stack speaks). Parsed chunks may borrow
 * the packet's array (a {@link Data} payload points into it), so a receiver copies what it keeps.
 */
public sealed interface Chunk {

    /** The chunk type code (see {@link ChunkType}). */
    int type();

    /**
     * A DATA (RFC 9260 §3.3.1) or I-DATA (RFC 8260 §2.1) chunk: one fragment of a user message.
     *
     * @param format which of the two wire forms
     * @param flags the I, U, B and E bits ({@link #UNORDERED}, {@link #BEGINNING}, {@link #ENDING})
     * @param tsn the transmission sequence number
     * @param streamId the stream identifier
     * @param messageId the stream sequence number (DATA, 16 bits) or message identifier (I-DATA)
     * @param ppid the payload protocol identifier (for I-DATA only on the first fragment)
     * @param fragmentSequence the fragment sequence number (I-DATA only; zero on the first fragment)
     * @param payload the array holding the user data
     * @param offset where the user data starts in {@code payload}
     * @param length how many bytes of user data; at least one
     */
    record Data(DataFormat format, int flags, long tsn, int streamId, long messageId, long ppid,
            long fragmentSequence, byte[] payload, int offset, int length) implements Chunk {
        public static final int ENDING = 0x01;
        public static final int BEGINNING = 0x02;
        public static final int UNORDERED = 0x04;
        public static final int IMMEDIATE = 0x08;

        @Override
        public int type() {
            return format == DataFormat.DATA ? ChunkType.DATA : ChunkType.I_DATA;
        }

        public boolean unordered() {
            return (flags & UNORDERED) != 0;
        }

        public boolean beginning() {
            return (flags & BEGINNING) != 0;
        }

        public boolean ending() {
            return (flags & ENDING) != 0;
        }
    }

    /** INIT (RFC 9260 §3.3.2). */
    record Init(InitParams params) implements Chunk {
        @Override
        public int type() {
            return ChunkType.INIT;
        }
    }

    /** INIT-ACK (RFC 9260 §3.3.3); carries the State Cookie. */
    record InitAck(InitParams params) implements Chunk {
        @Override
        public int type() {
            return ChunkType.INIT_ACK;
        }
    }

    /**
     * SACK (RFC 9260 §3.3.4).
     *
     * @param cumulativeTsnAck the last TSN received in sequence
     * @param advertisedReceiverWindow a_rwnd in bytes
     * @param gapBlocks start and end offsets from {@code cumulativeTsnAck}, in pairs
     * @param duplicateTsns TSNs received more than once since the last SACK
     */
    record Sack(long cumulativeTsnAck, long advertisedReceiverWindow, int[] gapBlocks, long[] duplicateTsns)
            implements Chunk {
        @Override
        public int type() {
            return ChunkType.SACK;
        }

        public int gapBlockCount() {
            return gapBlocks.length / 2;
        }
    }

    /** HEARTBEAT (RFC 9260 §3.3.5): the Heartbeat Info parameter's value is opaque to the receiver. */
    record Heartbeat(byte[] info) implements Chunk {
        @Override
        public int type() {
            return ChunkType.HEARTBEAT;
        }
    }

    /** HEARTBEAT ACK (RFC 9260 §3.3.6): echoes the Heartbeat Info. */
    record HeartbeatAck(byte[] info) implements Chunk {
        @Override
        public int type() {
            return ChunkType.HEARTBEAT_ACK;
        }
    }

    /**
     * ABORT (RFC 9260 §3.3.7).
     *
     * @param tagReflected the T bit: the packet carries the receiver's own tag, not the peer's
     */
    record Abort(boolean tagReflected, List<ErrorCause> causes) implements Chunk {
        @Override
        public int type() {
            return ChunkType.ABORT;
        }
    }

    /** SHUTDOWN (RFC 9260 §3.3.8). */
    record Shutdown(long cumulativeTsnAck) implements Chunk {
        @Override
        public int type() {
            return ChunkType.SHUTDOWN;
        }
    }

    /** SHUTDOWN ACK (RFC 9260 §3.3.9). */
    record ShutdownAck() implements Chunk {
        @Override
        public int type() {
            return ChunkType.SHUTDOWN_ACK;
        }
    }

    /** SHUTDOWN COMPLETE (RFC 9260 §3.3.13). */
    record ShutdownComplete(boolean tagReflected) implements Chunk {
        @Override
        public int type() {
            return ChunkType.SHUTDOWN_COMPLETE;
        }
    }

    /** ERROR (RFC 9260 §3.3.10). */
    record Error(List<ErrorCause> causes) implements Chunk {
        @Override
        public int type() {
            return ChunkType.ERROR;
        }
    }

    /** COOKIE ECHO (RFC 9260 §3.3.11). */
    record CookieEcho(byte[] cookie) implements Chunk {
        @Override
        public int type() {
            return ChunkType.COOKIE_ECHO;
        }
    }

    /** COOKIE ACK (RFC 9260 §3.3.12). */
    record CookieAck() implements Chunk {
        @Override
        public int type() {
            return ChunkType.COOKIE_ACK;
        }
    }

    /**
     * FORWARD TSN (RFC 3758 §3.2) or I-FORWARD-TSN (RFC 8260 §2.3.1).
     *
     * @param format {@link DataFormat#DATA} for FORWARD TSN, {@link DataFormat#I_DATA} for I-FORWARD-TSN
     * @param newCumulativeTsn the receiver moves its cumulative TSN ack point here
     * @param skipped per stream, the last message skipped
     */
    record ForwardTsn(DataFormat format, long newCumulativeTsn, List<SkippedMessage> skipped) implements Chunk {
        @Override
        public int type() {
            return format == DataFormat.DATA ? ChunkType.FORWARD_TSN : ChunkType.I_FORWARD_TSN;
        }
    }

    /**
     * One stream entry of a FORWARD TSN: skip up to and including {@code messageId}
     * (a 16-bit SSN for FORWARD TSN, a 32-bit MID for I-FORWARD-TSN).
     */
    record SkippedMessage(int streamId, boolean unordered, long messageId) {
    }

    /** RE-CONFIG (RFC 6525 §3.1). */
    record ReConfig(List<ReConfigParam> params) implements Chunk {
        @Override
        public int type() {
            return ChunkType.RE_CONFIG;
        }
    }

    /** A chunk this stack does not know; kept for the skip-or-stop decision of its type bits. */
    record Unknown(int type, int flags, int length) implements Chunk {
    }
}
