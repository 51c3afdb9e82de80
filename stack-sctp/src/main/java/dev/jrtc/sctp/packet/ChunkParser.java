package dev.jrtc.sctp.packet;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses SCTP packets (RFC 9260 §3) into {@link Chunk} records. Everything is bounds-checked: a
 * malformed packet throws {@link ParseException}, never anything else. The checksum is checked
 * separately ({@link Crc32c#matches}) so that a caller can count the two failures apart.
 *
 * <p>{@link Chunk.Data} payloads borrow the input array.
 */
public final class ChunkParser {
    /** Common header length (RFC 9260 §3.1). */
    public static final int COMMON_HEADER_LENGTH = 12;

    private static final int PARAM_STATE_COOKIE = 7;
    private static final int PARAM_HEARTBEAT_INFO = 1;
    private static final int PARAM_SUPPORTED_EXTENSIONS = 0x8008;
    private static final int PARAM_FORWARD_TSN_SUPPORTED = 0xC000;

    private ChunkParser() {
    }

    /** Parses a whole packet: header and chunks, without checking the checksum. */
    public static SctpPacket parse(byte[] buf, int offset, int length) throws ParseException {
        ByteReader r = new ByteReader(buf, offset, length);
        int src = r.u16();
        int dst = r.u16();
        long tag = r.u32();
        r.skip(4); // checksum
        List<Chunk> chunks = new ArrayList<>(2);
        while (r.hasRemaining()) {
            if (r.remaining() < 4) {
                // Trailing bytes too short for a chunk header: tolerated as padding only if zero.
                for (int i = r.remaining(); i > 0; i--) {
                    if (r.u8() != 0) {
                        throw new ParseException("trailing garbage after last chunk");
                    }
                }
                break;
            }
            int type = r.u8();
            int flags = r.u8();
            int chunkLength = r.u16();
            if (chunkLength < 4) {
                throw new ParseException("chunk type " + type + " has length " + chunkLength);
            }
            ByteReader value = r.slice(chunkLength - 4);
            r.skip(Math.min(padding(chunkLength), r.remaining()));
            chunks.add(parseChunk(type, flags, chunkLength, value));
        }
        if (chunks.isEmpty()) {
            throw new ParseException("packet without chunks");
        }
        return new SctpPacket(src, dst, tag, chunks);
    }

    static int padding(int length) {
        return (4 - (length & 3)) & 3;
    }

    private static Chunk parseChunk(int type, int flags, int length, ByteReader v) throws ParseException {
        switch (type) {
            case ChunkType.DATA:
                return parseData(DataFormat.DATA, flags, v);
            case ChunkType.I_DATA:
                return parseData(DataFormat.I_DATA, flags, v);
            case ChunkType.INIT:
                return new Chunk.Init(parseInit(v, false));
            case ChunkType.INIT_ACK:
                return new Chunk.InitAck(parseInit(v, true));
            case ChunkType.SACK:
                return parseSack(v);
            case ChunkType.HEARTBEAT:
                return new Chunk.Heartbeat(heartbeatInfo(v));
            case ChunkType.HEARTBEAT_ACK:
                return new Chunk.HeartbeatAck(heartbeatInfo(v));
            case ChunkType.ABORT:
                return new Chunk.Abort((flags & 1) != 0, parseCauses(v));
            case ChunkType.SHUTDOWN: {
                long cum = v.u32();
                return new Chunk.Shutdown(cum);
            }
            case ChunkType.SHUTDOWN_ACK:
                return new Chunk.ShutdownAck();
            case ChunkType.SHUTDOWN_COMPLETE:
                return new Chunk.ShutdownComplete((flags & 1) != 0);
            case ChunkType.ERROR:
                return new Chunk.Error(parseCauses(v));
            case ChunkType.COOKIE_ECHO:
                return new Chunk.CookieEcho(v.bytes(v.remaining()));
            case ChunkType.COOKIE_ACK:
                return new Chunk.CookieAck();
            case ChunkType.FORWARD_TSN:
                return parseForwardTsn(DataFormat.DATA, v);
            case ChunkType.I_FORWARD_TSN:
                return parseForwardTsn(DataFormat.I_DATA, v);
            case ChunkType.RE_CONFIG:
                return parseReConfig(v);
            default:
                return new Chunk.Unknown(type, flags, length);
        }
    }

    private static Chunk.Data parseData(DataFormat format, int flags, ByteReader v) throws ParseException {
        long tsn = v.u32();
        int stream = v.u16();
        long messageId;
        long ppid = 0;
        long fsn = 0;
        if (format == DataFormat.DATA) {
            messageId = v.u16();
            ppid = v.u32();
        } else {
            v.skip(2); // reserved
            messageId = v.u32();
            long ppidOrFsn = v.u32();
            if ((flags & Chunk.Data.BEGINNING) != 0) {
                ppid = ppidOrFsn;
            } else {
                fsn = ppidOrFsn;
            }
        }
        // A chunk without user data parses (length 0): RFC 9260 §6.2 has the association answer it
        // with an ABORT, which it can only do if the packet reaches it.
        int len = v.remaining();
        return new Chunk.Data(format, flags & 0x0F, tsn, stream, messageId, ppid, fsn, v.array(),
                v.arrayPosition(), len);
    }

    private static InitParams parseInit(ByteReader v, boolean ack) throws ParseException {
        long tag = v.u32();
        long rwnd = v.u32();
        int os = v.u16();
        int mis = v.u16();
        long tsn = v.u32();
        if (tag == 0) {
            throw new ParseException("INIT with initiate tag 0");
        }
        if (os == 0 || mis == 0) {
            throw new ParseException("INIT with zero streams");
        }
        boolean forwardTsn = false;
        boolean reConfig = false;
        boolean iData = false;
        byte[] cookie = null;
        while (v.remaining() >= 4) {
            int ptype = v.u16();
            int plen = v.u16();
            if (plen < 4) {
                throw new ParseException("INIT parameter " + ptype + " with length " + plen);
            }
            ByteReader p = v.slice(plen - 4);
            v.skip(Math.min(padding(plen), v.remaining()));
            switch (ptype) {
                case PARAM_STATE_COOKIE -> cookie = p.bytes(p.remaining());
                case PARAM_FORWARD_TSN_SUPPORTED -> forwardTsn = true;
                case PARAM_SUPPORTED_EXTENSIONS -> {
                    while (p.hasRemaining()) {
                        switch (p.u8()) {
                            case ChunkType.FORWARD_TSN -> forwardTsn = true;
                            case ChunkType.RE_CONFIG -> reConfig = true;
                            case ChunkType.I_DATA -> iData = true;
                            default -> {
                                // other extensions (AUTH, ASCONF, PAD) are not used here
                            }
                        }
                    }
                }
                default -> {
                    // Addresses, cookie preservative, AUTH, ECN and unknown parameters are skipped:
                    // over DTLS there is one path and none of them change what this stack does.
                }
            }
        }
        if (ack && cookie == null) {
            throw new ParseException("INIT-ACK without State Cookie");
        }
        return new InitParams(tag, rwnd, os, mis, tsn, new Extensions(forwardTsn, reConfig, iData), cookie);
    }

    private static Chunk.Sack parseSack(ByteReader v) throws ParseException {
        long cum = v.u32();
        long rwnd = v.u32();
        int gaps = v.u16();
        int dups = v.u16();
        if (v.remaining() != 4 * gaps + 4 * dups) {
            throw new ParseException("SACK length does not match " + gaps + " gap block(s) and " + dups + " duplicate(s)");
        }
        int[] blocks = new int[gaps * 2];
        for (int i = 0; i < blocks.length; i += 2) {
            int start = v.u16();
            int end = v.u16();
            if (start == 0 || end < start) {
                throw new ParseException("SACK gap block [" + start + ", " + end + "]");
            }
            blocks[i] = start;
            blocks[i + 1] = end;
        }
        long[] d = new long[dups];
        for (int i = 0; i < dups; i++) {
            d[i] = v.u32();
        }
        return new Chunk.Sack(cum, rwnd, blocks, d);
    }

    private static byte[] heartbeatInfo(ByteReader v) throws ParseException {
        int ptype = v.u16();
        int plen = v.u16();
        if (ptype != PARAM_HEARTBEAT_INFO || plen < 4) {
            throw new ParseException("HEARTBEAT without Heartbeat Info");
        }
        return v.bytes(plen - 4);
    }

    private static List<ErrorCause> parseCauses(ByteReader v) throws ParseException {
        List<ErrorCause> causes = new ArrayList<>(1);
        while (v.remaining() >= 4) {
            int code = v.u16();
            int clen = v.u16();
            if (clen < 4) {
                throw new ParseException("error cause " + code + " with length " + clen);
            }
            causes.add(new ErrorCause(code, v.bytes(clen - 4)));
            v.skip(Math.min(padding(clen), v.remaining()));
        }
        return causes;
    }

    private static Chunk.ForwardTsn parseForwardTsn(DataFormat format, ByteReader v) throws ParseException {
        long cum = v.u32();
        int entrySize = format == DataFormat.DATA ? 4 : 8;
        if (v.remaining() % entrySize != 0) {
            throw new ParseException("FORWARD TSN with a partial stream entry");
        }
        List<Chunk.SkippedMessage> skipped = new ArrayList<>(v.remaining() / entrySize);
        while (v.hasRemaining()) {
            int stream = v.u16();
            if (format == DataFormat.DATA) {
                skipped.add(new Chunk.SkippedMessage(stream, false, v.u16()));
            } else {
                boolean unordered = (v.u16() & 1) != 0;
                skipped.add(new Chunk.SkippedMessage(stream, unordered, v.u32()));
            }
        }
        return new Chunk.ForwardTsn(format, cum, skipped);
    }

    private static Chunk.ReConfig parseReConfig(ByteReader v) throws ParseException {
        List<ReConfigParam> params = new ArrayList<>(1);
        while (v.remaining() >= 4) {
            int ptype = v.u16();
            int plen = v.u16();
            if (plen < 8) {
                throw new ParseException("RE-CONFIG parameter " + ptype + " with length " + plen);
            }
            ByteReader p = v.slice(plen - 4);
            v.skip(Math.min(padding(plen), v.remaining()));
            long seq = p.u32();
            switch (ptype) {
                case ReConfigParam.OUTGOING_SSN_RESET_REQUEST -> {
                    long respSeq = p.u32();
                    long lastTsn = p.u32();
                    if ((p.remaining() & 1) != 0) {
                        throw new ParseException("odd stream list in Outgoing SSN Reset Request");
                    }
                    int[] streams = new int[p.remaining() / 2];
                    for (int i = 0; i < streams.length; i++) {
                        streams[i] = p.u16();
                    }
                    params.add(new ReConfigParam.OutgoingReset(seq, respSeq, lastTsn, streams));
                }
                case ReConfigParam.RECONFIGURATION_RESPONSE -> params.add(new ReConfigParam.Response(seq, p.s32()));
                default -> params.add(new ReConfigParam.Unsupported(ptype, seq));
            }
        }
        if (params.isEmpty()) {
            throw new ParseException("RE-CONFIG without parameters");
        }
        return new Chunk.ReConfig(params);
    }
}
