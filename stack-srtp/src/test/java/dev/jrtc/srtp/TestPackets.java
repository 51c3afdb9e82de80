package dev.jrtc.srtp;

import java.util.HexFormat;
import java.util.Random;

/** Builders of RTP/RTCP packets and keys for the SRTP tests. */
final class TestPackets {
    static final int TAIL = 32;

    private TestPackets() {
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    static String hex(byte[] b, int off, int len) {
        return HexFormat.of().formatHex(b, off, off + len);
    }

    /** An RTP packet with tail room: 12-byte header, optional CSRCs and a one-byte-header extension. */
    static byte[] rtp(int seq, int ssrc, int payloadLength, int csrcs, boolean extension, long seed) {
        int headerLength = 12 + 4 * csrcs + (extension ? 8 : 0);
        byte[] b = new byte[headerLength + payloadLength + TAIL];
        b[0] = (byte) (0x80 | (extension ? 0x10 : 0) | csrcs);
        b[1] = (byte) 96;
        b[2] = (byte) (seq >>> 8);
        b[3] = (byte) seq;
        SrtpTransform.putInt(b, 4, (int) (seed * 960));
        SrtpTransform.putInt(b, 8, ssrc);
        int p = 12;
        for (int i = 0; i < csrcs; i++, p += 4) {
            SrtpTransform.putInt(b, p, 0x1000 + i);
        }
        if (extension) {
            b[p] = (byte) 0xbe;
            b[p + 1] = (byte) 0xde;
            b[p + 3] = 1; // one word
            b[p + 4] = 0x10; // id 1, length 1
            b[p + 5] = 0x55;
            p += 8;
        }
        Random r = new Random(seed);
        for (int i = 0; i < payloadLength; i++) {
            b[p + i] = (byte) r.nextInt();
        }
        return b;
    }

    static int rtpLength(int payloadLength, int csrcs, boolean extension) {
        return 12 + 4 * csrcs + (extension ? 8 : 0) + payloadLength;
    }

    /** A receiver report with one report block (32 bytes) plus tail room. */
    static byte[] rtcp(int ssrc, long seed) {
        byte[] b = new byte[32 + TAIL];
        b[0] = (byte) 0x81;
        b[1] = (byte) 201;
        b[3] = 7;
        SrtpTransform.putInt(b, 4, ssrc);
        Random r = new Random(seed);
        for (int i = 8; i < 32; i++) {
            b[i] = (byte) r.nextInt();
        }
        return b;
    }

    static final int RTCP_LENGTH = 32;

    static byte[] masterKey(SrtpProfile p, int fill) {
        byte[] k = new byte[p.masterKeyLength()];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (fill + 7 * i);
        }
        return k;
    }

    static byte[] masterSalt(SrtpProfile p, int fill) {
        byte[] s = new byte[p.masterSaltLength()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (fill * 3 + 11 * i);
        }
        return s;
    }

    static SrtpSender sender(SrtpProfile p) {
        return new SrtpSender(p, masterKey(p, 1), masterSalt(p, 2), SrtpConfig.DEFAULT);
    }

    static SrtpReceiver receiver(SrtpProfile p) {
        return receiver(p, SrtpConfig.DEFAULT);
    }

    static SrtpReceiver receiver(SrtpProfile p, SrtpConfig config) {
        return new SrtpReceiver(p, masterKey(p, 1), masterSalt(p, 2), config);
    }

    /** Protects a fresh RTP packet and returns it trimmed to its SRTP length. */
    static byte[] protectedRtp(SrtpSender s, int seq, int ssrc, int payloadLength) {
        byte[] b = rtp(seq, ssrc, payloadLength, 0, false, seq);
        int n = s.protectRtp(b, 0, rtpLength(payloadLength, 0, false));
        return java.util.Arrays.copyOf(b, n);
    }

    /** A copy with tail room, for unprotect, which works in place. */
    static byte[] withTail(byte[] packet) {
        return java.util.Arrays.copyOf(packet, packet.length + TAIL);
    }
}
