package dev.jrtc.interop.pc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The sizes {@link FrameSize} reads from bitstreams that libx264 (through ffmpeg) and vpxenc wrote. */
class FrameSizeTest {

    /**
     * SPS NAL units (header byte included) from
     * {@code ffmpeg -f lavfi -i testsrc2=size=WxH -frames:v 1 -c:v libx264 -profile:v P [-pix_fmt yuv444p] -f h264}:
     * baseline, high with 1080p cropping, main with odd-size cropping, and 4:4:4 with chroma info.
     */
    @ParameterizedTest
    @CsvSource({
            "6742c01ed900a03db0110000030001000003003c0f162e48, 640, 480",
            "67640028acd940780227e5c044000003000400000300f03c60c658, 1920, 1080",
            "674d400deca0a843c4446022000003000200000300781e28532c, 322, 242",
            "67f4000b919b28589d8088000003000800000301e078a14cb0, 176, 144"})
    void readsTheSizeOfX264SequenceParameterSets(String spsHex, int width, int height) {
        byte[] sps = HexFormat.of().parseHex(spsHex);
        byte[] accessUnit = new byte[sps.length + 4 + 6];
        accessUnit[3] = 1;
        System.arraycopy(sps, 0, accessUnit, 4, sps.length);
        // A PPS-like NAL follows, so the SPS ends at a start code as in a real access unit.
        System.arraycopy(new byte[] {0, 0, 0, 1, 0x68, (byte) 0xce}, 0, accessUnit, 4 + sps.length, 6);
        assertEquals(Optional.of(new FrameSize(width, height)), FrameSize.of("H264", accessUnit));
    }

    @Test
    void readsAVp8KeyFrameHeaderAndNothingFromAnInterframe() {
        // Frame tag (key frame, version 0, shown), start code, 14-bit width 320 and height 240.
        byte[] key = HexFormat.of().parseHex("5001009d012a4001f000");
        assertEquals(Optional.of(new FrameSize(320, 240)), FrameSize.of("vp8", key));
        byte[] inter = key.clone();
        inter[0] |= 1;
        assertEquals(Optional.empty(), FrameSize.of("VP8", inter));
    }

    @Test
    void aTruncatedSpsGivesNoSize() {
        byte[] au = HexFormat.of().parseHex("000000016742c01ed9");
        assertEquals(Optional.empty(), FrameSize.of("H264", au));
    }
}
