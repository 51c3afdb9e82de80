#!/usr/bin/env bash
# Runs the interop tests (failsafe *IT.java, Maven profile "interop") against real peers
# inside a fresh private network namespace, as TESTRIG.md requires.
#
#   bash interop-tests/run-interop.sh [extra maven args, e.g. -Dit.test=SdpAnswerAcceptedByChromiumIT]
#
# 1. Outside the namespace, while the network is up, Maven resolves everything the run needs:
#    plugins, dependencies, and failsafe's JUnit provider, which failsafe fetches only when it
#    runs a test; so it runs LocalTestServerIT, which starts no peer and talks only to itself
#    on 127.0.0.1. Every peer-running IT also refuses to start outside a private namespace.
# 2. `unshare -n` makes a new network namespace with only lo. This script re-enters itself
#    there, refuses to go on unless lo is the only interface (so it is the fresh namespace),
#    brings lo up and adds the veth pair v0/v1 (10.99.0.1/24, default route to 10.99.0.2,
#    which leads nowhere): Firefox and aiortc gather no candidates on lo alone.
# 3. It runs `mvn -o ... verify` there and exits with Maven's status. On any exit it kills every
#    process left in the namespace (browsers included); the namespace dies with them.
# Needs root (CI is root). Set JRTC_INTEROP_SKIP_RESOLVE=1 to skip step 1 when offline.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
MAVEN_ARGS=(-B -Pinterop -Djrtc.skipUnitTests=true -pl interop-tests -am)
# JRTC_INTEROP_NO_AM=1 builds only interop-tests and takes the other modules from ~/.m2 (install
# them first); useful while other modules in the working tree are mid-edit.
if [[ "${JRTC_INTEROP_NO_AM:-0}" == 1 ]]; then
  MAVEN_ARGS=(-B -Pinterop -Djrtc.skipUnitTests=true -pl interop-tests)
fi

if [[ "${1:-}" != "--inside-netns" ]]; then
  cd "$REPO"
  if [[ "${JRTC_INTEROP_SKIP_RESOLVE:-0}" != 1 ]]; then
    echo "run-interop: resolving Maven plugins and dependencies (network still up; no peer runs)" >&2
    mvn -q "${MAVEN_ARGS[@]}" -Dit.test=LocalTestServerIT verify
  fi
  echo "run-interop: entering a fresh private network namespace" >&2
  # --fork --kill-child=SIGTERM: if unshare is killed, the shell inside gets SIGTERM and its
  # trap kills everything in the namespace.
  exec unshare --net --fork --kill-child=SIGTERM bash "${BASH_SOURCE[0]}" --inside-netns "$@"
fi
shift

# Only lo exists in a namespace that `unshare -n` has just made; anything else means we are
# not where we think we are, and a browser here could reach real hosts.
if [[ $(ip -o link show | wc -l) -ne 1 ]]; then
  echo "run-interop: expected a fresh network namespace with only lo; refusing to run" >&2
  exit 2
fi

# Kills every process that shares this network namespace, except this shell.
kill_namespace_processes() {
  local me ns pid
  me=$$
  ns=$(readlink /proc/$me/ns/net)
  for pid in $(ls /proc | grep -E '^[0-9]+$'); do
    # Not this shell, nor its parent (unshare --kill-child would take this shell down with it).
    [[ $pid == "$me" || $pid == "$PPID" ]] && continue
    [[ $(readlink "/proc/$pid/ns/net" 2>/dev/null) == "$ns" ]] && kill -KILL "$pid" 2>/dev/null || true
  done
}
trap kill_namespace_processes EXIT
trap 'exit 130' INT TERM

ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.99.0.1/24 dev v0
ip link set v0 up
ip link set v1 up
ip route add default via 10.99.0.2 dev v0

cd "$REPO"
echo "run-interop: running the interop tests offline in the namespace" >&2
start=$SECONDS
status=0
# In the background, so that a signal runs the trap now rather than after Maven finishes.
mvn -o "${MAVEN_ARGS[@]}" verify "$@" &
wait $! || status=$?
echo "run-interop: maven exited with $status after $((SECONDS - start)) s" >&2
exit "$status"
