#!/usr/bin/env bash
# Generates the VP8 conformance corpus used by Vp8DecoderMatchesLibvpxTest.
#
# Each clip is encoded by libvpx's vpxenc from ffmpeg's testsrc2 pattern, then decoded by vpxdec
# (the oracle) into one MD5 per frame of the I420 output. The .ivf clips and their .md5 files are
# committed, so that `mvn verify` needs no vpx-tools; run this script again to regenerate them.
# Clips encoded with vpxenc --rt (rt-*, profile-1-sharp) depend on the encoder's wall-clock speed
# adaptation, so a new run gives different (equally valid) bytes for them; the others are
# reproduced byte for byte.
#
# Usage: make-corpus.sh [OUT_DIR] [SET]
#   OUT_DIR defaults to ../resources/dev/jrtc/vp8/corpus (next to this script)
#   SET     "test" (default, the committed corpus) or "bench" (60-frame 720p and 1080p clips for
#           the JMH benchmark; not committed)
# Requires: ffmpeg, vpxenc, vpxdec, md5sum, python3 and libvpx.so.7 (for the temporal-layer clips),
# and Maven and a JDK (for the synthetic clip).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../resources/dev/jrtc/vp8/corpus}"
set_name="${2:-test}"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# raw WIDTH HEIGHT FRAMES: testsrc2 as raw I420 in $tmp/raw.yuv
raw() {
  local w="$1" h="$2" n="$3"
  # testsrc2 needs an even size of some minimum; scale it to the (possibly odd, tiny) target.
  local sw=$(( (w < 32 ? 32 : w + 1) / 2 * 2 )) sh=$(( (h < 32 ? 32 : h + 1) / 2 * 2 ))
  # A file, not a pipe: two-pass encoding (needed for hidden altref frames) reads it twice.
  ffmpeg -v error -f lavfi -i "testsrc2=size=${sw}x${sh}:rate=30" -frames:v "$n" \
      -vf "scale=${w}:${h}" -pix_fmt yuv420p -f rawvideo -y "$tmp/raw.yuv"
}

# oracle NAME: vpxdec's MD5 of each shown frame: "<md5> <index among shown frames>" (vpxdec --md5
# with an output pattern prints one line per output file; hidden frames produce none).
oracle() {
  local name="$1"
  rm -f "$tmp"/f-*.i420
  (cd "$tmp" && vpxdec --md5 --i420 -o 'f-%6.i420' "$out/$name.ivf") \
    | awk '{ print $1, NR - 1 }' > "$out/$name.md5"
  echo "$name: $(wc -l < "$out/$name.md5") frames, $(stat -c %s "$out/$name.ivf") bytes"
}

# clip NAME WIDTH HEIGHT FRAMES [vpxenc options...]
clip() {
  local name="$1" w="$2" h="$3" n="$4"
  shift 4
  raw "$w" "$h" "$n"
  vpxenc --codec=vp8 --ivf --i420 -w "$w" -h "$h" --fps=30/1 --limit="$n" -q "$@" \
      -o "$out/$name.ivf" "$tmp/raw.yuv" 2>/dev/null
  oracle "$name"
}

# layered NAME WIDTH HEIGHT FRAMES LAYERS ERROR_RESILIENT: temporal layers through libvpx's API
# (vpxenc 1.12 has no --ts-* options); see vp8-temporal-layers.py.
layered() {
  local name="$1" w="$2" h="$3" n="$4" layers="$5" er="$6"
  raw "$w" "$h" "$n"
  python3 "$here/vp8-temporal-layers.py" "$tmp/raw.yuv" "$w" "$h" "$n" "$layers" \
      "$out/$name.ivf" "$er"
  oracle "$name"
}

# synthetic NAME CLASS: a clip written by a Java class in this module's tests (for what libvpx's
# encoder cannot produce).
synthetic() {
  local name="$1" class="$2" module
  module="$(cd "$here/../../.." && pwd)"
  (cd "$module/.." && mvn -o -q -pl codec-vp8 test-compile)
  java -cp "$module/target/test-classes:$module/target/classes" "$class" "$out/$name.ivf"
  oracle "$name"
}

if [ "$set_name" = "bench" ]; then
  clip bench-720p 1280 720 60 --good --cpu-used=4 --target-bitrate=2000
  clip bench-1080p 1920 1080 60 --good --cpu-used=4 --target-bitrate=4000
  exit 0
fi

# Sizes, including 1x1 and odd sizes.
clip size-1x1 1 1 8
clip size-2x2 2 2 8
clip size-3x5 3 5 8
clip size-17x9 17 9 10
clip size-33x31 33 31 10
clip size-64x64 64 64 10
clip size-321x241 321 241 12
clip size-1280x720 1280 720 4 --target-bitrate=1500
clip size-1920x1080 1920 1080 3 --target-bitrate=3000

# Bitrates from very low to very high (quantizer 0).
clip rate-very-low 176 144 30 --end-usage=cbr --target-bitrate=15
clip rate-low 176 144 30 --target-bitrate=60
clip rate-high 176 144 15 --target-bitrate=4000
clip rate-q0 176 144 10 --min-q=0 --max-q=0
clip rate-q63 176 144 20 --min-q=55 --max-q=63

# Token partitions (log2: 1, 2, 4 and 8 partitions).
clip parts-0 320 240 12 --token-parts=0
clip parts-1 320 240 12 --token-parts=1
clip parts-2 320 240 12 --token-parts=2
clip parts-3 320 240 12 --token-parts=3

# Encoder features that change the bitstream tools in use.
clip error-resilient 176 144 30 --error-resilient=1
clip altref 176 144 40 --passes=2 --auto-alt-ref=1 --lag-in-frames=16 --arnr-maxframes=7 --arnr-strength=5
clip altref-long 160 120 60 --passes=2 --auto-alt-ref=1 --lag-in-frames=25 --arnr-maxframes=15 --arnr-strength=6 --kf-max-dist=300
clip static-thresh 176 144 30 --static-thresh=800
clip sharpness-7 176 144 20 --sharpness=7
clip sharpness-3 176 144 20 --sharpness=3 --target-bitrate=100
clip noise-sensitivity 176 144 20 --noise-sensitivity=4
clip kf-every-frame 176 144 10 --kf-max-dist=1
clip kf-every-7 176 144 30 --kf-max-dist=7
clip kf-max-300 176 144 90 --passes=2 --auto-alt-ref=1 --lag-in-frames=10 --kf-max-dist=300 --target-bitrate=150

# Speed and deadline variants; real time with static detection exercises segmentation.
clip good-cpu0 176 144 20 --good --cpu-used=0
clip good-cpu5 176 144 20 --good --cpu-used=5
clip rt-cpu-6-static 176 144 40 --rt --cpu-used=-6 --static-thresh=1000 --target-bitrate=200
clip rt-cpu8 176 144 30 --rt --cpu-used=8 --target-bitrate=100
clip rt-cpu16-er 320 240 20 --rt --cpu-used=16 --error-resilient=1 --target-bitrate=300
clip rt-cbr-drop 176 144 40 --rt --end-usage=cbr --target-bitrate=40 --drop-frame=50

# Bitstream versions 1-3: bilinear filter, simple loop filter, full-pixel chroma.
clip profile-1 176 144 20 --profile=1
clip profile-2 176 144 20 --profile=2
clip profile-3 176 144 20 --profile=3
clip profile-3-odd 99 67 15 --profile=3 --target-bitrate=80
clip profile-1-sharp 176 144 15 --profile=1 --sharpness=5 --rt

# Temporal layers: 2 layers (period 2, TL1 updates golden, no error resilience so that TL1
# frames alone skip the entropy update) and 3 layers (period 4, TL1 updates altref, TL2 no
# reference at all), both with per-layer reference and update flags.
layered temporal-2-layers 176 144 30 2 0
layered temporal-3-layers 176 144 40 3 1

# Absolute segment values: libvpx's encoder writes segment data only as deltas, so this clip comes
# from a small writer in the tests; vpxdec is still the oracle.
synthetic segment-absolute dev.jrtc.vp8.AbsoluteSegmentStream

# The list of clips the tests decode.
(cd "$out" && ls *.ivf | sed 's/\.ivf$//' | sort > index.txt)

# vpxdec's own outputs for Vp8DecodeToolTest: its --md5 line and one raw --i420 file.
oracle="$out/../vpxdec"
mkdir -p "$oracle"
for name in altref size-17x9; do
  vpxdec --md5 --i420 "$out/$name.ivf" > "$oracle/$name.md5-i420.txt"
done
vpxdec --i420 -o "$oracle/size-17x9.i420" "$out/size-17x9.ivf"
