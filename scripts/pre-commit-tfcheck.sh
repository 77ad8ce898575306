#!/usr/bin/env bash
# The `tfcheck` pre-commit hook (.pre-commit-hooks.yaml): checks the plan files pre-commit passes,
# with the hook's args as tfcheck options, in one JVM:
#
#   tfcheck check [ARG...] PLAN...
#
# The tfcheck it runs is the one on PATH when there is one (bin/tfcheck of the distribution
# archive: starts at once); otherwise ./tfcheck of the clone pre-commit made of this repository,
# which builds the jar there on first use and so needs Java 17+, Maven and Go.
# scripts/pre-commit-terraform.sh checks the plans it makes through this script too.
set -euo pipefail
if command -v tfcheck >/dev/null 2>&1; then
  tfcheck=tfcheck
else
  tfcheck="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tfcheck"
fi
exec "$tfcheck" check "$@"
