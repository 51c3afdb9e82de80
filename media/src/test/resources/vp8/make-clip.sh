#!/usr/bin/env bash
# Regenerates the VP8 test clip and ffmpeg's per-frame MD5s of it. Run: bash make-clip.sh
set -euo pipefail
cd "$(dirname "$0")"
ffmpeg -v error -y -f lavfi -i "testsrc2=size=96x64:rate=30,format=yuv420p" -frames:v 24 -c:v libvpx \
  -g 8 -b:v 200k -auto-alt-ref 0 -f ivf clip-96x64.ivf
ffmpeg -v error -i clip-96x64.ivf -fps_mode passthrough -pix_fmt yuv420p -f framemd5 - | grep -v '^#' > clip-96x64.framemd5
