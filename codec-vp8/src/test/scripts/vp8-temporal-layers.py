#!/usr/bin/env python3
"""Encodes raw I420 into a VP8 IVF file with temporal layers, using libvpx through ctypes.

vpxenc 1.12 has no --ts-* options (the temporal layer settings exist only in libvpx's API, which
its examples vp8_scalable_patterns / vpx_temporal_svc_encoder use; Debian's vpx-tools does not
ship those). This script drives the same API: it sets ts_number_layers, the per-layer bitrates
and rate decimators, ts_periodicity and ts_layer_id in the encoder configuration, and passes
each frame the reference and update flags of its layer, as real-time senders with temporal
layers do. Upper layers also leave the entropy context alone (VP8_EFLAG_NO_UPD_ENTROPY), so the
decoder must restore its saved probabilities after them.

Usage: vp8-temporal-layers.py RAW.yuv WIDTH HEIGHT FRAMES LAYERS(2|3) OUT.ivf [ERROR_RESILIENT(0|1)]
(error resilience, the default, makes every frame leave the entropy context alone.)
Requires: libvpx.so.7 (libvpx 1.12; the configuration offsets below are checked against its
defaults before use).
"""
import ctypes
import struct
import sys

# vpx/vp8cx.h per-frame encoder flags.
NO_REF_LAST = 1 << 16
NO_REF_GF = 1 << 17
NO_UPD_LAST = 1 << 18
NO_UPD_ENTROPY = 1 << 20
NO_REF_ARF = 1 << 21
NO_UPD_GF = 1 << 22
NO_UPD_ARF = 1 << 23

# One entry per frame of the pattern: (layer id, flags).
PATTERNS = {
    # TL0 predicts from and updates last; TL1 predicts from last and golden and updates golden.
    2: [(0, NO_REF_GF | NO_REF_ARF | NO_UPD_GF | NO_UPD_ARF),
        (1, NO_REF_ARF | NO_UPD_LAST | NO_UPD_ARF | NO_UPD_ENTROPY)],
    # Period 4: TL0, TL2, TL1, TL2. TL1 updates altref from last; TL2 updates nothing and
    # predicts from all three references.
    3: [(0, NO_REF_GF | NO_REF_ARF | NO_UPD_GF | NO_UPD_ARF),
        (2, NO_UPD_LAST | NO_UPD_GF | NO_UPD_ARF | NO_UPD_ENTROPY),
        (1, NO_REF_GF | NO_UPD_LAST | NO_UPD_GF | NO_UPD_ENTROPY),
        (2, NO_UPD_LAST | NO_UPD_GF | NO_UPD_ARF | NO_UPD_ENTROPY)],
}

# Offsets (in 32-bit words) of vpx_codec_enc_cfg_t fields in libvpx 1.12 on LP64.
G_W, G_H, G_TIMEBASE_NUM, G_TIMEBASE_DEN, G_ERROR_RESILIENT = 3, 4, 7, 8, 9
RC_END_USAGE, RC_TARGET_BITRATE, RC_MIN_Q, RC_MAX_Q = 18, 28, 29, 30
KF_MAX_DIST, SS_NUMBER_LAYERS, TS_NUMBER_LAYERS = 42, 43, 54
TS_TARGET_BITRATE, TS_RATE_DECIMATOR, TS_PERIODICITY, TS_LAYER_ID = 55, 60, 65, 66
VPX_IMG_FMT_I420 = 0x102
# Good-quality deadline: the real-time one adapts the encoder's speed to the wall clock, which makes
# the output differ from run to run.
VPX_DL_GOOD_QUALITY = 1000000
VPX_CODEC_CX_FRAME_PKT = 0


def main():
    raw_path, w, h, frames, layers, out_path = sys.argv[1], *map(int, sys.argv[2:6]), sys.argv[6]
    error_resilient = int(sys.argv[7]) if len(sys.argv) > 7 else 1
    pattern = PATTERNS[layers]
    vpx = ctypes.CDLL('libvpx.so.7')
    vpx.vpx_codec_vp8_cx.restype = ctypes.c_void_p
    vpx.vpx_codec_get_cx_data.restype = ctypes.c_void_p
    vpx.vpx_codec_error_detail.restype = ctypes.c_char_p
    iface = ctypes.c_void_p(vpx.vpx_codec_vp8_cx())

    cfg = ctypes.create_string_buffer(4096)
    if vpx.vpx_codec_enc_config_default(iface, cfg, 0) != 0:
        sys.exit('vpx_codec_enc_config_default failed')
    words = list(struct.unpack_from('<64I', cfg.raw))
    # The defaults libvpx 1.12 documents: 320x240, 1/30, 256 kbit/s, q 4..63, kf every 128, 1 layer.
    expected = {G_W: 320, G_H: 240, G_TIMEBASE_NUM: 1, G_TIMEBASE_DEN: 30, RC_TARGET_BITRATE: 256,
                RC_MIN_Q: 4, RC_MAX_Q: 63, KF_MAX_DIST: 128, SS_NUMBER_LAYERS: 1, TS_NUMBER_LAYERS: 1}
    for index, value in expected.items():
        if words[index] != value:
            sys.exit('unexpected vpx_codec_enc_cfg_t layout at word %d: %d' % (index, words[index]))

    def put(index, value):
        struct.pack_into('<I', cfg, index * 4, value)

    put(G_W, w)
    put(G_H, h)
    put(G_ERROR_RESILIENT, error_resilient)  # real-time senders with layers usually set it
    put(RC_END_USAGE, 1)  # VPX_CBR
    total_kbps = 300
    put(RC_TARGET_BITRATE, total_kbps)
    put(KF_MAX_DIST, 3000)
    put(TS_NUMBER_LAYERS, layers)
    put(TS_PERIODICITY, len(pattern))
    for i, (layer, _) in enumerate(pattern):
        put(TS_LAYER_ID + i, layer)
    for layer in range(layers):
        # Cumulative bitrates; each layer doubles the frame rate of the one below.
        put(TS_TARGET_BITRATE + layer, total_kbps * (layer + 1) // layers)
        put(TS_RATE_DECIMATOR + layer, 1 << (layers - 1 - layer))

    ctx = ctypes.create_string_buffer(512)
    for abi in range(1, 64):  # VPX_ENCODER_ABI_VERSION is a header constant; find libvpx's
        status = vpx.vpx_codec_enc_init_ver(ctx, iface, cfg, ctypes.c_long(0), abi)
        if status == 0:
            break
    else:
        sys.exit('vpx_codec_enc_init_ver failed: %d' % status)

    frame_size = w * h + 2 * ((w + 1) // 2) * ((h + 1) // 2)
    raw = open(raw_path, 'rb').read()
    img = ctypes.create_string_buffer(1024)
    packets = []
    for n in range(frames + 1):
        if n < frames:
            data = ctypes.create_string_buffer(raw[n * frame_size:(n + 1) * frame_size], frame_size)
            vpx.vpx_img_wrap(img, VPX_IMG_FMT_I420, w, h, 1, data)
            flags = 0 if n == 0 else pattern[n % len(pattern)][1]
            image = img
        else:
            flags = 0
            image = None  # flush
        if vpx.vpx_codec_encode(ctx, image, ctypes.c_int64(n), ctypes.c_ulong(1),
                                ctypes.c_long(flags), ctypes.c_ulong(VPX_DL_GOOD_QUALITY)) != 0:
            sys.exit('vpx_codec_encode failed: %s' % vpx.vpx_codec_error_detail(ctx))
        it = ctypes.c_void_p(0)
        while True:
            pkt = vpx.vpx_codec_get_cx_data(ctx, ctypes.byref(it))
            if not pkt:
                break
            kind = ctypes.c_int.from_address(pkt).value
            if kind != VPX_CODEC_CX_FRAME_PKT:
                continue
            buf = ctypes.c_void_p.from_address(pkt + 8).value
            size = ctypes.c_size_t.from_address(pkt + 16).value
            pts = ctypes.c_int64.from_address(pkt + 24).value
            packets.append((pts, ctypes.string_at(buf, size)))
    vpx.vpx_codec_destroy(ctx)

    with open(out_path, 'wb') as out:
        out.write(b'DKIF' + struct.pack('<HHIHHIIII', 0, 32, 0x30385056, w, h, 30, 1, len(packets), 0))
        for pts, data in packets:
            out.write(struct.pack('<IQ', len(data), pts) + data)


if __name__ == '__main__':
    main()
