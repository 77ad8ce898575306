# shellcheck shell=bash
# Offline planning with real Terraform, shared by scripts/plan-reference.sh and
# scripts/plan-rule-fixtures.sh. Sourced, not run; the caller has `set -euo pipefail`.
#
# Offline: the AWS provider comes from a filesystem mirror ($TFCHECK_PROVIDER_MIRROR, default
# /opt/tf-plugins, layout registry.terraform.io/hashicorp/aws/<version>/<os_arch>/), and a plan
# runs with mock credentials, the provider's skip_* settings and -refresh=false, so that no AWS
# API and no Terraform registry is contacted. Those settings live in an override file written
# into a scratch copy of the sources, never into the sources themselves.
#
# Without terraform or the mirror, offline_setup prints a loud SKIPPED line and exits 0 (CI
# machines may lack them).
#
# The only edit to Terraform's output: the top-level "timestamp" (the wall-clock time of the
# plan) is set to 1970-01-01T00:00:00Z, so that an unchanged configuration gives identical files.
#
# The caller sets, before calling anything here:
#   offline_name  the prefix of log lines (the script's name)
#   offline_what  what is not re-generated when the tools are missing ("reference plans")
#   offline_mode  write (rewrite the plans that changed) or check (fail if a committed plan differs)
#   root          the repository root
# and gets:
#   terraform, mirror   the Terraform binary ($TERRAFORM, default terraform) and the mirror
#   scratch             a temporary directory, removed on exit (set by offline_setup)

terraform=${TERRAFORM:-terraform}
mirror=${TFCHECK_PROVIDER_MIRROR:-/opt/tf-plugins}
fixed_timestamp="1970-01-01T00:00:00Z"

offline_log() { printf '%s: %s\n' "$offline_name" "$*" >&2; }

offline_skip() {
  printf '\n==============================================================\n' >&2
  printf 'SKIPPED: %s not re-generated: %s\n' "$offline_what" "$*" >&2
  printf '==============================================================\n\n' >&2
  exit 0
}

# Checks the tools (SKIPPED without them), makes $scratch and points Terraform at a CLI
# configuration whose only provider source is the mirror.
offline_setup() {
  command -v "$terraform" >/dev/null 2>&1 || offline_skip "no terraform on PATH (set TERRAFORM=/path/to/terraform)"
  ls -d "$mirror"/registry.terraform.io/hashicorp/aws/*/ >/dev/null 2>&1 \
    || offline_skip "no AWS provider in the filesystem mirror $mirror (set TFCHECK_PROVIDER_MIRROR)"

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
}

offline_log_version() {
  offline_log "$("$terraform" version | head -n 1), providers from $mirror"
}

# offline_copy SRC DEST: a scratch copy of a source tree, without any working state a developer
# may have left behind (.terraform/, lock files, state files).
offline_copy() {
  mkdir -p "$(dirname "$2")"
  cp -R "$1" "$2"
  find "$2" \( -name .terraform -o -name '.terraform.lock.hcl' -o -name '*.tfstate*' \) \
    -prune -exec rm -rf {} +
}

# offline_write_override DIR: the offline provider settings, merged over the configuration's own
# provider block.
offline_write_override() {
  cat > "$1/zz_offline_plan_override.tf" <<'EOF'
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
}

# offline_init_validate DIR NAME: init + validate in a directory of the scratch copy; prints the
# log only on failure.
offline_init_validate() {
  local dir=$1 name=$2
  if (
    cd "$dir"
    "$terraform" init -backend=false -input=false -no-color >"$scratch/init.log" 2>&1 \
      || { cat "$scratch/init.log" >&2; exit 1; }
    "$terraform" validate -no-color >"$scratch/validate.log" 2>&1 \
      || { cat "$scratch/validate.log" >&2; exit 1; }
  ); then
    offline_log "$name: valid"
  else
    offline_log "$name: FAILED (init or validate)"
    return 1
  fi
}

# offline_plan DIR NAME [PLAN-ARGUMENT...]: plans DIR (already initialised) and writes the
# normalised `terraform show -json` of the plan to $scratch/NAME.plan.json.
offline_plan() {
  local dir=$1 name=$2
  shift 2
  offline_log "$name: plan"
  if ! (
    cd "$dir"
    "$terraform" plan -input=false -lock=false -refresh=false -no-color "$@" \
      -out="$scratch/$name.tfplan" >"$scratch/$name.plan.log" 2>&1 \
      || { cat "$scratch/$name.plan.log" >&2; exit 1; }
    "$terraform" show -json "$scratch/$name.tfplan" >"$scratch/$name.raw.json"
  ); then
    offline_log "$name: FAILED (plan)"
    return 1
  fi

  python3 - "$scratch/$name.raw.json" "$scratch/$name.plan.json" "$fixed_timestamp" <<'EOF'
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
}

# Terraform lists relevant_attributes in a different order from run to run; two plans are the
# same when they are equal with that list sorted, and with the resources and child modules of the
# state-shaped sections (planned_values, prior_state) in address order (their order carries no
# meaning). An unchanged plan is not rewritten, so the committed file stays byte-for-byte what
# Terraform wrote.
offline_canonical_py='
import json
def module(m):
    if isinstance(m, dict):
        if isinstance(m.get("resources"), list):
            m["resources"] = sorted(m["resources"], key=lambda r: str(r.get("address")))
        if isinstance(m.get("child_modules"), list):
            m["child_modules"] = sorted((module(c) for c in m["child_modules"]), key=lambda c: str(c.get("address")))
    return m
def canonical(path):
    plan = json.load(open(path, encoding="utf-8"))
    plan["relevant_attributes"] = sorted(plan.get("relevant_attributes") or [], key=json.dumps)
    module((plan.get("planned_values") or {}).get("root_module"))
    module(((plan.get("prior_state") or {}).get("values") or {}).get("root_module"))
    return plan
'

offline_same_plan() {
  python3 -c "$offline_canonical_py
import sys
sys.exit(0 if canonical(sys.argv[1]) == canonical(sys.argv[2]) else 1)" "$1" "$2"
}

# Names what differs between two plans: resources by address, then any other section with the
# first path where it differs and whether it differs only in the order of a list (never the values:
# a plan may hold sensitive ones).
offline_explain_difference() {
  python3 -c "$offline_canonical_py
import sys
old, new = (canonical(p) for p in sys.argv[1:])
if old.get('terraform_version') != new.get('terraform_version'):
    print(f\"  terraform_version: committed {old.get('terraform_version')}, now {new.get('terraform_version')}\")
a = {c['address']: c for c in old.get('resource_changes', [])}
b = {c['address']: c for c in new.get('resource_changes', [])}
for addr in sorted(set(a) | set(b)):
    if addr not in b:
        print(f'  gone:    {addr}')
    elif addr not in a:
        print(f'  new:     {addr}')
    elif a[addr] != b[addr]:
        print(f'  changed: {addr}')
def first_difference(x, y, path):
    if type(x) is not type(y):
        return path + ' (' + type(x).__name__ + ' against ' + type(y).__name__ + ')'
    if isinstance(x, dict):
        for k in sorted(set(x) | set(y)):
            if k not in x or k not in y:
                return path + '.' + k + (' (only committed)' if k in x else ' (only now)')
            if x[k] != y[k]:
                return first_difference(x[k], y[k], path + '.' + k)
    elif isinstance(x, list):
        if len(x) != len(y):
            return path + f' ({len(x)} items against {len(y)})'
        if sorted(map(json.dumps, x)) == sorted(map(json.dumps, y)):
            return path + ' (the same items in another order)'
        for i, (u, v) in enumerate(zip(x, y)):
            if u != v:
                return first_difference(u, v, path + f'[{i}]')
    return path + ' (another value)'
for key in sorted(set(old) | set(new)):
    if key in ('resource_changes', 'terraform_version', 'timestamp'):
        continue
    if old.get(key) != new.get(key):
        print('  ' + key + ' differs at ' + first_difference(old.get(key), new.get(key), key))
" "$1" "$2" >&2 || true
}

# offline_install NAME TARGET: puts $scratch/NAME.plan.json at TARGET as $offline_mode says:
# write rewrites it unless it is the same plan; check fails (returns 1) when it differs.
offline_install() {
  local name=$1 target=$2
  if [ -f "$target" ] && offline_same_plan "$target" "$scratch/$name.plan.json"; then
    offline_log "$name: ${target#"$root"/} is up to date (left as it is)"
  elif [ "$offline_mode" = check ]; then
    offline_log "$name: ${target#"$root"/} is missing or out of date: the configuration, Terraform or the provider changed. Run scripts/$offline_name.sh and commit the result."
    [ -f "$target" ] && offline_explain_difference "$target" "$scratch/$name.plan.json"
    return 1
  else
    mkdir -p "$(dirname "$target")"
    cp "$scratch/$name.plan.json" "$target"
    offline_log "$name: wrote ${target#"$root"/}"
  fi
}

# offline_plan_install DIR NAME TARGET [PLAN-ARGUMENT...]: offline_plan, then offline_install. In
# check mode a plan that differs is made once more before the check fails: one CI run in many has
# re-planned the wagtail example with planned_values differing from the committed plan while every
# resource change was the same, and the next plan matched. The second plan tells that from a
# configuration that changed; the first one's difference stays in the log.
offline_plan_install() {
  local dir=$1 name=$2 target=$3
  shift 3
  offline_plan "$dir" "$name" "$@" || return 1
  offline_install "$name" "$target" && return 0
  [ "$offline_mode" = check ] || return 1
  offline_log "$name: planning once more, to tell a changed configuration from a plan that differed once"
  if offline_plan "$dir" "$name" "$@" && offline_install "$name" "$target"; then
    offline_log "$name: the second plan matches the committed one; the first differed as shown above"
    return 0
  fi
  return 1
}
