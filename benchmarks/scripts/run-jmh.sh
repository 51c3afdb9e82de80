#!/usr/bin/env bash
# The whole JMH suite in one command.
#   benchmarks/scripts/run-jmh.sh            full run: the benchmarks' own forks and iterations, -prof gc,
#                                            JSON to benchmarks/results/jmh-full.json
#   benchmarks/scripts/run-jmh.sh --quick    CI smoke: one fork, one short warm-up and measurement
#                                            iteration each, smallest parameters; checks that every
#                                            benchmark runs, asserts nothing about speed
# A first argument not starting with - replaces the suite regex; the rest go to JMH.
# JRTC_JMH_RESULT names the JSON result file. JRTC_JMH_NO_BUILD=1 reuses the jar (JRTC_JMH_JAR, default benchmarks/target/benchmarks.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
mode=full
if [ "${1:-}" = "--quick" ]; then
  mode=quick
  shift
fi
jar=${JRTC_JMH_JAR:-benchmarks/target/benchmarks.jar}
if [ "${JRTC_JMH_NO_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
mkdir -p benchmarks/results
# The suite: one regex per hot path (SRTP, RTP parse and receive, STUN, SDP, DTLS, VP8, SCTP, engine receive and send).
suite='(srtp.SrtpBenchmark|rtp.RtpParseBenchmark|rtp.RtpReceivePathBenchmark|ice.StunParseBenchmark|sdp.SdpParseBenchmark|dtls.DtlsHandshakeBenchmark|vp8.Vp8DecodeBenchmark|sctp.SctpThroughputBenchmark|engine.EngineReceivePathBenchmark|engine.EngineSendPathBenchmark)'
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  suite="$1"
  shift
fi
if [ "$mode" = quick ]; then
  # Time-based benchmarks: 1 x 200 ms warm-up, 1 x 200 ms measurement. Single-shot ones
  # (DTLS handshake, engine receive path) run one warm-up and one measured invocation.
  # One parameter value per benchmark keeps the count of runs small.
  exec java -jar "$jar" "$suite" -f 1 -wi 1 -w 200ms -i 1 -r 200ms -foe true \
    -p payload=1200 -p profile=AEAD_AES_128_GCM -p resolution=720p \
    -rf json -rff "${JRTC_JMH_RESULT:-benchmarks/results/jmh-quick.json}" "$@"
fi
exec java -jar "$jar" "$suite" -prof gc -foe true -rf json -rff "${JRTC_JMH_RESULT:-benchmarks/results/jmh-full.json}" "$@"
