#!/usr/bin/env bash
# Checks reference-terraform/ and the plans committed from it:
#   1. the committed plans in fixtures/reference/ are Terraform plans of the expected shape, and
#      insecure.expected-failures.txt is well formed (always; needs only python3);
#   2. no Terraform working state or provider binary is tracked by git (always);
#   3. `terraform fmt -check -recursive` on modules/ and examples/;
#   4. `terraform init` + `validate` on every module and example, a fresh offline plan of each
#      example, compared with the committed plan (scripts/plan-reference.sh --check).
# 3 and 4 need terraform and the AWS provider mirror; without them they are SKIPPED, loudly, and
# the script still exits 0. Any real failure exits 1.
#
#   scripts/test-reference.sh
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
terraform=${TERRAFORM:-terraform}
failures=0
skipped=""

log() { printf 'test-reference: %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; failures=$((failures + 1)); }
banner() {
  printf '\n==============================================================\n' >&2
  printf '%s\n' "$*" >&2
  printf '==============================================================\n\n' >&2
}

# 1. The committed plans and the expected failures.
python3 - <<'EOF' || failures=$((failures + 1))
import json, re, sys
from pathlib import Path

problems = []
for name in ("wagtail", "insecure"):
    path = Path("fixtures/reference") / f"{name}.plan.json"
    try:
        plan = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        problems.append(f"{path}: {exc}")
        continue
    for key in ("format_version", "terraform_version", "resource_changes", "configuration", "planned_values"):
        if key not in plan:
            problems.append(f"{path}: no {key}: not the output of terraform show -json")
    if plan.get("errored") or plan.get("complete") is False:
        problems.append(f"{path}: the plan errored or is incomplete")
    creates = [c for c in plan.get("resource_changes", []) if c["change"]["actions"] == ["create"]]
    if not creates:
        problems.append(f"{path}: no resource is created")
    print(f"test-reference: {path}: Terraform {plan.get('terraform_version')}, "
          f"{len(plan.get('resource_changes', []))} resource changes", file=sys.stderr)

expected = Path("fixtures/reference/insecure.expected-failures.txt")
seen = set()
try:
    lines = expected.read_text(encoding="utf-8").splitlines()
except OSError as exc:
    problems.append(f"{expected}: {exc}")
    lines = []
for number, line in enumerate(lines, 1):
    if not line.strip() or line.startswith("#"):
        continue
    match = re.fullmatch(r"(TFC-[A-Z0-9]+-\d{3})\s+#\s+\S.*", line)
    if not match:
        problems.append(f"{expected}:{number}: expected `TFC-XXX-NNN  # why`, got {line!r}")
    elif match.group(1) in seen:
        problems.append(f"{expected}:{number}: {match.group(1)} is listed twice")
    else:
        seen.add(match.group(1))
if not seen:
    problems.append(f"{expected}: lists no rule")

for problem in problems:
    print(f"test-reference: FAIL: {problem}", file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

# 2. Nothing from a Terraform working directory, and no provider binary, in git.
tracked=$(git ls-files -- reference-terraform fixtures/reference \
  | grep -E '(^|/)\.terraform/|\.tfstate|(^|/)terraform-provider-|\.tfplan$' || true)
[ -z "$tracked" ] || fail "git tracks Terraform working files or binaries: $tracked"

# 3 and 4 need terraform.
if ! command -v "$terraform" >/dev/null 2>&1; then
  skipped="terraform fmt, validate and the re-plan check"
  banner "SKIPPED: $skipped: no terraform on PATH (set TERRAFORM=/path/to/terraform)"
else
  # fmt needs no providers; an absent CLI config file only earns a warning, so point at none.
  if TF_CLI_CONFIG_FILE=/dev/null "$terraform" fmt -check -recursive -diff \
      reference-terraform/modules reference-terraform/examples >&2; then
    log "terraform fmt: clean"
  else
    fail "terraform fmt -check: run terraform fmt -recursive reference-terraform/modules reference-terraform/examples"
  fi
  # Prints its own SKIPPED banner (and exits 0) when the provider mirror is missing.
  scripts/plan-reference.sh --check --validate-modules || fail "validate or re-plan (see above)"
fi

if [ "$failures" -gt 0 ]; then
  log "$failures check(s) failed"
  exit 1
fi
if [ -n "$skipped" ]; then
  log "the checks that ran passed; SKIPPED: $skipped"
else
  log "all checks passed"
fi
