package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteReader;
import dev.jrtc.common.ByteWriter;
import dev.jrtc.common.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Application-defined (RFC 3550, section 6.7).
 *
 * @param subtype 0..31
 * @param ssrc    the sender
 * @param name    four ASCII characters
 * @param data    application data, a multiple of 4 bytes; not copied
 */
public record App(int subtype, long ssrc, String name, byte[] data) implements RtcpPacket {
    /** Checks the fields. */
    public App {
        if (subtype < 0 || subtype > 31) {
            throw new IllegalArgumentException("APP subtype must be 0..31");
        }
        if (name.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("APP name must be four ASCII characters");
        }
        if ((data.length & 3) != 0) {
            throw new IllegalArgumentException("APP data must be a multiple of 4 bytes");
        }
    }

    static App parse(ByteReader r, int subtype) throws ParseException {
        long ssrc = r.u32();
        byte[] nameBytes = r.bytes(4);
        for (byte b : nameBytes) {
            if (b < 0) {
                throw new ParseException("RTCP APP: name is not ASCII");
            }
        }
        String name = new String(nameBytes, StandardCharsets.US_ASCII);
        int rest = r.remaining();
        if ((rest & 3) != 0) {
            throw new ParseException("RTCP APP: data of " + rest + " bytes is not 32-bit aligned");
        }
        return new App(subtype, ssrc, name, r.bytes(rest));
    }

    @Override
    public int encodedLength() {
        return 12 + data.length;
    }

    @Override
    public void write(ByteWriter w) {
        RtcpHeader.write(w, subtype, RtcpHeader.APP, encodedLength());
        w.u32(ssrc).bytes(name.getBytes(StandardCharsets.US_ASCII)).bytes(data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof App a && a.subtype == subtype && a.ssrc == ssrc && a.name.equals(name) && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return (int) ssrc * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "App[subtype=" + subtype + ", ssrc=" + ssrc + ", name=" + name + ", " + data.length + " bytes]";
    }
}
