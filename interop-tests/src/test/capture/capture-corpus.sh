#!/usr/bin/env bash
# Captures the real-peer SDP corpus into stack-sdp/src/test/resources/sdp/corpus/<producer>/.
#
#   bash interop-tests/src/test/capture/capture-corpus.sh [OUT_DIR]
#
# Runs every peer (Chromium, Firefox ESR, aiortc, GStreamer webrtcbin) inside a
# fresh private network namespace, as TESTRIG.md requires: only lo plus a veth
# pair whose default route leads nowhere, so nothing can reach another host.
# Needs root (unshare -n). Overwrites the files it produces; review the diff.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../../../.." && pwd)
PORT=8765
PAGE_TIMEOUT_S=60

if [[ "${1:-}" != "--inside-netns" ]]; then
  OUT=$(realpath -m -- "${1:-$REPO/stack-sdp/src/test/resources/sdp/corpus}")
  exec unshare -n bash "${BASH_SOURCE[0]}" --inside-netns "$OUT"
fi
OUT=$2

# Refuse to run anywhere but in the fresh namespace created above.
if [[ $(ip -o link show | wc -l) -ne 1 ]]; then
  echo "capture-corpus: expected a fresh network namespace with only lo; refusing" >&2
  exit 2
fi
ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.99.0.1/24 dev v0
ip link set v0 up
ip link set v1 up
ip route add default via 10.99.0.2 dev v0

WORK=$(mktemp -d /tmp/jrtc-capture.XXXXXX)
PGIDS=()
cleanup() {
  for g in "${PGIDS[@]}"; do kill -KILL -- "-$g" 2>/dev/null || true; wait "$g" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# Starts "$@" in its own process group (so the whole tree can be killed) and records it.
start_group() {
  setsid "$@" &
  PGIDS+=("$!")
  LAST_PGID=$!
}

mkdir -p "$OUT"
start_group /usr/bin/python3 "$HERE/capture_server.py" --port "$PORT" --out "$OUT" --state "$WORK"
for _ in $(seq 50); do
  (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null && break
  sleep 0.1
done

# Waits for the page of $1 to POST /done, then kills process group $2.
await_page() {
  local producer=$1 pgid=$2
  for _ in $(seq $((PAGE_TIMEOUT_S * 10))); do
    [[ -f "$WORK/.done-$producer" ]] && break
    sleep 0.1
  done
  kill -KILL -- "-$pgid" 2>/dev/null || true
  wait "$pgid" 2>/dev/null || true
  if [[ ! -f "$WORK/.done-$producer" ]]; then
    echo "capture-corpus: $producer page did not finish within ${PAGE_TIMEOUT_S}s" >&2
    return 1
  fi
  echo "capture-corpus: $producer: $(cat "$WORK/.done-$producer")" >&2
  rm -f "$WORK/.done-$producer"
}

url() { echo "http://127.0.0.1:$PORT/capture.html?producer=$1&scenarios=$2"; }

# $1: extra flags, $2: scenarios. Media pages add the fake-device flags themselves.
run_chromium() {
  local extra=$1 scenarios=$2 profile
  profile=$(mktemp -d "$WORK/chromium.XXXXXX")
  start_group chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --allow-loopback-in-peer-connection $extra \
    "$(url chromium "$scenarios")" >"$WORK/chromium.log" 2>&1
  await_page chromium "$LAST_PGID"
}
FAKE_MEDIA="--use-fake-device-for-media-stream --use-fake-ui-for-media-stream"

run_firefox() {
  local profile
  profile=$(mktemp -d "$WORK/firefox.XXXXXX")
  cat >"$profile/user.js" <<'EOF'
user_pref("media.navigator.streams.fake", true);
user_pref("media.navigator.permission.disabled", true);
user_pref("media.peerconnection.ice.loopback", true);
user_pref("media.peerconnection.ice.obfuscate_host_addresses", false);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
EOF
  start_group firefox-esr --headless --no-remote --profile "$profile" \
    "$(url firefox "$1")" >"$WORK/firefox.log" 2>&1
  await_page firefox "$LAST_PGID"
}

echo "capture-corpus: $(chromium --version 2>/dev/null); $(firefox-esr --version 2>/dev/null);" \
  "aiortc $(/usr/bin/python3 -c 'import aiortc; print(aiortc.__version__)');" \
  "$(gst-launch-1.0 --version | sed -n 2p)" >&2

# --use-fake-ui-for-media-stream counts as a media permission grant, and Chromium then
# stops hiding host addresses behind mDNS names; so the two data-channel-only
# captures run without the fake-media flags, and only the mdns one hides addresses.
run_chromium "" "offer-datachannel-only=offer-datachannel-only-mdns"
run_chromium "--disable-features=WebRtcHideLocalIpsWithMdns" "offer-datachannel-only=offer-datachannel-only-raw-ip"
run_chromium "$FAKE_MEDIA" "offer-audio-video-datachannel,offer-simulcast,offer-h264-only,answer"
run_firefox "offer-audio-video-datachannel,offer-datachannel-only,answer"

timeout -s KILL 60 /usr/bin/python3 "$HERE/aiortc_capture.py" "$OUT/aiortc" \
  "$OUT/chromium/offer-audio-video-datachannel.sdp"
timeout -s KILL 60 /usr/bin/python3 "$HERE/gst_capture.py" "$OUT/gstreamer"

echo "capture-corpus: done; files in $OUT:" >&2
(cd "$OUT" && find . -name '*.sdp' | sort) >&2
