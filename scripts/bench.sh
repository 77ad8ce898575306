#!/usr/bin/env bash
# Whole-process timings: each plan checked RUNS times by a fresh `java -jar target/tfcheck.jar`, as
# CI and pre-commit run it; prints the median wall time and the median peak RSS. The machine's other
# load matters: run it on an idle machine and report medians, never one run.
#
#   scripts/bench.sh [RUNS] [PLAN...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
runs=${1:-5}
shift || true
plans=("$@")
if [ ${#plans[@]} -eq 0 ]; then
  plans=(fixtures/reference/wagtail.plan.json fixtures/shared-reference/plan-1k.json.gz fixtures/shared-reference/plan-10k.json.gz)
fi
[ -f target/tfcheck.jar ] || ./tfcheck version >/dev/null
read -r -a java_opts <<< "${TFCHECK_JAVA_OPTS:-}"
java_cmd=(java "${java_opts[@]}" -jar target/tfcheck.jar)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shellcheck source=scripts/bench-lib.sh
. scripts/bench-lib.sh

printf '%-45s %6s %12s %14s\n' plan runs "median s" "median RSS MB"
for plan in "${plans[@]}"; do
  times=() rss=()
  for _ in $(seq "$runs"); do
    measure 3600 "$tmp/out" "${java_cmd[@]}" "$plan" --format json
    times+=("$seconds")
    rss+=("$rss_kb")
  done
  t=$(printf '%s\n' "${times[@]}" | median)
  m=$(printf '%s\n' "${rss[@]}" | median)
  printf '%-45s %6d %12.2f %14.0f\n' "$plan" "$runs" "$t" "$(echo "$m / 1024" | bc -l)"
done
