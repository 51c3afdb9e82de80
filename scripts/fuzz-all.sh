#!/usr/bin/env bash
# Runs every Jazzer @FuzzTest in the repository in fuzzing mode (JAZZER_FUZZ=1), one target at a
# time, for SECONDS each, and logs executions and findings per target.
#
#   scripts/fuzz-all.sh SECONDS [FILTER]
#
# FILTER (optional) is a substring of "module Class#method" to run a subset.
# FUZZ_SHARD=i/n (optional, environment) runs only every n-th target starting at i (0-based), so that
# n copies of the script can share the targets, e.g. one per core.
# Modules must be installed first (mvn -o install -DskipTests). Logs go to target/fuzz-all/<stamp>/;
# the summary (one line per target: executions, crashes, result) is printed and written to summary.tsv.
# A finding makes Jazzer fail the test and write a crash-* file next to the target's corpus
# (src/test/resources/<package>/<Class>Inputs/); commit it there as a regression input with its fix.
set -uo pipefail

seconds=${1:?usage: fuzz-all.sh SECONDS [FILTER]}
filter=${2:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
logs="$root/target/fuzz-all/$stamp${FUZZ_SHARD:+-shard${FUZZ_SHARD/\//of}}"
mkdir -p "$logs"
summary="$logs/summary.tsv"
printf 'module\ttarget\tseconds\texecutions\tnew_crash_files\tresult\n' > "$summary"

# module<TAB>fully.qualified.Class<TAB>method for every @FuzzTest method.
discover() {
    grep -rl --include='*.java' '@FuzzTest' --exclude-dir=target . | sort | while read -r file; do
        module=${file#./}
        module=${module%%/src/test/java/*}
        class=${file#*/src/test/java/}
        class=${class%.java}
        class=${class//\//.}
        # the method is the first "void name(" after each @FuzzTest
        awk '/@FuzzTest/ {want=1; next} want && match($0, /void [A-Za-z0-9_]+\(/) {
                 m = substr($0, RSTART + 5, RLENGTH - 6); print m; want=0 }' "$file" |
            while read -r method; do
                printf '%s\t%s\t%s\n' "$module" "$class" "$method"
            done
    done
}

crash_files() {
    find "$root" -path '*/target' -prune -o -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) -print 2>/dev/null | sort
}

shard=${FUZZ_SHARD:-0/1}
shard_index=${shard%/*}
shard_count=${shard#*/}
total=0
failed=0
position=-1
while IFS=$'\t' read -r module class method; do
    [[ -n "$filter" && "$module $class#$method" != *"$filter"* ]] && continue
    position=$((position + 1))
    (( position % shard_count != shard_index )) && continue
    total=$((total + 1))
    name="${class##*.}#$method"
    log="$logs/${module}__${class##*.}__${method}.log"
    before=$(crash_files)
    echo "== $module $name: fuzzing ${seconds}s"
    start=$(date +%s)
    JAZZER_FUZZ=1 JAZZER_MAX_DURATION="${seconds}s" \
        mvn -o -B -pl "$module" test -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
        -Djazzer.max_duration="${seconds}s" -Dsurefire.redirectTestOutputToFile=false > "$log" 2>&1
    rc=$?
    elapsed=$(( $(date +%s) - start ))
    # libFuzzer ends with "Done N runs in S second(s)"; fall back to its last "#N" status line.
    execs=$(grep -aoE 'Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+')
    [[ -z "$execs" ]] && execs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    [[ -z "$execs" ]] && execs="?"
    new=$(comm -13 <(echo "$before") <(crash_files) | grep -c . || true)
    if [[ $rc -eq 0 && $new -eq 0 ]]; then result=ok; else result="FINDING(rc=$rc)"; failed=$((failed + 1)); fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$module" "$name" "$elapsed" "$execs" "$new" "$result" >> "$summary"
    echo "   $elapsed s, $execs executions, $new new crash files, $result (log: $log)"
    comm -13 <(echo "$before") <(crash_files) | sed 's/^/   finding: /'
done < <(discover)

echo
column -t -s $'\t' "$summary" 2>/dev/null || cat "$summary"
echo "$total targets, $failed with findings; logs in $logs"
[[ $failed -eq 0 ]]
