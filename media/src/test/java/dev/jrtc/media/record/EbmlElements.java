package dev.jrtc.media.record;

import java.util.ArrayList;
import java.util.List;

/** A minimal EBML reader for tests: the elements at one level of a byte range. */
final class EbmlElements {
    /** One element: its ID (with marker bits), where it starts, where its data starts, its data size (-1: unknown). */
    record Element(int id, long start, long dataStart, long size) {
        long end() {
            return dataStart + size;
        }
    }

    private EbmlElements() {
    }

    /** Reads the elements from {@code from} to {@code to}; an unknown-size element runs to {@code to}. */
    static List<Element> read(byte[] b, long from, long to) {
        List<Element> out = new ArrayList<>();
        int p = (int) from;
        while (p < to) {
            int start = p;
            int idWidth = Integer.numberOfLeadingZeros(b[p] & 0xFF) - 24 + 1;
            int id = 0;
            for (int i = 0; i < idWidth; i++) {
                id = id << 8 | (b[p++] & 0xFF);
            }
            int width = Integer.numberOfLeadingZeros(b[p] & 0xFF) - 24 + 1;
            long size = b[p++] & (0xFF >> width);
            boolean allOnes = size == (0xFF >> width);
            for (int i = 1; i < width; i++) {
                allOnes &= (b[p] & 0xFF) == 0xFF;
                size = size << 8 | (b[p++] & 0xFF);
            }
            if (allOnes) {
                size = to - p;
            }
            out.add(new Element(id, start, p, size));
            p += (int) size;
        }
        return out;
    }

    static List<Element> children(byte[] b, Element parent) {
        return read(b, parent.dataStart(), parent.end());
    }

    static Element first(List<Element> elements, int id) {
        return elements.stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError("no element 0x" + Integer.toHexString(id)));
    }

    static long uint(byte[] b, Element e) {
        long v = 0;
        for (long i = e.dataStart(); i < e.end(); i++) {
            v = v << 8 | (b[(int) i] & 0xFF);
        }
        return v;
    }
}
