#!/usr/bin/env bash
# The Rego suite: formatting, strict checks, unit tests with coverage, and a Wasm build restricted
# to the builtins opa-java-wasm runs. Regal is not run: no Regal release is served by the Go module
# proxy these machines reach (see the closing notes of the engine issue).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
opa="$root/.tools/bin/opa"
[ -x "$opa" ] || { echo "test-policies: run scripts/install-tools.sh opa first" >&2; exit 1; }

unformatted=$("$opa" fmt --list policies)
if [ -n "$unformatted" ]; then
  echo "test-policies: not formatted (run: opa fmt -w policies):" >&2
  echo "$unformatted" >&2
  exit 1
fi
"$opa" check --strict --capabilities policies/capabilities.json policies
"$opa" test policies
scripts/build-policies.sh "$(mktemp -d)"
echo "test-policies: ok"
