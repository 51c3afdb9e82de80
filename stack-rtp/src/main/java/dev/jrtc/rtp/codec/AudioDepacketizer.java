package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;

/**
 * The shape shared by audio payload formats that put exactly one frame in each packet: every packet
 * starts and ends a frame, and every frame decodes on its own. Subclasses check the payload.
 */
abstract class AudioDepacketizer implements Depacketizer {
    @Override
    public final boolean startsFrame(byte[] buf, int off, int len) {
        return true;
    }

    @Override
    public final boolean endsFrame(byte[] buf, int off, int len, boolean marker) {
        return true; // the marker bit of audio means "talkspurt begins", not "frame ends"
    }

    /** Throws if the payload is not valid for the format. */
    abstract void validate(byte[] buf, int off, int len) throws ParseException;

    @Override
    public final DepacketizedFrame depacketize(PayloadSequence payloads) throws ParseException {
        if (payloads.size() != 1) {
            throw new ParseException(getClass().getSimpleName() + ": a frame is one packet, got " + payloads.size());
        }
        byte[] b = payloads.array(0);
        int off = payloads.offset(0);
        int len = payloads.length(0);
        validate(b, off, len);
        return new DepacketizedFrame(java.util.Arrays.copyOfRange(b, off, off + len), true, CodecInfo.NONE);
    }
}
