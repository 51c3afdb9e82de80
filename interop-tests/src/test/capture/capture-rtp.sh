#!/usr/bin/env bash
# Captures real RTP/RTCP between Chromium and aiortc, decrypted with libsrtp, into
# stack-rtp/src/test/resources/dev/jrtc/rtp/captures/ (see rtp_capture.py for the format).
#
#   bash interop-tests/src/test/capture/capture-rtp.sh [OUT_DIR] [SECONDS]
#
# Runs inside a fresh private network namespace (only lo plus a veth pair whose default route
# leads nowhere; aiortc gathers no candidates on lo alone). Needs root. Overwrites its files.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../../.." && pwd)

if [[ "${1:-}" != "--inside-netns" ]]; then
  OUT=$(realpath -m -- "${1:-$REPO/stack-rtp/src/test/resources/dev/jrtc/rtp/captures}")
  exec unshare -n bash "${BASH_SOURCE[0]}" --inside-netns "$OUT" "${2:-6}"
fi
OUT=$2
SECONDS_OF_MEDIA=$3

if [[ $(ip -o link show | wc -l) -ne 1 ]]; then
  echo "capture-rtp: expected a fresh network namespace with only lo; refusing" >&2
  exit 2
fi
ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.99.0.1/24 dev v0
ip link set v0 up
ip link set v1 up
ip route add default via 10.99.0.2 dev v0

# $1: codec, then extra rtp_capture.py flags. Both runs leave out and ignore every 20th video
# packet (NACK and RTX both ways) and stamp transport-wide sequence numbers (TWCC feedback).
# Only the VP8 run also loses one packet for good, so that Chromium sends a PLI: aiortc 1.4's
# H.264 encoder does not answer a PLI with an IDR, and its stream would stay broken.
capture() {
  local codec=$1 name
  shift
  name="chromium-aiortc-$(echo "$codec" | tr 'A-Z' 'a-z')"
  timeout -s KILL 120 /usr/bin/python3 "$HERE/rtp_capture.py" --codec "$codec" \
    --seconds "$SECONDS_OF_MEDIA" --out "$OUT" --name "$name" --drop-every 20 "$@"
}
capture VP8 --lose-for-good 30
capture H264
ls -l "$OUT" >&2
