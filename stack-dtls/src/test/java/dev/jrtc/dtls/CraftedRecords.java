package dev.jrtc.dtls;

import java.io.ByteArrayOutputStream;

/** Builds DTLS 1.2 plaintext records by hand, for feeding crafted input into an engine. */
final class CraftedRecords {
    private CraftedRecords() {
    }

    /** One epoch-0 handshake record carrying a single fragment. */
    static byte[] handshakeFragment(long recordSeq, int msgType, int messageLength, int messageSeq, int fragmentOffset,
            byte[] fragment, int fragOff, int fragLen) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int recordLength = 12 + fragLen;
        out.write(22);
        out.write(0xFE);
        out.write(0xFD);
        out.write(0);
        out.write(0);
        for (int shift = 40; shift >= 0; shift -= 8) {
            out.write((int) (recordSeq >>> shift) & 0xFF);
        }
        out.write(recordLength >>> 8);
        out.write(recordLength & 0xFF);
        out.write(msgType);
        write24(out, messageLength);
        out.write(messageSeq >>> 8);
        out.write(messageSeq & 0xFF);
        write24(out, fragmentOffset);
        write24(out, fragLen);
        out.write(fragment, fragOff, fragLen);
        return out.toByteArray();
    }

    private static void write24(ByteArrayOutputStream out, int v) {
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }
}
