#!/usr/bin/env bash
# The receive load test and the memory-per-connection measurement in one command.
#   benchmarks/scripts/run-load.sh                  ramp 100,250,500,750,1000,1250,1500,2000 connections until
#                                                   a limit: added latency p99 > 5 ms, an RTP packet read but not
#                                                   processed, or frames delivered at under 99 % of the sender's rate
#   benchmarks/scripts/run-load.sh --steps 50,100   a shorter ramp (any ReceiveLoadHarness option passes through)
#   benchmarks/scripts/run-load.sh --memory 1000    heap per connection, idle and with one data channel
# Writes benchmarks/results/load.{csv,md} (or memory.md) and docs/load-plot.png.
# Set JRTC_LOAD_NO_BUILD=1 to reuse benchmarks/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=benchmarks/target/benchmarks.jar
if [ "${JRTC_LOAD_NO_BUILD:-0}" != 1 ] || [ ! -f "$jar" ]; then
  mvn -B -q -pl benchmarks -am package -DskipTests
fi
exec java -Xmx2g -XX:+UseG1GC -cp "$jar" dev.jrtc.benchmarks.load.ReceiveLoadHarness "$@"
