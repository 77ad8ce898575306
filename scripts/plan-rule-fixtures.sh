#!/usr/bin/env bash
# Plans the rule fixtures with real Terraform, offline, and writes `terraform show -json` of each
# plan to fixtures/rules/<fixture>.plan.json:
#   violations  fixtures/rules/violations-src/: every end-state rule broken, on a fresh plan
#   changes     fixtures/rules/changes-src/ against its hand-written prior state terraform.tfstate:
#               stateful resources deleted and replaced, protections weakened in place
#   partial     the same, with -target=aws_rds_cluster_instance.main: a plan that is not complete
#
#   scripts/plan-rule-fixtures.sh            # re-plan; rewrite the plans that changed
#   scripts/plan-rule-fixtures.sh --check    # re-plan; fail if a committed plan differs
#
# Offline, as scripts/plan-reference.sh (scripts/lib/terraform-offline.sh): providers from the
# filesystem mirror, mock credentials, -refresh=false (so the prior state is taken as it is
# written), the plan's timestamp set to 1970-01-01T00:00:00Z. Without terraform or the mirror it
# prints a loud SKIPPED line and exits 0; a failing init, validate or plan exits 1; a usage error
# exits 2. What the fixtures demonstrate: fixtures/rules/SOURCES.md.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$root/fixtures/rules"
# shellcheck source=lib/terraform-offline.sh
source "$root/scripts/lib/terraform-offline.sh"
offline_name=plan-rule-fixtures
offline_what="rule fixture plans"

offline_mode=write
for arg in "$@"; do
  case "$arg" in
    --check) offline_mode=check ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--check]" >&2; exit 2 ;;
  esac
done

offline_setup
offline_log_version

status=0

# plan_fixture FIXTURE SOURCE [PLAN-ARGUMENT...]: plans fixtures/rules/SOURCE into
# fixtures/rules/FIXTURE.plan.json.
plan_fixture() {
  local fixture=$1 source=$2
  shift 2
  local dir="$scratch/$fixture/$source"
  offline_copy "$fixtures/$source" "$dir"
  # The copy leaves state files out; this one is the fixture's prior state, on purpose.
  if [ -f "$fixtures/$source/terraform.tfstate" ]; then
    cp "$fixtures/$source/terraform.tfstate" "$dir/"
  fi
  offline_write_override "$dir"
  offline_init_validate "$dir" "$fixture: $source" || return 1
  offline_plan_install "$dir" "$fixture" "$fixtures/$fixture.plan.json" "$@"
}

plan_fixture violations violations-src || status=1
plan_fixture changes changes-src || status=1
plan_fixture partial changes-src -target=aws_rds_cluster_instance.main || status=1

exit "$status"
