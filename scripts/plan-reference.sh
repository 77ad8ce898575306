#!/usr/bin/env bash
# Plans reference-terraform/examples/{wagtail,insecure} with real Terraform, offline, and writes
# `terraform show -json` of each plan to fixtures/reference/<example>.plan.json.
#
#   scripts/plan-reference.sh                     # re-plan; rewrite the plans that changed
#   scripts/plan-reference.sh --check             # re-plan; fail if a committed plan differs
#   scripts/plan-reference.sh --validate-modules  # also init + validate every module on its own
#
# Offline: the AWS provider comes from a filesystem mirror ($TFCHECK_PROVIDER_MIRROR, default
# /opt/tf-plugins, layout registry.terraform.io/hashicorp/aws/<version>/<os_arch>/), and the plan
# runs with mock credentials, the provider's skip_* settings and -refresh=false, so that no AWS
# API and no Terraform registry is contacted. Those settings live in an override file written
# into a scratch copy of reference-terraform/, never into the examples themselves.
#
# Without terraform or the mirror it prints a loud SKIPPED line and exits 0 (CI machines may lack
# them); a failing init, validate or plan exits 1; a usage error exits 2.
#
# The only edit to Terraform's output: the top-level "timestamp" (the wall-clock time of the
# plan) is set to 1970-01-01T00:00:00Z, so that an unchanged configuration gives identical files.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source_dir="$root/reference-terraform"
out_dir="$root/fixtures/reference"
examples=(wagtail insecure)
# The offline mechanics (mirror-only CLI configuration, scratch copy, provider override, plan and
# show, timestamp normalisation, SKIPPED banner) are shared with scripts/plan-rule-fixtures.sh.
# shellcheck source=lib/terraform-offline.sh
source "$root/scripts/lib/terraform-offline.sh"
offline_name=plan-reference
offline_what="reference plans"

offline_mode=write
validate_modules=false
for arg in "$@"; do
  case "$arg" in
    --check) offline_mode=check ;;
    --validate-modules) validate_modules=true ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--check] [--validate-modules]" >&2; exit 2 ;;
  esac
done

offline_setup

# A scratch copy of the sources (modules resolve ../../modules relative to the example).
for dir in modules examples; do
  offline_copy "$source_dir/$dir" "$scratch/reference-terraform/$dir"
done

offline_log_version

status=0

if [ "$validate_modules" = true ]; then
  for dir in "$scratch"/reference-terraform/modules/*/ "$scratch"/reference-terraform/examples/*/modules/*/; do
    [ -d "$dir" ] || continue
    offline_init_validate "$dir" "${dir#"$scratch"/reference-terraform/}" || status=1
  done
fi

for example in "${examples[@]}"; do
  dir="$scratch/reference-terraform/examples/$example"
  [ -d "$dir" ] || { offline_log "no example $example"; exit 1; }

  offline_write_override "$dir"

  var_args=()
  [ -f "$dir/reference.tfvars" ] && var_args=(-var-file=reference.tfvars)

  offline_init_validate "$dir" "examples/$example" || { status=1; continue; }
  offline_plan_install "$dir" "$example" "$out_dir/$example.plan.json" ${var_args[@]+"${var_args[@]}"} || status=1
done

exit "$status"
