package dev.jrtc.ice.stun;

import dev.jrtc.common.ByteWriter;
import java.util.zip.CRC32;

/** Writes a {@link StunMessage} with its integrity and fingerprint attributes. */
final class StunEncoder {
    static final int HEADER = 20;
    static final int FINGERPRINT_XOR = 0x5354554E;

    private StunEncoder() {
    }

    static int padded(int n) {
        return (n + 3) & ~3;
    }

    static byte[] encode(StunMessage m, StunProtection p) {
        int body = 0;
        for (StunAttribute a : m.attributes()) {
            body += 4 + padded(StunAttributeCodec.valueLength(a));
        }
        int macLen = switch (p.integrity()) {
            case NONE -> 0;
            case SHA1 -> 20;
            case SHA256 -> 32;
        };
        int total = HEADER + body + (macLen > 0 ? 4 + macLen : 0) + (p.fingerprint() ? 8 : 0);
        ByteWriter w = ByteWriter.allocate(total);
        w.u16(m.type().toWire()).u16(0).u32(StunAttributeCodec.MAGIC_COOKIE);
        byte[] tid = m.transactionId().toBytes();
        w.bytes(tid);
        for (StunAttribute a : m.attributes()) {
            int len = StunAttributeCodec.valueLength(a);
            w.u16(a.type()).u16(len);
            StunAttributeCodec.encodeValue(a, w, m.transactionId());
            w.zeros(padded(len) - len);
        }
        byte[] out = w.array();
        if (macLen > 0) {
            int miStart = w.position();
            boolean sha256 = p.integrity() == StunProtection.IntegrityAlgorithm.SHA256;
            byte[] mac = Hmac.compute(sha256, p.key(), out, 0, miStart, miStart - HEADER + 4 + macLen);
            w.u16(sha256 ? StunAttributeType.MESSAGE_INTEGRITY_SHA256 : StunAttributeType.MESSAGE_INTEGRITY)
                    .u16(macLen).bytes(mac);
        }
        if (p.fingerprint()) {
            int fpStart = w.position();
            w.putU16At(2, fpStart - HEADER + 8);
            w.u16(StunAttributeType.FINGERPRINT).u16(4).u32(crc(out, 0, fpStart) ^ FINGERPRINT_XOR);
        }
        w.putU16At(2, total - HEADER);
        return out;
    }

    static long crc(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return crc.getValue();
    }
}
