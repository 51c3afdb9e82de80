#!/usr/bin/env bash
# The soak (issue 12): MINUTES of CONNECTIONS pairs of real RTCPeerConnections on 127.0.0.1 in one JVM,
# each with synthetic VP8 video and a reliable data channel carrying numbered messages both ways.
#   scripts/soak.sh 30 100                      the issue's run (about 35 minutes with set-up and drain)
#   scripts/soak.sh 3 20 /tmp/soak-summary.txt  a quick validation, summary written to the file too
# Checks (see dev.jrtc.benchmarks.soak.SoakVerdict): heap after GC flat within 10%, threads and file
# descriptors flat, every message received exactly once in order, all pairs connected, video still
# flowing, and no Netty "LEAK:" line in the output (leak detection at $SOAK_LEAK_LEVEL, default paranoid).
# The full log goes to $SOAK_LOG (default /tmp/jrtc-soak-<stamp>.log). Exit 0 on pass, 1 on failure.
# JRTC_SOAK_NO_BUILD=1 reuses benchmarks/target/benchmarks.jar (SOAK_JAR=another copy of it, e.g. one
# made before other modules' edits); extra JVM options go in SOAK_JAVA_OPTS
# (e.g. -Dsoak.fps=10 -Dsoak.mps=5 -Dsoak.sampleSeconds=60).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 MINUTES CONNECTIONS [SUMMARY_FILE]" >&2
  exit 2
fi
minutes=$1 connections=$2
cd "$(dirname "$0")/.."
summary=${3:-/tmp/jrtc-soak-$(date -u +%Y%m%dT%H%M%SZ).summary.txt}
log=${SOAK_LOG:-/tmp/jrtc-soak-$(date -u +%Y%m%dT%H%M%SZ).log}
jar=${SOAK_JAR:-benchmarks/target/benchmarks.jar}
if [ "${JRTC_SOAK_NO_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
set +e
# shellcheck disable=SC2086
java -Xmx1g -XX:+UseG1GC -Dio.netty.leakDetection.level="${SOAK_LEAK_LEVEL:-paranoid}" ${SOAK_JAVA_OPTS:-} \
  -cp "$jar" dev.jrtc.benchmarks.soak.SoakHarness "$minutes" "$connections" "$summary" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
leaks=$(grep -c 'LEAK:' "$log" || true)
if [ "$leaks" -eq 0 ]; then
  row="| no LEAK: lines in the log (leak detection ${SOAK_LEAK_LEVEL:-paranoid}) | 0 | pass |"
else
  row="| no LEAK: lines in the log (leak detection ${SOAK_LEAK_LEVEL:-paranoid}) | $leaks | **FAIL** |"
  status=1
fi
[ -f "$summary" ] || echo "(the harness wrote no summary; see $log)" > "$summary"
{ echo "$row"; echo; echo "result: $([ "$status" -eq 0 ] && echo PASS || echo FAIL) (exit $status)"; } | tee -a "$summary"
echo "log: $log, summary: $summary"
exit "$status"
