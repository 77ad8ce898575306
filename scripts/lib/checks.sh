# shellcheck shell=bash
# Pass/fail bookkeeping shared by the test scripts, sourced as `. scripts/lib/checks.sh NAME`: log,
# pass and fail write "NAME: ..." lines to stderr; checks_summary prints "NAME: N passed, N failed"
# and returns non-zero when anything failed (the script's exit status when it comes last).
checks_name=${1:?usage: . scripts/lib/checks.sh NAME}
passed=0
failed=0
log() { printf '%s: %s\n' "$checks_name" "$*" >&2; }
pass() { passed=$((passed + 1)); log "ok: $*"; }
fail() { failed=$((failed + 1)); log "FAIL: $*"; }
checks_summary() {
  printf '%s: %d passed, %d failed\n' "$checks_name" "$passed" "$failed"
  [ "$failed" -eq 0 ]
}
