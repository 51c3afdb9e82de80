package dev.jrtc.ice.mdns;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The small part of DNS (RFC 1035) that mDNS candidate resolution needs: A/AAAA questions and answers. */
public final class DnsMessage {
    static final int TYPE_A = 1;
    static final int TYPE_AAAA = 28;
    static final int CLASS_IN = 1;
    private static final int MAX_NAME = 255;
    private static final int MAX_RECORDS = 64;

    /** One question. */
    public record Question(String name, int type) {
    }

    /** One A or AAAA answer. */
    public record Answer(String name, InetAddress address, long ttlSeconds) {
    }

    /** A parsed message. */
    public record Parsed(boolean response, List<Question> questions, List<Answer> answers) {
    }

    private DnsMessage() {
    }

    /** A one-shot query (ID 0, as mDNS wants) for the A record of {@code name}. */
    public static byte[] query(String name) {
        // One A question only: Chromium's responder (seen with 156) silently ignores a query that also
        // asks for AAAA when it holds only an A record, and its names stand for IPv4 host addresses.
        ByteWriter w = ByteWriter.allocate(12 + name.length() + 2 + 4);
        w.u16(0).u16(0).u16(1).u16(0).u16(0).u16(0);
        writeName(w, name);
        w.u16(TYPE_A).u16(CLASS_IN);
        return w.toByteArray();
    }

    /** An authoritative response announcing {@code name} at {@code address} (cache-flush set). */
    public static byte[] response(String name, InetAddress address, long ttlSeconds) {
        byte[] ip = address.getAddress();
        ByteWriter w = ByteWriter.allocate(12 + name.length() + 2 + 10 + ip.length);
        w.u16(0).u16(0x8400).u16(0).u16(1).u16(0).u16(0);
        writeName(w, name);
        w.u16(address instanceof Inet4Address ? TYPE_A : TYPE_AAAA).u16(0x8000 | CLASS_IN).u32(ttlSeconds)
                .u16(ip.length).bytes(ip);
        return w.toByteArray();
    }

    private static void writeName(ByteWriter w, String name) {
        for (String label : name.split("\\.")) {
            byte[] b = label.getBytes(StandardCharsets.UTF_8);
            w.u8(b.length).bytes(b);
        }
        w.u8(0);
    }

    /** Parses questions and A/AAAA answers; other records are skipped. */
    public static Parsed parse(byte[] buf, int offset, int length) throws ParseException {
        ByteReader r = new ByteReader(buf, offset, length);
        r.u16(); // ID
        int flags = r.u16();
        int qd = r.u16();
        int an = r.u16();
        int ns = r.u16();
        int ar = r.u16();
        if (qd + an + ns + ar > MAX_RECORDS) {
            throw new ParseException("too many DNS records");
        }
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < qd; i++) {
            String name = readName(buf, offset, length, r);
            int type = r.u16();
            r.u16();
            questions.add(new Question(name, type));
        }
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < an + ns + ar; i++) {
            String name = readName(buf, offset, length, r);
            int type = r.u16();
            int cls = r.u16() & 0x7FFF;
            long ttl = r.u32();
            int rdLength = r.u16();
            ByteReader rdata = r.slice(rdLength);
            if (cls == CLASS_IN && ((type == TYPE_A && rdLength == 4) || (type == TYPE_AAAA && rdLength == 16))) {
                try {
                    answers.add(new Answer(name, InetAddress.getByAddress(rdata.bytes(rdLength)), ttl));
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return new Parsed((flags & 0x8000) != 0, questions, answers);
    }

    /** Reads a possibly compressed name, lower-cased, without the trailing dot. */
    private static String readName(byte[] buf, int offset, int length, ByteReader r) throws ParseException {
        StringBuilder sb = new StringBuilder();
        ByteReader cur = r;
        int jumps = 0;
        while (true) {
            int len = cur.u8();
            if (len == 0) {
                break;
            }
            if ((len & 0xC0) == 0xC0) {
                int ptr = ((len & 0x3F) << 8) | cur.u8();
                if (++jumps > 16 || ptr >= length) {
                    throw new ParseException("bad DNS name compression");
                }
                cur = new ByteReader(buf, offset + ptr, length - ptr);
                continue;
            }
            if ((len & 0xC0) != 0) {
                throw new ParseException("bad DNS label length");
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(new String(cur.bytes(len), StandardCharsets.UTF_8));
            if (sb.length() > MAX_NAME) {
                throw new ParseException("DNS name too long");
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
