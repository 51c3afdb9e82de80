package dev.jrtc.rtp.codec;

import dev.jrtc.common.ParseException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * H.264 depacketizer (RFC 6184) for packetization modes 0 and 1: single NAL unit packets, and in
 * mode 1 also STAP-A aggregates and FU-A fragments. The frame comes out in Annex B form with
 * four-byte start codes.
 *
 * <p>The latest SPS and PPS are kept, and prepended to an IDR frame that arrives without them, so a
 * decoder can start at any key frame even when the parameter sets were sent only once.
 */
public final class H264Depacketizer implements Depacketizer {
    private final int packetizationMode;
    private byte[] sps;
    private byte[] pps;

    /** A depacketizer for packetization mode 0 or 1. */
    public H264Depacketizer(int packetizationMode) {
        if (packetizationMode != 0 && packetizationMode != 1) {
            throw new IllegalArgumentException("packetization-mode " + packetizationMode + " is not supported");
        }
        this.packetizationMode = packetizationMode;
    }

    /** A mode 1 depacketizer, the WebRTC default. */
    public H264Depacketizer() {
        this(1);
    }

    /**
     * A payload certainly starts an access unit when it begins with an access unit delimiter or an
     * SPS, alone or first in a STAP-A; other starts are found by continuity.
     */
    @Override
    public boolean startsFrame(byte[] buf, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = H264.type(buf[off]);
        if (type == H264.STAP_A && len >= 4) {
            type = H264.type(buf[off + 3]);
        }
        return type == H264.NAL_SPS || type == H264.NAL_AUD;
    }

    @Override
    public boolean endsFrame(byte[] buf, int off, int len, boolean marker) {
        return marker;
    }

    @Override
    public DepacketizedFrame depacketize(PayloadSequence payloads) throws ParseException {
        List<byte[]> nals = new ArrayList<>();
        ByteArrayOutputStream fragment = null;
        for (int i = 0; i < payloads.size(); i++) {
            byte[] b = payloads.array(i);
            int off = payloads.offset(i);
            int len = payloads.length(i);
            if (len < 1) {
                throw new ParseException("H.264: empty payload");
            }
            int header = b[off] & 0xFF;
            if ((header & 0x80) != 0) {
                throw new ParseException("H.264: forbidden_zero_bit set");
            }
            int type = H264.type(header);
            if (type >= 1 && type <= 23) {
                requireNoFragment(fragment);
                nals.add(java.util.Arrays.copyOfRange(b, off, off + len));
            } else if (type == H264.STAP_A && packetizationMode == 1) {
                requireNoFragment(fragment);
                readStapA(b, off + 1, off + len, nals);
            } else if (type == H264.FU_A && packetizationMode == 1) {
                fragment = readFuA(b, off, len, fragment, nals);
            } else {
                throw new ParseException("H.264: NAL unit type " + type + " not allowed in packetization mode " + packetizationMode);
            }
        }
        requireNoFragment(fragment);
        if (nals.isEmpty()) {
            throw new ParseException("H.264: no NAL units");
        }
        return new DepacketizedFrame(AnnexB.join(withParameterSets(nals)), isKey(nals), CodecInfo.NONE);
    }

    private static void requireNoFragment(ByteArrayOutputStream fragment) throws ParseException {
        if (fragment != null) {
            throw new ParseException("H.264: FU-A fragment without its end");
        }
    }

    private static void readStapA(byte[] b, int pos, int end, List<byte[]> nals) throws ParseException {
        if (pos >= end) {
            throw new ParseException("H.264: empty STAP-A");
        }
        while (pos < end) {
            if (end - pos < 2) {
                throw new ParseException("H.264: STAP-A size truncated");
            }
            int size = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
            pos += 2;
            if (size == 0 || size > end - pos) {
                throw new ParseException("H.264: STAP-A unit of " + size + " bytes does not fit");
            }
            nals.add(java.util.Arrays.copyOfRange(b, pos, pos + size));
            pos += size;
        }
    }

    private static ByteArrayOutputStream readFuA(byte[] b, int off, int len, ByteArrayOutputStream fragment,
                                                 List<byte[]> nals) throws ParseException {
        if (len < 3) {
            throw new ParseException("H.264: FU-A of " + len + " bytes");
        }
        int indicator = b[off] & 0xFF;
        int fu = b[off + 1] & 0xFF;
        boolean start = (fu & H264.FU_START) != 0;
        boolean end = (fu & H264.FU_END) != 0;
        if (start && end) {
            throw new ParseException("H.264: FU-A with both start and end bits");
        }
        if (start) {
            requireNoFragment(fragment);
            fragment = new ByteArrayOutputStream();
            fragment.write((indicator & 0xE0) | (fu & 0x1F)); // the NAL header, rebuilt
        } else if (fragment == null) {
            throw new ParseException("H.264: FU-A continuation without a start");
        }
        fragment.write(b, off + 2, len - 2);
        if (end) {
            nals.add(fragment.toByteArray());
            return null;
        }
        return fragment;
    }

    private List<byte[]> withParameterSets(List<byte[]> nals) {
        boolean hasSps = false;
        boolean hasPps = false;
        boolean hasIdr = false;
        for (byte[] n : nals) {
            switch (H264.type(n[0])) {
                case H264.NAL_SPS -> {
                    hasSps = true;
                    sps = n;
                }
                case H264.NAL_PPS -> {
                    hasPps = true;
                    pps = n;
                }
                case H264.NAL_IDR -> hasIdr = true;
                default -> {
                }
            }
        }
        if (!hasIdr || (hasSps && hasPps) || sps == null || pps == null) {
            return nals;
        }
        List<byte[]> out = new ArrayList<>(nals.size() + 2);
        if (!hasSps) {
            out.add(sps);
        }
        if (!hasPps) {
            out.add(pps);
        }
        out.addAll(nals);
        return out;
    }

    private boolean isKey(List<byte[]> nals) {
        for (byte[] n : nals) {
            if (H264.type(n[0]) == H264.NAL_IDR) {
                return sps != null && pps != null;
            }
        }
        return false;
    }
}
