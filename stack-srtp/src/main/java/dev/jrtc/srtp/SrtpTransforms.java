package dev.jrtc.srtp;

/** Builds the transform a profile uses, from a master key and salt. */
final class SrtpTransforms {
    private SrtpTransforms() {
    }

    static SrtpTransform create(SrtpProfile profile, byte[] masterKey, byte[] masterSalt, boolean rtcp) {
        SrtpKeyDerivation.SessionKeys keys = SrtpKeyDerivation.sessionKeys(profile, masterKey, masterSalt, rtcp);
        if (profile.isAead()) {
            return new AesGcmTransform(keys);
        }
        return new AesCmHmacTransform(keys, rtcp ? profile.rtcpAuthTagLength() : profile.rtpAuthTagLength());
    }

    static void checkRange(byte[] buf, int off, int len) {
        if (buf == null) {
            throw new IllegalArgumentException("buffer is null");
        }
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new IllegalArgumentException("offset " + off + " and length " + len
                    + " do not fit a buffer of " + buf.length + " bytes");
        }
    }
}
