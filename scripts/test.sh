#!/usr/bin/env bash
# Every test of the project, as CI runs them: Java (unit, model, engine, CLI), Rego, the reference
# Terraform, the local Wagtail. Installs the pinned tools it needs first. Suites run in order and
# the script stops at the first failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export PATH="$root/.tools/bin:$PATH"

step() { printf '\n=== %s\n' "$*"; }

step "tools"
scripts/install-tools.sh opa

step "Java: build, policies compiled to Wasm, tests"
mvn -B -Dstyle.color=never --no-transfer-progress verify

step "Rego: fmt, check --strict, opa test, Wasm build"
scripts/test-policies.sh

# One suite a line.
for suite in \
  scripts/test-reference.sh \
  scripts/test-local-wagtail.sh \
  scripts/test-dist.sh \
  scripts/test-pre-commit.sh \
  scripts/test-actionlint.sh \
  scripts/test-html-report.sh \
  scripts/fuzz.sh \
  scripts/test-determinism.sh \
  ; do
  if [ -x "$suite" ]; then
    step "$suite"
    "$suite"
  fi
done

step "all tests passed"
