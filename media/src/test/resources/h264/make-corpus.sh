#!/usr/bin/env bash
# Regenerates the H.264 test clips and their expected per-frame MD5s with ffmpeg and libx264.
# Run from this directory: bash make-corpus.sh
# Supported clips (jcodec must decode them bit-exactly) have a <name>.framemd5 from ffmpeg's own
# decoder; unsupported ones (the decoder must refuse them) have none.
set -euo pipefail
cd "$(dirname "$0")"
src() { echo "testsrc2=size=$1:rate=30,format=yuv420p"; }
x264() { # name size frames profile x264-params [extra ffmpeg args...]
  local name=$1 size=$2 frames=$3 profile=$4 params=$5; shift 5
  ffmpeg -v error -y -f lavfi -i "$(src "$size")" -frames:v "$frames" -c:v libx264 \
    -profile:v "$profile" -x264-params "$params" "$@" -bsf:v h264_mp4toannexb -f h264 "$name.h264"
}
md5s() { ffmpeg -v error -i "$1.h264" -fps_mode passthrough -pix_fmt yuv420p -f framemd5 - | grep -v '^#' > "$1.framemd5"; }

# Constrained Baseline, as WebRTC senders use: CAVLC, P frames only.
x264 cbp-160x120   160x120 45 baseline "keyint=30:bframes=0:ref=1"
x264 cbp-odd-98x58 98x58   20 baseline "keyint=10:ref=2"
x264 cbp-slices    176x144 20 baseline "keyint=15:slices=4:ref=1"
# Main: CABAC, B frames (reordered output), weighted P prediction, several references.
x264 main-bframes  160x120 40 main     "keyint=20:bframes=2:b-pyramid=none:ref=3:weightp=2"
x264 main-pyramid  128x96  30 main     "keyint=30:bframes=3:b-pyramid=normal:ref=4"
# High without scaling lists: 8x8 transform.
x264 high-8x8      160x120 20 high     "keyint=20:bframes=1:8x8dct=1"
for c in cbp-160x120 cbp-odd-98x58 cbp-slices main-bframes main-pyramid high-8x8; do md5s "$c"; done

# Streams jcodec cannot decode: the decoder must refuse them.
x264 unsupported-constrained-intra 64x64 3 baseline "constrained-intra=1"
x264 unsupported-interlaced        64x64 3 main     "interlaced=1"
x264 unsupported-scaling-list      64x64 3 high     "cqm=jvt"
ffmpeg -v error -y -f lavfi -i "testsrc2=size=64x64:rate=30,format=yuv422p" -frames:v 3 -c:v libx264 \
  -profile:v high422 -bsf:v h264_mp4toannexb -f h264 unsupported-high422.h264
ffmpeg -v error -y -f lavfi -i "testsrc2=size=64x64:rate=30,format=yuv420p10le" -frames:v 3 -c:v libx264 \
  -profile:v high10 -bsf:v h264_mp4toannexb -f h264 unsupported-high10.h264
ls -l
