package dev.jrtc.benchmarks.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The two halves of AES_CM_128_HMAC_SHA1 measured technique by technique, to choose how jrtc uses
 * the JCE: a per-packet re-initialised "AES/CTR" cipher against a keystream made with one keyed
 * "AES/ECB" cipher; and {@code Mac} against HMAC built on a reused {@code MessageDigest}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AesCmTechniqueBenchmark {
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_NATIVE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    @Param({"160", "1200"})
    public int payload;

    private byte[] data;
    private final byte[] iv = new byte[16];
    private SecretKeySpec key;
    private Cipher ctr;
    private Cipher ecb;
    private final byte[] counters = new byte[2048];
    private final byte[] keystream = new byte[2048];
    private Mac mac;
    private MessageDigest sha1;
    private final byte[] ipad = new byte[64];
    private final byte[] opad = new byte[64];
    private final byte[] inner = new byte[20];
    private final byte[] tag = new byte[20];
    private int n;

    @Setup
    public void setUp() throws Exception {
        Random r = new Random(1);
        data = new byte[payload];
        r.nextBytes(data);
        byte[] k = new byte[16];
        r.nextBytes(k);
        key = new SecretKeySpec(k, "AES");
        ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, key);
        byte[] a = new byte[20];
        r.nextBytes(a);
        mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(a, "HmacSHA1"));
        sha1 = MessageDigest.getInstance("SHA-1");
        for (int i = 0; i < 64; i++) {
            byte b = i < 20 ? a[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        sha1.update(ipad);
    }

    @Benchmark
    public byte[] ctrReinitPerPacket() throws Exception {
        iv[11] = (byte) ++n;
        ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
        ctr.doFinal(data, 0, payload, data, 0);
        return data;
    }

    @Benchmark
    public byte[] ecbKeystream() throws Exception {
        long high = (long) LONG_BE.get(iv, 0);
        long low = (long) LONG_BE.get(iv, 8) + (++n << 16);
        int blocks = (payload + 15) >>> 4;
        for (int j = 0; j < blocks; j++) {
            LONG_BE.set(counters, j << 4, high);
            LONG_BE.set(counters, (j << 4) + 8, low + j);
        }
        ecb.update(counters, 0, blocks << 4, keystream, 0);
        int i = 0;
        for (; i + 8 <= payload; i += 8) {
            LONG_NATIVE.set(data, i, (long) LONG_NATIVE.get(data, i) ^ (long) LONG_NATIVE.get(keystream, i));
        }
        for (; i < payload; i++) {
            data[i] ^= keystream[i];
        }
        return data;
    }

    @Benchmark
    public byte[] hmacWithMac() throws Exception {
        mac.update(data, 0, payload);
        mac.doFinal(tag, 0);
        return tag;
    }

    @Benchmark
    public byte[] hmacWithMessageDigest() throws Exception {
        sha1.update(data, 0, payload);
        sha1.digest(inner, 0, 20);
        sha1.update(opad);
        sha1.update(inner, 0, 20);
        sha1.digest(tag, 0, 20);
        sha1.update(ipad);
        return tag;
    }
}
