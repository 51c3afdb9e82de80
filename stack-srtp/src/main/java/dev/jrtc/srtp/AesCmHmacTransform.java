package dev.jrtc.srtp;

/**
 * AES-128 counter mode with HMAC-SHA1 (RFC 3711 §4.1.1, §4.2), for SRTP or SRTCP.
 */
final class AesCmHmacTransform implements SrtpTransform {
    private final AesCtrKeystream aes;
    private final HmacSha1 hmac;
    private final int tagLength;
    /** The session salt as the top 112 bits of the IV, split in two longs. */
    private final long saltHigh;
    private final long saltLow;
    private final byte[] computedTag = new byte[HmacSha1.LENGTH];

    AesCmHmacTransform(SrtpKeyDerivation.SessionKeys keys, int tagLength) {
        this.aes = new AesCtrKeystream(keys.encryptionKey());
        this.hmac = new HmacSha1(keys.authKey());
        this.tagLength = tagLength;
        byte[] salt = keys.salt();
        this.saltHigh = SrtpTransform.getLongPrefix(salt, 0, 8);
        this.saltLow = SrtpTransform.getLongPrefix(salt, 8, 6);
    }

    /** IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16): SSRC in bytes 4..7, index in bytes 8..13. */
    private void crypt(byte[] buf, int off, int len, int ssrc, long index) {
        aes.xor(saltHigh ^ (ssrc & 0xffffffffL), saltLow ^ (index << 16), buf, off, len);
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        crypt(buf, off + headerLength, len - headerLength, ssrc, index);
        hmac.update(buf, off, len);
        hmac.updateInt((int) (index >>> 16)); // the ROC is authenticated but not sent
        hmac.doFinal(computedTag, 0);
        System.arraycopy(computedTag, 0, buf, off + len, tagLength);
        return len + tagLength;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        int body = len - tagLength;
        hmac.update(buf, off, body);
        hmac.updateInt((int) (index >>> 16));
        hmac.doFinal(computedTag, 0);
        if (!tagMatches(buf, off + body)) {
            return AUTH_FAILED;
        }
        crypt(buf, off + headerLength, body - headerLength, ssrc, index);
        return body;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        crypt(buf, off + 8, len - 8, ssrc, index);
        SrtpTransform.putInt(buf, off + len, 0x80000000 | index);
        int authenticated = len + SrtpProfile.SRTCP_INDEX_LENGTH;
        hmac.update(buf, off, authenticated);
        hmac.doFinal(computedTag, 0);
        System.arraycopy(computedTag, 0, buf, off + authenticated, tagLength);
        return authenticated + tagLength;
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        int authenticated = len - tagLength;
        hmac.update(buf, off, authenticated);
        hmac.doFinal(computedTag, 0);
        if (!tagMatches(buf, off + authenticated)) {
            return AUTH_FAILED;
        }
        int plain = authenticated - SrtpProfile.SRTCP_INDEX_LENGTH;
        if (encrypted) {
            crypt(buf, off + 8, plain - 8, ssrc, index);
        }
        return plain;
    }

    /** Constant-time comparison, so that timing does not reveal how many tag bytes were right. */
    private boolean tagMatches(byte[] buf, int tagOff) {
        int diff = 0;
        for (int i = 0; i < tagLength; i++) {
            diff |= computedTag[i] ^ buf[tagOff + i];
        }
        return diff == 0;
    }
}
