package dev.jrtc.ice.stun;

/** Test helper: recomputes MESSAGE-INTEGRITY and FINGERPRINT in place over whatever the bytes are. */
final class Resigner {
    private Resigner() {
    }

    /** Assumes the layout "... MESSAGE-INTEGRITY(24 bytes) [FINGERPRINT(8 bytes)]" at the end. */
    static byte[] resign(byte[] msg, byte[] key) {
        boolean fp = msg.length >= 8 && (msg[msg.length - 8] & 0xFF) == 0x80 && (msg[msg.length - 7] & 0xFF) == 0x28;
        int miAt = msg.length - 24 - (fp ? 8 : 0);
        byte[] mac = Hmac.compute(false, key, msg, 0, miAt, miAt - 20 + 24);
        System.arraycopy(mac, 0, msg, miAt + 4, 20);
        if (fp) {
            long crc = StunEncoder.crc(msg, 0, msg.length - 8) ^ StunEncoder.FINGERPRINT_XOR;
            for (int i = 0; i < 4; i++) {
                msg[msg.length - 4 + i] = (byte) (crc >>> (24 - 8 * i));
            }
        }
        return msg;
    }
}
