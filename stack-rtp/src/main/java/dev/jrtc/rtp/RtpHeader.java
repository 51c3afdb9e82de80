package dev.jrtc.rtp;

import dev.jrtc.common.ByteWriter;
import java.util.List;
import java.util.Objects;

/**
 * An RTP header to write (RFC 3550, section 5.1), with CSRCs and RFC 8285 extension elements. The
 * one-byte extension form is used when every element fits it, else the two-byte form.
 *
 * @param marker         the marker bit
 * @param payloadType    0..127
 * @param sequenceNumber 0..65535
 * @param timestamp      0..2^32-1
 * @param ssrc           0..2^32-1
 * @param csrcs          at most 15
 * @param extensions     elements with distinct ids
 */
public record RtpHeader(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
                        List<Long> csrcs, List<HeaderExtension> extensions) {

    /** Checks the ranges and copies the lists. */
    public RtpHeader {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type must be 0..127, got " + payloadType);
        }
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number must be 0..65535, got " + sequenceNumber);
        }
        csrcs = List.copyOf(csrcs);
        extensions = List.copyOf(extensions);
        if (csrcs.size() > 15) {
            throw new IllegalArgumentException("at most 15 CSRCs, got " + csrcs.size());
        }
        timestamp &= 0xFFFF_FFFFL;
        ssrc &= 0xFFFF_FFFFL;
    }

    /** A header without CSRCs or extensions. */
    public static RtpHeader of(int payloadType, boolean marker, int sequenceNumber, long timestamp, long ssrc) {
        return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, List.of(), List.of());
    }

    /** This header with the given extension elements. */
    public RtpHeader withExtensions(List<HeaderExtension> elements) {
        return new RtpHeader(marker, payloadType, sequenceNumber, timestamp, ssrc, csrcs, elements);
    }

    private boolean oneByteForm() {
        for (HeaderExtension e : extensions) {
            if (!e.fitsOneByteForm()) {
                return false;
            }
        }
        return true;
    }

    private int extensionDataLength() {
        int perElement = oneByteForm() ? 1 : 2;
        int n = 0;
        for (HeaderExtension e : extensions) {
            n += perElement + e.data().length;
        }
        return (n + 3) & ~3;
    }

    /** The header's encoded length in bytes. */
    public int encodedLength() {
        int n = RtpPacket.FIXED_HEADER_LENGTH + 4 * csrcs.size();
        if (!extensions.isEmpty()) {
            n += 4 + extensionDataLength();
        }
        return n;
    }

    /** Writes the header; the payload follows. */
    public void write(ByteWriter w) {
        w.u8(0x80 | (extensions.isEmpty() ? 0 : 0x10) | csrcs.size());
        w.u8((marker ? 0x80 : 0) | payloadType);
        w.u16(sequenceNumber);
        w.u32(timestamp);
        w.u32(ssrc);
        for (long c : csrcs) {
            w.u32(c);
        }
        if (extensions.isEmpty()) {
            return;
        }
        boolean oneByte = oneByteForm();
        int dataLength = extensionDataLength();
        w.u16(oneByte ? RtpPacket.ONE_BYTE_PROFILE : RtpPacket.TWO_BYTE_PROFILE);
        w.u16(dataLength / 4);
        int written = 0;
        for (HeaderExtension e : extensions) {
            if (oneByte) {
                w.u8((e.id() << 4) | (e.data().length - 1));
                written += 1;
            } else {
                w.u8(e.id()).u8(e.data().length);
                written += 2;
            }
            w.bytes(e.data());
            written += e.data().length;
        }
        w.zeros(dataLength - written);
    }

    /** A whole packet: this header, then {@code payload[off, off + len)}. */
    public byte[] toPacket(byte[] payload, int off, int len) {
        Objects.checkFromIndexSize(off, len, payload.length);
        ByteWriter w = ByteWriter.allocate(encodedLength() + len);
        write(w);
        w.bytes(payload, off, len);
        return w.array();
    }

    /** A whole packet with all of {@code payload}. */
    public byte[] toPacket(byte[] payload) {
        return toPacket(payload, 0, payload.length);
    }
}
