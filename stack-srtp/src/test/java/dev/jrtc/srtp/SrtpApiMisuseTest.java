package dev.jrtc.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Bad API input gets an IllegalArgumentException that says what was wrong. */
class SrtpApiMisuseTest {
    private static final SrtpProfile P = SrtpProfile.AES_CM_128_HMAC_SHA1_80;

    @Test
    void nullOrWrongLengthKeysAreRefused() {
        assertMessage("master key is null",
                () -> new SrtpSender(P, null, new byte[14], SrtpConfig.DEFAULT));
        assertMessage("master key for AES_CM_128_HMAC_SHA1_80 must be 16 bytes, got 15",
                () -> new SrtpReceiver(P, new byte[15], new byte[14], SrtpConfig.DEFAULT));
        assertMessage("master salt for AEAD_AES_128_GCM must be 12 bytes, got 14",
                () -> new SrtpSender(SrtpProfile.AEAD_AES_128_GCM, new byte[16], new byte[14], SrtpConfig.DEFAULT));
        assertMessage("DTLS keying material is null", () -> SrtpKeys.fromDtlsExport(null, P, true));
        assertMessage("must be 60 bytes", () -> SrtpKeys.fromDtlsExport(new byte[56], P, true));
        assertMessage("must be 88 bytes",
                () -> SrtpKeys.fromDtlsExport(new byte[56], SrtpProfile.AEAD_AES_256_GCM, true));
    }

    @Test
    void protectWithoutTailRoomIsRefused() {
        SrtpSender s = TestPackets.sender(P);
        byte[] exact = new byte[112];
        System.arraycopy(TestPackets.rtp(1, 1, 100, 0, false, 1), 0, exact, 0, 112);
        assertMessage("no tail room to protect in place: need 10 bytes after the packet, the buffer has 0",
                () -> s.protectRtp(exact, 0, 112));
        assertMessage("need 14 bytes after the packet", () -> s.protectRtcp(new byte[40], 0, 32));
    }

    @Test
    void protectOfSomethingThatIsNotRtpIsRefused() {
        SrtpSender s = TestPackets.sender(P);
        assertMessage("not an RTP version 2 packet", () -> s.protectRtp(new byte[100], 0, 50));
        assertMessage("do not fit a buffer", () -> s.protectRtp(new byte[10], 5, 50));
    }

    @Test
    void reusingASequenceNumberOnProtectIsRefused() {
        SrtpSender s = TestPackets.sender(SrtpProfile.AEAD_AES_128_GCM);
        s.protectRtp(TestPackets.rtp(9, 1, 10, 0, false, 1), 0, 22);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.protectRtp(TestPackets.rtp(9, 1, 10, 0, false, 2), 0, 22));
        assertTrue(e.getMessage().contains("already protected"), e.getMessage());
    }

    @Test
    void badConfigIsRefused() {
        assertMessage("power of two from 64 to 32768, got 100", () -> new SrtpConfig(100, 10, true));
        assertMessage("power of two from 64 to 32768, got 32", () -> new SrtpConfig(32, 10, true));
        assertMessage("maxStreams must be from 1 to 65536, got 0", () -> new SrtpConfig(64, 0, true));
    }

    @Test
    void dropCodesMapBackToReasons() {
        for (SrtpDropReason r : SrtpDropReason.values()) {
            assertTrue(r.code() < 0);
            assertEquals(r, SrtpDropReason.fromCode(r.code()));
        }
        assertThrows(IllegalArgumentException.class, () -> SrtpDropReason.fromCode(12));
        assertEquals(SrtpProfile.AEAD_AES_256_GCM, SrtpProfile.fromDtlsProfileId(8));
        assertMessage("0x0005", () -> SrtpProfile.fromDtlsProfileId(5));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), "message was: " + e.getMessage());
    }
}
