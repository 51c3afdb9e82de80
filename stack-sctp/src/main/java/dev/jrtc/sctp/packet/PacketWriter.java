package dev.jrtc.sctp.packet;

import java.util.Arrays;
import java.util.List;

/**
 * Builds one SCTP packet at a time into a reusable buffer: the common header, then chunks (each
 * padded to four bytes, RFC 9260 §3.2), then the CRC32c. {@link #finish()} hands back an array the
 * caller owns.
 */
public final class PacketWriter {
    private final byte[] buf;
    private int pos;
    private int chunks;

    /** @param maxPacketSize the largest SCTP packet to build (common header included) */
    public PacketWriter(int maxPacketSize) {
        if (maxPacketSize < 64) {
            throw new IllegalArgumentException("packet size too small: " + maxPacketSize);
        }
        this.buf = new byte[maxPacketSize];
    }

    /** Starts a packet with the given common header. */
    public void start(int sourcePort, int destinationPort, long verificationTag) {
        pos = 0;
        chunks = 0;
        u16(sourcePort);
        u16(destinationPort);
        u32(verificationTag);
        u32(0);
    }

    /** Bytes left for chunks. */
    public int remaining() {
        return buf.length - pos;
    }

    /** Whether no chunk has been added since {@link #start}. */
    public boolean isEmpty() {
        return chunks == 0;
    }

    /** Whether {@code chunk} fits in what is left. */
    public boolean fits(Chunk chunk) {
        return encodedLength(chunk) <= remaining();
    }

    /** Appends a chunk; the caller has checked {@link #fits}. */
    public void add(Chunk chunk) {
        int start = pos;
        if (encodedLength(chunk) > remaining()) {
            throw new IllegalStateException("chunk does not fit: " + chunk.type());
        }
        pos += 4; // type, flags, length written last
        int flags = writeValue(chunk);
        int length = pos - start;
        buf[start] = (byte) chunk.type();
        buf[start + 1] = (byte) flags;
        buf[start + 2] = (byte) (length >>> 8);
        buf[start + 3] = (byte) length;
        pad();
        chunks++;
    }

    /** Writes the chunk's value and returns its flags byte. */
    private int writeValue(Chunk chunk) {
        if (chunk instanceof Chunk.Data d) {
            u32(d.tsn());
            u16(d.streamId());
            if (d.format() == DataFormat.DATA) {
                u16((int) d.messageId());
                u32(d.ppid());
            } else {
                u16(0);
                u32(d.messageId());
                u32(d.beginning() ? d.ppid() : d.fragmentSequence());
            }
            System.arraycopy(d.payload(), d.offset(), buf, pos, d.length());
            pos += d.length();
            return d.flags();
        } else if (chunk instanceof Chunk.Sack s) {
            u32(s.cumulativeTsnAck());
            u32(s.advertisedReceiverWindow());
            u16(s.gapBlocks().length / 2);
            u16(s.duplicateTsns().length);
            for (int g : s.gapBlocks()) {
                u16(g);
            }
            for (long d : s.duplicateTsns()) {
                u32(d);
            }
        } else if (chunk instanceof Chunk.Init i) {
            writeInit(i.params());
        } else if (chunk instanceof Chunk.InitAck i) {
            writeInit(i.params());
        } else if (chunk instanceof Chunk.Heartbeat h) {
            param(1, h.info());
        } else if (chunk instanceof Chunk.HeartbeatAck h) {
            param(1, h.info());
        } else if (chunk instanceof Chunk.Abort a) {
            causes(a.causes());
            return a.tagReflected() ? 1 : 0;
        } else if (chunk instanceof Chunk.Shutdown s) {
            u32(s.cumulativeTsnAck());
        } else if (chunk instanceof Chunk.ShutdownComplete s) {
            return s.tagReflected() ? 1 : 0;
        } else if (chunk instanceof Chunk.Error e) {
            causes(e.causes());
        } else if (chunk instanceof Chunk.CookieEcho c) {
            bytes(c.cookie());
        } else if (chunk instanceof Chunk.ForwardTsn f) {
            u32(f.newCumulativeTsn());
            for (Chunk.SkippedMessage m : f.skipped()) {
                u16(m.streamId());
                if (f.format() == DataFormat.DATA) {
                    u16((int) m.messageId());
                } else {
                    u16(m.unordered() ? 1 : 0);
                    u32(m.messageId());
                }
            }
        } else if (chunk instanceof Chunk.ReConfig rc) {
            for (ReConfigParam p : rc.params()) {
                writeReConfigParam(p);
            }
        } else if (chunk instanceof Chunk.Unknown) {
            throw new IllegalArgumentException("cannot write an unknown chunk");
        }
        // SHUTDOWN ACK and COOKIE ACK have no value.
        return 0;
    }

    /** Stamps the checksum and returns a copy of the packet, which the caller owns. */
    public byte[] finish() {
        byte[] out = Arrays.copyOf(buf, pos);
        Crc32c.stamp(out, 0, out.length);
        return out;
    }

    /** The padded length {@code chunk} takes on the wire. */
    public static int encodedLength(Chunk chunk) {
        int value;
        if (chunk instanceof Chunk.Data d) {
            value = d.format().headerLength() - 4 + d.length();
        } else if (chunk instanceof Chunk.Sack s) {
            value = 12 + 2 * s.gapBlocks().length + 4 * s.duplicateTsns().length;
        } else if (chunk instanceof Chunk.Init i) {
            value = initLength(i.params());
        } else if (chunk instanceof Chunk.InitAck i) {
            value = initLength(i.params());
        } else if (chunk instanceof Chunk.Heartbeat h) {
            value = 4 + h.info().length;
        } else if (chunk instanceof Chunk.HeartbeatAck h) {
            value = 4 + h.info().length;
        } else if (chunk instanceof Chunk.Abort a) {
            value = causesLength(a.causes());
        } else if (chunk instanceof Chunk.Shutdown) {
            value = 4;
        } else if (chunk instanceof Chunk.Error e) {
            value = causesLength(e.causes());
        } else if (chunk instanceof Chunk.CookieEcho c) {
            value = c.cookie().length;
        } else if (chunk instanceof Chunk.ForwardTsn f) {
            value = 4 + f.skipped().size() * (f.format() == DataFormat.DATA ? 4 : 8);
        } else if (chunk instanceof Chunk.ReConfig rc) {
            value = 0;
            for (ReConfigParam p : rc.params()) {
                value += padded(reConfigParamLength(p));
            }
        } else if (chunk instanceof Chunk.Unknown u) {
            value = u.length() - 4;
        } else {
            value = 0; // SHUTDOWN ACK, SHUTDOWN COMPLETE, COOKIE ACK
        }
        return padded(4 + value);
    }

    private static int padded(int n) {
        return (n + 3) & ~3;
    }

    private static int initLength(InitParams p) {
        int n = 16;
        Extensions e = p.extensions();
        int listed = (e.forwardTsn() ? 1 : 0) + (e.reConfig() ? 1 : 0) + (e.iData() ? 2 : 0);
        if (listed > 0) {
            n += padded(4 + listed);
        }
        if (e.forwardTsn()) {
            n += 4;
        }
        if (p.stateCookie() != null) {
            n += padded(4 + p.stateCookie().length);
        }
        return n;
    }

    private void writeInit(InitParams p) {
        u32(p.initiateTag());
        u32(p.advertisedReceiverWindow());
        u16(p.outboundStreams());
        u16(p.inboundStreams());
        u32(p.initialTsn());
        Extensions e = p.extensions();
        int listed = (e.forwardTsn() ? 1 : 0) + (e.reConfig() ? 1 : 0) + (e.iData() ? 2 : 0);
        if (listed > 0) {
            u16(0x8008);
            u16(4 + listed);
            if (e.reConfig()) {
                buf[pos++] = (byte) ChunkType.RE_CONFIG;
            }
            if (e.forwardTsn()) {
                buf[pos++] = (byte) ChunkType.FORWARD_TSN;
            }
            if (e.iData()) {
                buf[pos++] = (byte) ChunkType.I_DATA;
                buf[pos++] = (byte) ChunkType.I_FORWARD_TSN;
            }
            pad();
        }
        if (e.forwardTsn()) {
            u16(0xC000);
            u16(4);
        }
        if (p.stateCookie() != null) {
            param(7, p.stateCookie());
        }
    }

    private static int causesLength(List<ErrorCause> causes) {
        int n = 0;
        for (ErrorCause c : causes) {
            n += padded(4 + c.info().length);
        }
        return n;
    }

    private void causes(List<ErrorCause> causes) {
        for (ErrorCause c : causes) {
            param(c.code(), c.info());
        }
    }

    private static int reConfigParamLength(ReConfigParam p) {
        if (p instanceof ReConfigParam.OutgoingReset r) {
            return 16 + 2 * r.streams().length;
        }
        return p instanceof ReConfigParam.Response ? 12 : 8;
    }

    private void writeReConfigParam(ReConfigParam p) {
        if (p instanceof ReConfigParam.OutgoingReset r) {
            u16(ReConfigParam.OUTGOING_SSN_RESET_REQUEST);
            u16(reConfigParamLength(p));
            u32(r.requestSequence());
            u32(r.responseSequence());
            u32(r.lastAssignedTsn());
            for (int s : r.streams()) {
                u16(s);
            }
        } else if (p instanceof ReConfigParam.Response r) {
            u16(ReConfigParam.RECONFIGURATION_RESPONSE);
            u16(12);
            u32(r.responseSequence());
            u32(r.result() & 0xFFFF_FFFFL);
        } else if (p instanceof ReConfigParam.Unsupported u) {
            u16(u.type());
            u16(8);
            u32(u.requestSequence());
        }
        pad();
    }

    private void param(int type, byte[] value) {
        u16(type);
        u16(4 + value.length);
        bytes(value);
        pad();
    }

    private void pad() {
        while ((pos & 3) != 0) {
            buf[pos++] = 0;
        }
    }

    private void bytes(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void u16(int v) {
        buf[pos] = (byte) (v >>> 8);
        buf[pos + 1] = (byte) v;
        pos += 2;
    }

    private void u32(long v) {
        buf[pos] = (byte) (v >>> 24);
        buf[pos + 1] = (byte) (v >>> 16);
        buf[pos + 2] = (byte) (v >>> 8);
        buf[pos + 3] = (byte) v;
        pos += 4;
    }
}
