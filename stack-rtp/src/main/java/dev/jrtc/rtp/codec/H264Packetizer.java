package dev.jrtc.rtp.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * H.264 packetizer for packetization mode 1 (RFC 6184). Input is one access unit in Annex B form.
 * Runs of NAL units that fit together (SPS and PPS in practice) go out as one STAP-A; a NAL unit
 * that fits alone goes as a single NAL unit packet; a larger one is cut into FU-A fragments.
 */
public final class H264Packetizer implements Packetizer {
    @Override
    public List<byte[]> packetize(byte[] accessUnit, int maxPayloadSize) {
        if (maxPayloadSize < 3) {
            throw new IllegalArgumentException("an H.264 payload needs at least 3 bytes");
        }
        List<byte[]> nals = AnnexB.split(accessUnit);
        if (nals.isEmpty()) {
            throw new IllegalArgumentException("no NAL units in the access unit");
        }
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < nals.size()) {
            int aggregated = aggregateCount(nals, i, maxPayloadSize);
            if (aggregated >= 2) {
                out.add(stapA(nals.subList(i, i + aggregated)));
                i += aggregated;
            } else if (nals.get(i).length <= maxPayloadSize) {
                out.add(nals.get(i++));
            } else {
                fuA(nals.get(i++), maxPayloadSize, out);
            }
        }
        return out;
    }

    /** How many NAL units from {@code from} fit one STAP-A (one byte header, two-byte sizes). */
    private static int aggregateCount(List<byte[]> nals, int from, int max) {
        int size = 1;
        int n = 0;
        while (from + n < nals.size() && size + 2 + nals.get(from + n).length <= max) {
            size += 2 + nals.get(from + n).length;
            n++;
        }
        return n;
    }

    private static byte[] stapA(List<byte[]> nals) {
        int size = 1;
        int nri = 0;
        for (byte[] n : nals) {
            size += 2 + n.length;
            nri = Math.max(nri, n[0] & 0x60); // the aggregate is as important as its most important unit
        }
        byte[] p = new byte[size];
        p[0] = (byte) (nri | H264.STAP_A);
        int pos = 1;
        for (byte[] n : nals) {
            p[pos] = (byte) (n.length >>> 8);
            p[pos + 1] = (byte) n.length;
            System.arraycopy(n, 0, p, pos + 2, n.length);
            pos += 2 + n.length;
        }
        return p;
    }

    private static void fuA(byte[] nal, int max, List<byte[]> out) {
        int header = nal[0] & 0xFF;
        int room = max - 2;
        int bodyLength = nal.length - 1;
        int count = (bodyLength + room - 1) / room;
        int pos = 1;
        for (int i = 0; i < count; i++) {
            int left = count - i;
            int size = (nal.length - pos + left - 1) / left;
            byte[] p = new byte[2 + size];
            p[0] = (byte) ((header & 0xE0) | H264.FU_A);
            p[1] = (byte) ((i == 0 ? H264.FU_START : 0) | (i == count - 1 ? H264.FU_END : 0) | (header & 0x1F));
            System.arraycopy(nal, pos, p, 2, size);
            pos += size;
            out.add(p);
        }
    }

    @Override
    public boolean markerOnLastPacket() {
        return true;
    }
}
