package dev.jrtc.benchmarks.srtp;

import dev.jrtc.srtp.SrtpConfig;
import dev.jrtc.srtp.SrtpProfile;
import dev.jrtc.srtp.SrtpReceiver;
import dev.jrtc.srtp.SrtpSender;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.utils.logging2.LoggerImpl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SRTP protect and unprotect of one RTP packet (12-byte header plus payload), per profile, for
 * jrtc, for the bare JCE primitives on the same bytes (the bound), and for jitsi-srtp on its
 * pure-Java path (SunJCE; the shaded jar leaves out its OpenSSL JNI library).
 *
 * <p>Each operation first copies the packet into the work buffer, since all three work in place;
 * the copy is the same for every variant. Protect bumps the sequence number each time, so every
 * packet has a fresh index (GCM refuses a repeated IV). Unprotect decrypts the same packet again
 * and again, so jrtc and jitsi run with replay checks off there; the crypto is the same.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SrtpBenchmark -f 3 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SrtpBenchmark {
    private static final int HEADER = 12;
    private static final int SSRC = 0x3a5c9e01;

    @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32", "AEAD_AES_128_GCM", "AEAD_AES_256_GCM"})
    public String profile;

    @Param({"160", "1200"})
    public int payload;

    private SrtpProfile p;
    private int rtpLength;
    private byte[] plain;
    private byte[] work;
    private byte[] ours;
    private int oursLength;
    private int seq = 1;

    private SrtpSender sender;
    private SrtpReceiver receiver;

    // the bound: JCE primitives with the session keys
    private Cipher boundCipher;
    private Mac boundMac;
    private SecretKeySpec boundKey;
    private final byte[] boundIv = new byte[16];
    private final byte[] boundTag = new byte[20];
    private final byte[] roc = new byte[4];
    private byte[] boundSealed;

    // jitsi-srtp
    private SrtpCryptoContext jitsiSender;
    private SrtpCryptoContext jitsiReceiver;
    private ArrayBuffer jitsiBuf;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        p = SrtpProfile.valueOf(profile);
        Random random = new Random(42);
        byte[] masterKey = new byte[p.masterKeyLength()];
        byte[] masterSalt = new byte[p.masterSaltLength()];
        random.nextBytes(masterKey);
        random.nextBytes(masterSalt);

        rtpLength = HEADER + payload;
        plain = new byte[rtpLength];
        random.nextBytes(plain);
        plain[0] = (byte) 0x80;
        plain[1] = 96;
        plain[2] = 0;
        plain[3] = 1;
        plain[8] = (byte) (SSRC >>> 24);
        plain[9] = (byte) (SSRC >>> 16);
        plain[10] = (byte) (SSRC >>> 8);
        plain[11] = (byte) SSRC;
        work = new byte[rtpLength + 64];

        sender = new SrtpSender(p, masterKey, masterSalt, SrtpConfig.DEFAULT);
        receiver = new SrtpReceiver(p, masterKey, masterSalt, SrtpConfig.DEFAULT.withReplayProtection(false));
        ours = Arrays.copyOf(plain, rtpLength + 64);
        oursLength = new SrtpSender(p, masterKey, masterSalt, SrtpConfig.DEFAULT).protectRtp(ours, 0, rtpLength);

        // The bound uses arbitrary session keys of the right sizes: key derivation is not per packet.
        byte[] sessionKey = new byte[p.masterKeyLength()];
        random.nextBytes(sessionKey);
        boundKey = new SecretKeySpec(sessionKey, "AES");
        random.nextBytes(boundIv);
        if (p.isAead()) {
            boundCipher = Cipher.getInstance("AES/GCM/NoPadding");
            boundSealed = Arrays.copyOf(plain, rtpLength + 16);
            boundCipher.init(Cipher.ENCRYPT_MODE, boundKey, new GCMParameterSpec(128, boundIv, 0, 12));
            boundCipher.updateAAD(boundSealed, 0, HEADER);
            boundCipher.doFinal(boundSealed, HEADER, payload, boundSealed, HEADER);
        } else {
            boundCipher = Cipher.getInstance("AES/CTR/NoPadding");
            boundMac = Mac.getInstance("HmacSHA1");
            byte[] authKey = new byte[20];
            random.nextBytes(authKey);
            boundMac.init(new SecretKeySpec(authKey, "HmacSHA1"));
        }

        java.util.logging.LogManager.getLogManager().reset(); // jitsi logs a stack trace for its missing JNI library
        // jitsi-srtp, forced onto SunJCE for AES (HMAC falls back to SunJCE without the JNI library)
        Aes.setFactoryClassName("org.jitsi.srtp.crypto.Aes$SunJCECipherFactory");
        LoggerImpl logger = new LoggerImpl(SrtpBenchmark.class.getName());
        SrtpPolicy rtpPolicy = jitsiPolicy(p, p.rtpAuthTagLength());
        SrtpPolicy rtcpPolicy = jitsiPolicy(p, p.rtcpAuthTagLength());
        rtpPolicy.setReceiveReplayEnabled(false);
        jitsiSender = new SrtpContextFactory(true, masterKey, masterSalt, rtpPolicy, rtcpPolicy, logger)
                .deriveContext(SSRC, 0);
        jitsiReceiver = new SrtpContextFactory(false, masterKey, masterSalt, rtpPolicy, rtcpPolicy, logger)
                .deriveContext(SSRC, 0);
        jitsiBuf = new ArrayBuffer(work);

        // Sanity: jitsi must produce jrtc's bytes, or the comparison would not be like for like.
        System.arraycopy(plain, 0, work, 0, rtpLength);
        jitsiBuf.reset(rtpLength);
        check(jitsiSender.transformPacket(jitsiBuf));
        if (jitsiBuf.getLength() != oursLength || !Arrays.equals(work, 0, oursLength, ours, 0, oursLength)) {
            throw new IllegalStateException("jitsi-srtp and jrtc disagree on the protected packet for " + p);
        }
        if (jrtcUnprotect() != rtpLength || jitsiUnprotect() != rtpLength) {
            throw new IllegalStateException("unprotect setup failed for " + p);
        }
    }

    private static SrtpPolicy jitsiPolicy(SrtpProfile p, int tagLength) {
        return p.isAead()
                ? new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, p.masterKeyLength(), SrtpPolicy.NULL_AUTHENTICATION, 0,
                        tagLength, p.masterSaltLength())
                : new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, p.masterKeyLength(), SrtpPolicy.HMACSHA1_AUTHENTICATION, 20,
                        tagLength, p.masterSaltLength());
    }

    private static void check(SrtpErrorStatus status) {
        if (status != SrtpErrorStatus.OK) {
            throw new IllegalStateException("jitsi-srtp: " + status);
        }
    }

    private void copyPlainWithNextSeq() {
        System.arraycopy(plain, 0, work, 0, rtpLength);
        seq++;
        work[2] = (byte) (seq >>> 8);
        work[3] = (byte) seq;
    }

    @Benchmark
    public int jrtcProtect() {
        copyPlainWithNextSeq();
        return sender.protectRtp(work, 0, rtpLength);
    }

    @Benchmark
    public int jrtcUnprotect() {
        System.arraycopy(ours, 0, work, 0, oursLength);
        return receiver.unprotectRtp(work, 0, oursLength);
    }

    /** The bound for protect: AES-CTR (re-initialised per packet) plus HMAC-SHA1, or AES-GCM, alone. */
    @Benchmark
    public int jceBoundProtect() throws Exception {
        copyPlainWithNextSeq();
        boundIv[10] = (byte) (seq >>> 8); // a fresh IV per packet, as SRTP has
        boundIv[11] = (byte) seq;
        if (p.isAead()) {
            boundCipher.init(Cipher.ENCRYPT_MODE, boundKey, new GCMParameterSpec(128, boundIv, 0, 12));
            boundCipher.updateAAD(work, 0, HEADER);
            return HEADER + boundCipher.doFinal(work, HEADER, payload, work, HEADER);
        }
        boundCipher.init(Cipher.ENCRYPT_MODE, boundKey, new IvParameterSpec(boundIv));
        boundCipher.doFinal(work, HEADER, payload, work, HEADER);
        boundMac.update(work, 0, rtpLength);
        boundMac.update(roc);
        boundMac.doFinal(boundTag, 0);
        System.arraycopy(boundTag, 0, work, rtpLength, p.rtpAuthTagLength());
        return rtpLength + p.rtpAuthTagLength();
    }

    /** The bound for unprotect: HMAC-SHA1 then AES-CTR, or an AES-GCM decryption that verifies. */
    @Benchmark
    public int jceBoundUnprotect() throws Exception {
        if (p.isAead()) {
            System.arraycopy(boundSealed, 0, work, 0, rtpLength + 16);
            boundCipher.init(Cipher.DECRYPT_MODE, boundKey, new GCMParameterSpec(128, boundIv, 0, 12));
            boundCipher.updateAAD(work, 0, HEADER);
            return HEADER + boundCipher.doFinal(work, HEADER, payload + 16, work, HEADER);
        }
        System.arraycopy(ours, 0, work, 0, oursLength);
        boundMac.update(work, 0, rtpLength);
        boundMac.update(roc);
        boundMac.doFinal(boundTag, 0);
        int diff = 0;
        for (int i = 0; i < p.rtpAuthTagLength(); i++) {
            diff |= boundTag[i] ^ work[rtpLength + i];
        }
        boundCipher.init(Cipher.DECRYPT_MODE, boundKey, new IvParameterSpec(boundIv));
        boundCipher.doFinal(work, HEADER, payload, work, HEADER);
        return rtpLength + diff; // the tag cannot match (other keys); the work is the same
    }

    @Benchmark
    public int jitsiProtect() throws Exception {
        copyPlainWithNextSeq();
        jitsiBuf.reset(rtpLength);
        jitsiSender.transformPacket(jitsiBuf);
        return jitsiBuf.getLength();
    }

    @Benchmark
    public int jitsiUnprotect() throws Exception {
        System.arraycopy(ours, 0, work, 0, oursLength);
        jitsiBuf.reset(oursLength);
        jitsiReceiver.reverseTransformPacket(jitsiBuf, false);
        return jitsiBuf.getLength();
    }
}
