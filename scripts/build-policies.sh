#!/usr/bin/env bash
# Compiles policies/ to a Wasm bundle for the jar: `opa build -t wasm` restricted to the builtins
# opa-java-wasm runs (policies/capabilities.json). The bundle carries the Rego sources, whose
# METADATA is the rule catalog. The capabilities go into the jar too, to compile users' policies
# with. Called by the Maven build; the policies are always built from source.
#
#   scripts/build-policies.sh OUT_DIR [WASM_DIR]
#
# WASM_DIR, when given, receives the raw policy.wasm, which the build compiles to JVM bytecode.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: build-policies.sh OUT_DIR [WASM_DIR]}
wasm_dir=${2:-}
opa=${OPA:-}
if [ -z "$opa" ]; then
  if [ -x "$root/.tools/bin/opa" ]; then opa="$root/.tools/bin/opa"
  elif command -v opa >/dev/null; then opa=$(command -v opa)
  else
    echo "build-policies: opa is not installed; run scripts/install-tools.sh opa" >&2; exit 1
  fi
fi
mkdir -p "$out"
cd "$root"
"$opa" build -t wasm --capabilities policies/capabilities.json \
  --ignore '*_test.rego' -e tfcheck/main/verdicts -o "$out/policy-bundle.tar.gz" policies
cp policies/capabilities.json "$out/capabilities.json"
# The helpers and the entrypoint as written (opa build -t wasm rewrites the entrypoint in the
# bundle), to compile users' rules against: rego/index.txt lists them.
rm -rf "$out/rego" && mkdir -p "$out/rego/lib"
cp policies/main.rego "$out/rego/main.rego"
for f in policies/lib/*.rego; do
  case "$f" in *_test.rego) ;; *) cp "$f" "$out/rego/lib/" ;; esac
done
(cd "$out/rego" && find . -name '*.rego' | sed 's|^\./||' | LC_ALL=C sort > index.txt)
if [ -n "$wasm_dir" ]; then
  mkdir -p "$wasm_dir"
  tar -xzPf "$out/policy-bundle.tar.gz" -O /policy.wasm > "$wasm_dir/policy.wasm"
fi
