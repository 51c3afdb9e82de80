package dev.jrtc.rtp.rtcp;

import dev.jrtc.common.ByteWriter;

/**
 * One RTCP packet of a compound (RFC 3550, section 6). Every packet knows its encoded length and
 * writes itself, header included; {@link RtcpCompound} parses and writes whole datagrams.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Bye, App,
        GenericNack, PictureLossIndication, FullIntraRequest, Remb, TransportFeedback, ExtendedReport, UnknownRtcp {

    /** The encoded length in bytes, header included; always a multiple of 4. */
    int encodedLength();

    /** Writes the packet, header included. */
    void write(ByteWriter w);

    /** The packet encoded on its own. */
    default byte[] toBytes() {
        ByteWriter w = ByteWriter.allocate(encodedLength());
        write(w);
        return w.array();
    }
}
