#!/usr/bin/env bash
# Fuzzes the plan reader and model with Jazzer (libFuzzer's engine, coverage-guided), seeded with
# every real plan in fixtures/, for a bounded time. A crash (an exception other than a one-line
# refusal, a timeout) fails the script and leaves the input in target/fuzz/crashes/: copy it into
# src/test/resources/dev/tfcheck/reliability/fuzz/PlanFuzzTestInputs/<target>/ so that every
# mvn test replays it, and fix the cause. The policy compiled to bytecode (dev.tfcheck.policy.wasm) is
# not instrumented: its generated classes are huge, and the Rego is tested on its own.
#
#   scripts/fuzz.sh [SECONDS] [TARGET]     # default: 60 s of readAndModel (what CI runs)
#   scripts/fuzz.sh 3600                   # the longer run (docs/reliability.md)
#   scripts/fuzz.sh 600 checkCommand       # the whole check command, built-in rules included
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
target=${2:-readAndModel}
work=target/fuzz
mkdir -p "$work/corpus-$target" "$work/crashes" "$work/seeds"

if [ ! -f target/test-classes/dev/tfcheck/reliability/fuzz/PlanFuzz.class ] || [ ! -f target/classes/dev/tfcheck/cli/Main.class ]; then
  mvn -q -Dstyle.color=never test-compile
fi
mvn -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt" >/dev/null

# Seeds: the real plans, uncompressed (the gzip ones too), and the regression inputs found so far.
for f in fixtures/real/*.json fixtures/reference/*.json fixtures/rules/*.json fixtures/model/*.json \
         fixtures/shared-reference/*.plan.json fixtures/canary/*.json; do
  [ -f "$f" ] && cp "$f" "$work/seeds/"
done
regressions=src/test/resources/dev/tfcheck/reliability/fuzz/PlanFuzzTestInputs/$target
mkdir -p "$regressions"

entry=dev.tfcheck.reliability.fuzz.PlanFuzz
if [ "$target" = checkCommand ]; then
  entry=dev.tfcheck.reliability.fuzz.CheckCommandFuzz
fi
log=$work/fuzz-$target.log
set +e
java -Xmx2g -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" com.code_intelligence.jazzer.Jazzer \
  --target_class="$entry" \
  --instrumentation_includes='dev.tfcheck.**:com.fasterxml.jackson.**' \
  --instrumentation_excludes='dev.tfcheck.policy.wasm.**' \
  -max_total_time="$seconds" -timeout=60 -rss_limit_mb=3072 -max_len=1048576 -print_final_stats=1 \
  -artifact_prefix="$work/crashes/" \
  "$work/corpus-$target" "$work/seeds" "$regressions" >"$log" 2>&1
status=$?
set -e
grep -a -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$log" || true
if [ $status -ne 0 ]; then
  grep -a -m 20 -E '== Java Exception|^\s+at |Caused by|crash-|timeout-' "$log" || tail -40 "$log"
  echo "fuzz.sh: $target found a failure (exit $status); the input is in $work/crashes/, the log in $log" >&2
  exit 1
fi
echo "fuzz.sh: $target: no failure in ${seconds}s"
