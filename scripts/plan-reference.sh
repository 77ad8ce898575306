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
terraform=${TERRAFORM:-terraform}
mirror=${TFCHECK_PROVIDER_MIRROR:-/opt/tf-plugins}
examples=(wagtail insecure)
fixed_timestamp="1970-01-01T00:00:00Z"

mode=write
validate_modules=false
for arg in "$@"; do
  case "$arg" in
    --check) mode=check ;;
    --validate-modules) validate_modules=true ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--check] [--validate-modules]" >&2; exit 2 ;;
  esac
done

log() { printf 'plan-reference: %s\n' "$*" >&2; }
skip() {
  printf '\n==============================================================\n' >&2
  printf 'SKIPPED: reference plans not re-generated: %s\n' "$*" >&2
  printf '==============================================================\n\n' >&2
  exit 0
}

command -v "$terraform" >/dev/null 2>&1 || skip "no terraform on PATH (set TERRAFORM=/path/to/terraform)"
ls -d "$mirror"/registry.terraform.io/hashicorp/aws/*/ >/dev/null 2>&1 \
  || skip "no AWS provider in the filesystem mirror $mirror (set TFCHECK_PROVIDER_MIRROR)"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/tfcheck-plan.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# Providers from the mirror only: nothing is downloaded, and a missing version fails init.
cat > "$scratch/terraformrc" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/hashicorp/*"]
  }
}
disable_checkpoint = true
EOF
export TF_CLI_CONFIG_FILE="$scratch/terraformrc"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
unset TF_WORKSPACE TF_DATA_DIR

# A scratch copy of the sources (modules resolve ../../modules relative to the example), without
# any working state a developer may have left behind.
mkdir -p "$scratch/reference-terraform"
for dir in modules examples; do
  cp -R "$source_dir/$dir" "$scratch/reference-terraform/$dir"
done
find "$scratch/reference-terraform" \( -name .terraform -o -name '.terraform.lock.hcl' -o -name '*.tfstate*' \) \
  -prune -exec rm -rf {} +

log "$("$terraform" version | head -n 1), providers from $mirror"

# Terraform lists relevant_attributes in a different order from run to run; two plans are the
# same when they are equal with that list sorted. An unchanged plan is not rewritten, so the
# committed file stays byte-for-byte what Terraform wrote.
same_plan() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
def canonical(path):
    plan = json.load(open(path, encoding="utf-8"))
    plan["relevant_attributes"] = sorted(plan.get("relevant_attributes", []), key=json.dumps)
    return plan
sys.exit(0 if canonical(sys.argv[1]) == canonical(sys.argv[2]) else 1)
EOF
}

explain_difference() {
  python3 - "$1" "$2" <<'EOF' >&2 || true
import json, sys
old, new = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
if old.get("terraform_version") != new.get("terraform_version"):
    print(f"  terraform_version: committed {old.get('terraform_version')}, now {new.get('terraform_version')}")
a = {c["address"]: c for c in old.get("resource_changes", [])}
b = {c["address"]: c for c in new.get("resource_changes", [])}
for addr in sorted(set(a) | set(b)):
    if addr not in b:
        print(f"  gone:    {addr}")
    elif addr not in a:
        print(f"  new:     {addr}")
    elif a[addr] != b[addr]:
        print(f"  changed: {addr}")
if old.get("configuration") != new.get("configuration"):
    print("  the configuration section differs")
EOF
}

status=0

# init + validate in a directory of the scratch copy; prints the log only on failure.
init_and_validate() {
  local dir=$1 name=$2
  if (
    cd "$dir"
    "$terraform" init -backend=false -input=false -no-color >"$scratch/init.log" 2>&1 \
      || { cat "$scratch/init.log" >&2; exit 1; }
    "$terraform" validate -no-color >"$scratch/validate.log" 2>&1 \
      || { cat "$scratch/validate.log" >&2; exit 1; }
  ); then
    log "$name: valid"
  else
    log "$name: FAILED (init or validate)"
    return 1
  fi
}

if [ "$validate_modules" = true ]; then
  for dir in "$scratch"/reference-terraform/modules/*/ "$scratch"/reference-terraform/examples/*/modules/*/; do
    [ -d "$dir" ] || continue
    init_and_validate "$dir" "${dir#"$scratch"/reference-terraform/}" || status=1
  done
fi

for example in "${examples[@]}"; do
  dir="$scratch/reference-terraform/examples/$example"
  [ -d "$dir" ] || { log "no example $example"; exit 1; }

  # Offline provider settings, merged over the example's own provider block.
  cat > "$dir/zz_offline_plan_override.tf" <<'EOF'
provider "aws" {
  access_key                  = "mock"
  secret_key                  = "mock"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  skip_requesting_account_id  = true
  # With no account ID looked up there is nothing to compare allowed_account_ids with.
  allowed_account_ids = null
}
EOF

  var_args=()
  [ -f "$dir/reference.tfvars" ] && var_args=(-var-file=reference.tfvars)

  init_and_validate "$dir" "examples/$example" || { status=1; continue; }
  log "$example: plan"
  if ! (
    cd "$dir"
    "$terraform" plan -input=false -lock=false -refresh=false -no-color "${var_args[@]}" \
      -out="$scratch/$example.tfplan" >"$scratch/$example.plan.log" 2>&1 \
      || { cat "$scratch/$example.plan.log" >&2; exit 1; }
    "$terraform" show -json "$scratch/$example.tfplan" >"$scratch/$example.raw.json"
  ); then
    log "$example: FAILED (plan)"
    status=1
    continue
  fi

  python3 - "$scratch/$example.raw.json" "$scratch/$example.plan.json" "$fixed_timestamp" <<'EOF'
import json, sys
raw_path, out_path, fixed = sys.argv[1:]
text = open(raw_path, encoding="utf-8").read()
plan = json.loads(text)
if "timestamp" in plan:
    old = '"timestamp":' + json.dumps(plan["timestamp"])
    if text.count(old) != 1:
        sys.exit(f"{raw_path}: the timestamp occurs {text.count(old)} times, expected once")
    text = text.replace(old, '"timestamp":' + json.dumps(fixed))
if plan.get("errored") or not plan.get("resource_changes"):
    sys.exit(f"{raw_path}: the plan errored or has no resource changes")
open(out_path, "w", encoding="utf-8").write(text)
counts = {}
for change in plan["resource_changes"]:
    key = "/".join(change["change"]["actions"])
    counts[key] = counts.get(key, 0) + 1
print(f"{len(plan['resource_changes'])} resource changes: "
      + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)
EOF

  target="$out_dir/$example.plan.json"
  if [ -f "$target" ] && same_plan "$target" "$scratch/$example.plan.json"; then
    log "$example: ${target#"$root"/} is up to date (left as it is)"
  elif [ "$mode" = check ]; then
    log "$example: ${target#"$root"/} is missing or out of date: the configuration, Terraform or the provider changed. Run scripts/plan-reference.sh and commit the result."
    [ -f "$target" ] && explain_difference "$target" "$scratch/$example.plan.json"
    status=1
  else
    mkdir -p "$out_dir"
    cp "$scratch/$example.plan.json" "$target"
    log "$example: wrote ${target#"$root"/}"
  fi
done

exit "$status"
