#!/usr/bin/env bash
# How closely the benchmark's conftest policies (bench/conftest/policy) agree with tfcheck on the
# rules of bench/rules.txt: for each plan, the (rule, address) pairs tfcheck FAILs, those conftest
# denies, and every pair only one of them reports (with tfcheck's outcome for the pair, so that an
# UNKNOWN conftest cannot tell from a FAIL shows as such). Exits 0; it describes, it does not judge.
#
#   scripts/bench-equivalence.sh [PLAN...]     # default: the reference plans and the rule fixtures
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/.tools/bin:$PATH"
command -v conftest >/dev/null || { echo "bench-equivalence: conftest is not installed: scripts/install-tools.sh conftest" >&2; exit 2; }
[ $# -gt 0 ] || set -- fixtures/reference/wagtail.plan.json fixtures/reference/insecure.plan.json fixtures/rules/violations.plan.json
only=$(grep -v '^#' bench/rules.txt | paste -sd, -)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for plan in "$@"; do
  input=$plan
  case $plan in *.gz) input=$tmp/plan.json; gzip -dc "$plan" > "$input" ;; esac
  java -jar target/tfcheck.jar "$input" --only "$only" --format json > "$tmp/tfcheck.json" || [ $? -eq 1 ]
  jq -r '.results[] | select(.outcome != "PASS") | "\(.rule_id) \(.address)\t\(.outcome)"' "$tmp/tfcheck.json" | sort -u > "$tmp/tfcheck.txt"
  conftest test --no-color --output json -p bench/conftest/policy "$input" > "$tmp/conftest.json" || [ $? -eq 1 ]
  jq -r '.[].failures // [] | .[].msg | capture("^(?<id>\\S+) (?<address>.*?): ") | "\(.id) \(.address)"' "$tmp/conftest.json" | sort -u > "$tmp/conftest.txt"
  cut -f1 "$tmp/tfcheck.txt" | sort -u > "$tmp/tfcheck-pairs.txt"
  grep -P '\tFAIL$' "$tmp/tfcheck.txt" | cut -f1 | sort -u > "$tmp/tfcheck-fail.txt" || true
  printf '%s: tfcheck %d FAIL, %d UNKNOWN; conftest %d deny; both %d\n' "$plan" \
    "$(wc -l < "$tmp/tfcheck-fail.txt")" "$(grep -cP '\tUNKNOWN$' "$tmp/tfcheck.txt" || true)" \
    "$(wc -l < "$tmp/conftest.txt")" "$(comm -12 "$tmp/tfcheck-fail.txt" "$tmp/conftest.txt" | wc -l)"
  comm -23 "$tmp/tfcheck-pairs.txt" "$tmp/conftest.txt" | while read -r pair; do
    printf '  tfcheck only (%s): %s\n' "$(grep -F "$pair"$'\t' "$tmp/tfcheck.txt" | cut -f2 | head -n 1)" "$pair"
  done
  comm -12 "$tmp/tfcheck-pairs.txt" "$tmp/conftest.txt" | while read -r pair; do
    if grep -qF "$pair"$'\tUNKNOWN' "$tmp/tfcheck.txt"; then printf '  conftest denies, tfcheck UNKNOWN: %s\n' "$pair"; fi
  done
  comm -13 "$tmp/tfcheck-pairs.txt" "$tmp/conftest.txt" | sed 's/^/  conftest only: /'
done

# checkov: the CKV checks of the same rules, and whether it really ran each of them (a check ID it
# does not know is silently ignored).
if command -v checkov >/dev/null; then
  checks=$(scripts/bench-peers.sh --print-checkov-ids)
  checkov -f fixtures/rules/violations.plan.json --framework terraform_plan --check "$checks" --skip-download -o json 2>/dev/null \
    | jq -r '[.results.passed_checks[], .results.failed_checks[]] | map(.check_id) | unique | .[]' > "$tmp/ran.txt" || true
  tr ',' '\n' <<< "$checks" | sort > "$tmp/asked.txt"
  printf 'checkov on fixtures/rules/violations.plan.json: ran %d of the %d checks asked for' "$(comm -12 "$tmp/asked.txt" <(sort "$tmp/ran.txt") | wc -l)" "$(wc -l < "$tmp/asked.txt")"
  missing=$(comm -23 "$tmp/asked.txt" <(sort "$tmp/ran.txt") | paste -sd, -)
  if [ -n "$missing" ]; then echo "; not run: $missing"; else echo; fi
fi
