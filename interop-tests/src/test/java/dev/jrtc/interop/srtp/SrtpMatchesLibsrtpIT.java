package dev.jrtc.interop.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jrtc.srtp.SrtpConfig;
import dev.jrtc.srtp.SrtpProfile;
import dev.jrtc.srtp.SrtpReceiver;
import dev.jrtc.srtp.SrtpSender;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jrtc's SRTP against libsrtp (through python3-pylibsrtp, which exposes all four WebRTC profiles),
 * over 10,000 RTP packets that cross a sequence-number rollover and a few hundred RTCP packets:
 * <ul>
 *   <li>jrtc and libsrtp protect the same packet with the same key into the same bytes;</li>
 *   <li>libsrtp unprotects what jrtc protected, back to the plaintext;</li>
 *   <li>jrtc unprotects what libsrtp protected, back to the plaintext.</li>
 * </ul>
 */
class SrtpMatchesLibsrtpIT {
    private static final String PYTHON = "/usr/bin/python3";
    private static final String INSTALL_HINT = "apt-get install python3-pylibsrtp";
    private static final int RTP_PACKETS = 10_000;
    private static final int FIRST_SEQ = 65535 - 5000;
    private static final int RTCP_PACKETS = 300;
    private static final int SSRC = 0x1234abcd;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void protectsAndUnprotectsLikeLibsrtp(SrtpProfile profile) throws Exception {
        Random random = new Random(profile.ordinal() * 7919L + 1);
        byte[] key = new byte[profile.masterKeyLength()];
        byte[] salt = new byte[profile.masterSaltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        Files.writeString(dir.resolve("key.hex"), HexFormat.of().formatHex(key) + HexFormat.of().formatHex(salt));

        List<byte[]> rtpPlain = new ArrayList<>();
        for (int i = 0; i < RTP_PACKETS; i++) {
            rtpPlain.add(rtp((FIRST_SEQ + i) & 0xffff, i, random));
        }
        List<byte[]> rtcpPlain = new ArrayList<>();
        for (int i = 0; i < RTCP_PACKETS; i++) {
            rtcpPlain.add(rtcp(random));
        }

        SrtpSender sender = new SrtpSender(profile, key, salt, SrtpConfig.DEFAULT);
        List<byte[]> rtpOurs = new ArrayList<>();
        for (byte[] p : rtpPlain) {
            byte[] buf = Arrays.copyOf(p, p.length + profile.rtpOverhead());
            rtpOurs.add(Arrays.copyOf(buf, sender.protectRtp(buf, 0, p.length)));
        }
        List<byte[]> rtcpOurs = new ArrayList<>();
        for (byte[] p : rtcpPlain) {
            byte[] buf = Arrays.copyOf(p, p.length + profile.rtcpOverhead());
            rtcpOurs.add(Arrays.copyOf(buf, sender.protectRtcp(buf, 0, p.length)));
        }
        writeRecords(dir.resolve("rtp_plain.bin"), rtpPlain);
        writeRecords(dir.resolve("rtp_jrtc.bin"), rtpOurs);
        writeRecords(dir.resolve("rtcp_plain.bin"), rtcpPlain);
        writeRecords(dir.resolve("rtcp_jrtc.bin"), rtcpOurs);

        runOracle(profile);

        List<byte[]> rtpTheirs = readRecords(dir.resolve("rtp_libsrtp.bin"));
        List<byte[]> rtpUnprotectedByThem = readRecords(dir.resolve("rtp_unprotected.bin"));
        List<byte[]> rtcpTheirs = readRecords(dir.resolve("rtcp_libsrtp.bin"));
        List<byte[]> rtcpUnprotectedByThem = readRecords(dir.resolve("rtcp_unprotected.bin"));
        assertEquals(RTP_PACKETS, rtpTheirs.size());
        assertEquals(RTP_PACKETS, rtpUnprotectedByThem.size());
        assertEquals(RTCP_PACKETS, rtcpTheirs.size());
        assertEquals(RTCP_PACKETS, rtcpUnprotectedByThem.size());

        SrtpReceiver receiver = new SrtpReceiver(profile, key, salt, SrtpConfig.DEFAULT);
        for (int i = 0; i < RTP_PACKETS; i++) {
            String what = profile + " RTP packet " + i + " (seq " + ((FIRST_SEQ + i) & 0xffff) + ")";
            assertArrayEquals(rtpTheirs.get(i), rtpOurs.get(i), what + ": protected bytes differ from libsrtp's");
            assertArrayEquals(rtpPlain.get(i), rtpUnprotectedByThem.get(i), what + ": libsrtp did not recover our plaintext");
            byte[] buf = Arrays.copyOf(rtpTheirs.get(i), rtpTheirs.get(i).length + 16);
            int n = receiver.unprotectRtp(buf, 0, rtpTheirs.get(i).length);
            assertTrue(n >= 0, what + ": jrtc refused libsrtp's packet, result " + n);
            assertArrayEquals(rtpPlain.get(i), Arrays.copyOf(buf, n), what + ": jrtc did not recover libsrtp's plaintext");
        }
        for (int i = 0; i < RTCP_PACKETS; i++) {
            String what = profile + " RTCP packet " + i;
            assertArrayEquals(rtcpTheirs.get(i), rtcpOurs.get(i), what + ": protected bytes differ from libsrtp's");
            assertArrayEquals(rtcpPlain.get(i), rtcpUnprotectedByThem.get(i), what + ": libsrtp did not recover our plaintext");
            byte[] buf = Arrays.copyOf(rtcpTheirs.get(i), rtcpTheirs.get(i).length + 16);
            int n = receiver.unprotectRtcp(buf, 0, rtcpTheirs.get(i).length);
            assertTrue(n >= 0, what + ": jrtc refused libsrtp's packet, result " + n);
            assertArrayEquals(rtcpPlain.get(i), Arrays.copyOf(buf, n), what + ": jrtc did not recover libsrtp's plaintext");
        }
        assertEquals(RTP_PACKETS, receiver.stats().rtpPacketsDelivered());
        assertEquals(RTCP_PACKETS, receiver.stats().rtcpPacketsDelivered());
        assertEquals(0, receiver.stats().droppedTotal());
    }

    /** Payloads of 0 to 1200 bytes; some packets carry CSRCs, some a header extension. */
    private static byte[] rtp(int seq, int i, Random random) {
        int csrcs = i % 7 == 0 ? 2 : 0;
        boolean extension = i % 5 == 0;
        int payload = i % 3 == 0 ? 1200 : random.nextInt(1201);
        ByteBuffer b = ByteBuffer.allocate(12 + 4 * csrcs + (extension ? 8 : 0) + payload);
        b.put((byte) (0x80 | (extension ? 0x10 : 0) | csrcs)).put((byte) (i % 50 == 0 ? 0xe0 : 0x60));
        b.putShort((short) seq).putInt(i * 960).putInt(SSRC);
        for (int c = 0; c < csrcs; c++) {
            b.putInt(0x5000 + c);
        }
        if (extension) {
            b.putShort((short) 0xbede).putShort((short) 1).put((byte) 0x22).put((byte) 1).put((byte) 2).put((byte) 3);
        }
        byte[] body = new byte[payload];
        random.nextBytes(body);
        return b.put(body).array();
    }

    /** A sender report header and a body of 0 to 100 words. */
    private static byte[] rtcp(Random random) {
        int words = random.nextInt(101);
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * words);
        b.put((byte) 0x80).put((byte) 200).putShort((short) (words + 1)).putInt(SSRC);
        byte[] body = new byte[4 * words];
        random.nextBytes(body);
        return b.put(body).array();
    }

    private void runOracle(SrtpProfile profile) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            fail(PYTHON + " is missing; the libsrtp cross-check needs it: apt-get install python3 python3-pylibsrtp");
        }
        Path script = dir.resolve("libsrtp_oracle.py");
        try (InputStream in = SrtpMatchesLibsrtpIT.class.getResourceAsStream("/srtp/libsrtp_oracle.py")) {
            if (in == null) {
                fail("srtp/libsrtp_oracle.py is not on the test classpath");
            }
            Files.copy(in, script);
        }
        Path log = dir.resolve("oracle.log");
        Process p = new ProcessBuilder(PYTHON, script.toString(), dir.toString(), profile.name())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("libsrtp oracle timed out after 180 s; output: " + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() == 3) {
            fail("pylibsrtp is missing (" + output.strip() + "): " + INSTALL_HINT);
        }
        assertEquals(0, p.exitValue(), "libsrtp oracle failed: " + output);
        assertTrue(output.contains("ok") && !output.contains("refused"), "libsrtp oracle reported: " + output);
    }

    private static void writeRecords(Path path, List<byte[]> records) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (byte[] r : records) {
                out.writeInt(r.length);
                out.write(r);
            }
        }
        Files.write(path, bytes.toByteArray());
    }

    private static List<byte[]> readRecords(Path path) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path));
        List<byte[]> out = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] r = new byte[b.getInt()];
            b.get(r);
            out.add(r);
        }
        return out;
    }
}
