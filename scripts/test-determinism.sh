#!/usr/bin/env bash
# Same inputs, same bytes: runs the jar on Java 17 twice and on Java 25 once, in every report format
# (on stdout and written with --output) and inspect, over several plans in one invocation (checked in
# parallel; the 1k plan's rules spread over threads), and compares every output byte for byte.
#
#   scripts/test-determinism.sh          # JAVA17 / JAVA25 name the java binaries to compare
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
java17=${JAVA17:-java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
for j in "$java17" "$java25"; do
  if ! command -v "$j" >/dev/null; then
    echo "test-determinism: $j not found (set JAVA17 / JAVA25)" >&2
    exit 1
  fi
done
"$java17" -version 2>&1 | grep -q 'version "17' || { echo "test-determinism: $java17 is not Java 17" >&2; exit 1; }
"$java25" -version 2>&1 | grep -q 'version "25' || { echo "test-determinism: $java25 is not Java 25" >&2; exit 1; }
if [ ! -f target/tfcheck.jar ]; then
  mvn -q -Dstyle.color=never -DskipTests package
fi

work=target/determinism
rm -rf "$work"
mkdir -p "$work"
plans=(fixtures/reference/insecure.plan.json fixtures/rules/violations.plan.json fixtures/model/modules.plan.json
       fixtures/real/opentofu__opentofu__show-json-nested-modules.json fixtures/shared-reference/plan-1k.json.gz)
formats=(text json sarif junit markdown html)

run() { # NAME JAVA: every format on stdout, and all of them as files from one more run
  local name=$1 java=$2 f
  mkdir -p "$work/$name"
  for f in "${formats[@]}"; do
    set +e
    "$java" -jar target/tfcheck.jar check "${plans[@]}" --format "$f" --source-dir reference-terraform/examples/insecure \
      --config fixtures/config/insecure-waivers.yaml --today 2026-06-01 >"$work/$name/stdout.$f" 2>"$work/$name/stderr.$f"
    local status=$?
    set -e
    echo "$status" >"$work/$name/exit.$f"
  done
  local outputs=()
  for f in "${formats[@]}"; do outputs+=(--output "$f=$work/$name/file.$f"); done
  "$java" -jar target/tfcheck.jar check "${plans[@]}" --config fixtures/config/insecure-waivers.yaml --today 2026-06-01 \
    "${outputs[@]}" >/dev/null 2>&1 || true
  "$java" -jar target/tfcheck.jar inspect fixtures/model/modules.plan.json >"$work/$name/inspect.json"
}

run java17-a "$java17"
run java17-b "$java17"
run java25 "$java25"

failed=0
for other in java17-b java25; do
  if ! diff -r "$work/java17-a" "$work/$other" >"$work/diff-$other.txt"; then
    echo "test-determinism: java17-a and $other differ:" >&2
    head -20 "$work/diff-$other.txt" >&2
    failed=1
  fi
done
grep -qx 1 "$work/java17-a/exit.json" || { echo "test-determinism: expected exit 1 (findings)" >&2; failed=1; }
[ -s "$work/java17-a/file.html" ] || { echo "test-determinism: no HTML report written" >&2; failed=1; }
count=$(find "$work/java17-a" -type f | wc -l)
[ $failed -eq 0 ] && echo "test-determinism: $count outputs byte-identical across 2 runs on Java 17 and 1 on Java 25"
exit $failed
