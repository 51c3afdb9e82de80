"""libsrtp oracle for SrtpMatchesLibsrtpIT.

Usage: libsrtp_oracle.py DIR PROFILE

Reads from DIR (records are a 4-byte big-endian length, then the bytes):
  key.hex         master key then master salt, hex, one line
  rtp_plain.bin   RTP packets in sending order
  rtp_jrtc.bin    the same packets as jrtc protected them
  rtcp_plain.bin  RTCP packets in sending order
  rtcp_jrtc.bin   the same packets as jrtc protected them
Writes to DIR:
  rtp_libsrtp.bin, rtcp_libsrtp.bin          libsrtp's protection of the plain packets
  rtp_unprotected.bin, rtcp_unprotected.bin  libsrtp's unprotection of jrtc's packets
                                             (an empty record where libsrtp refused one)
Exit status 3 means pylibsrtp is missing.
"""
import os
import struct
import sys

try:
    import pylibsrtp
except ImportError as e:
    sys.stderr.write("pylibsrtp is not importable: %s\n" % e)
    sys.exit(3)

PROFILES = {
    "AES_CM_128_HMAC_SHA1_80": pylibsrtp.Policy.SRTP_PROFILE_AES128_CM_SHA1_80,
    "AES_CM_128_HMAC_SHA1_32": pylibsrtp.Policy.SRTP_PROFILE_AES128_CM_SHA1_32,
    "AEAD_AES_128_GCM": pylibsrtp.Policy.SRTP_PROFILE_AEAD_AES_128_GCM,
    "AEAD_AES_256_GCM": pylibsrtp.Policy.SRTP_PROFILE_AEAD_AES_256_GCM,
}


def read_records(path):
    with open(path, "rb") as f:
        data = f.read()
    out, pos = [], 0
    while pos < len(data):
        (n,) = struct.unpack_from(">I", data, pos)
        out.append(data[pos + 4 : pos + 4 + n])
        pos += 4 + n
    return out


def write_records(path, records):
    with open(path, "wb") as f:
        for r in records:
            f.write(struct.pack(">I", len(r)))
            f.write(r)


def session(profile, key, direction):
    policy = pylibsrtp.Policy(key=key, ssrc_type=direction, srtp_profile=PROFILES[profile])
    return pylibsrtp.Session(policy=policy)


def run(directory, profile, kind, protect_name, unprotect_name):
    with open(os.path.join(directory, "key.hex")) as f:
        key = bytes.fromhex(f.read().strip())
    plain = read_records(os.path.join(directory, kind + "_plain.bin"))
    ours = read_records(os.path.join(directory, kind + "_jrtc.bin"))

    sender = session(profile, key, pylibsrtp.Policy.SSRC_ANY_OUTBOUND)
    protect = getattr(sender, protect_name)
    write_records(os.path.join(directory, kind + "_libsrtp.bin"), [bytes(protect(p)) for p in plain])

    receiver = session(profile, key, pylibsrtp.Policy.SSRC_ANY_INBOUND)
    unprotect = getattr(receiver, unprotect_name)
    results = []
    for p in ours:
        try:
            results.append(bytes(unprotect(p)))
        except pylibsrtp.Error as e:
            sys.stderr.write("libsrtp refused a %s packet: %s\n" % (kind, e))
            results.append(b"")
    write_records(os.path.join(directory, kind + "_unprotected.bin"), results)


def main():
    directory, profile = sys.argv[1], sys.argv[2]
    run(directory, profile, "rtp", "protect", "unprotect")
    run(directory, profile, "rtcp", "protect_rtcp", "unprotect_rtcp")
    print("ok")


if __name__ == "__main__":
    main()
