#!/usr/bin/env bash
# The `tfcheck-terraform` pre-commit hook (.pre-commit-hooks.yaml): plans every directory that
# holds a staged Terraform file and checks the plans with tfcheck.
#
#   pre-commit-terraform.sh [--backend] [--tf-arg=ARG]... [TFCHECK-OPTION]... FILE...
#
# For each directory, in a data directory of its own (TF_DATA_DIR: your .terraform is untouched):
#   terraform init -backend=false     (--backend: init with the configured backend instead, and
#                                      plan against its state; that needs access to it)
#   terraform plan -lock=false -out=... [ARG of each --tf-arg=ARG, e.g. --tf-arg=-var-file=prod.tfvars]
#   terraform show -json
# then one tfcheck run over all the plans (scripts/pre-commit-tfcheck.sh), with every argument
# that is not a staged file as a tfcheck option (--fail-on HIGH, --config ..., --policy ...).
# Without --backend the plan starts from empty state, so every resource is a create: what a policy
# check of the configuration needs, with no access to state; a directory that declares a backend
# still needs --backend.
#
# What it needs from your environment:
#   - terraform on PATH (or $TERRAFORM). Without it the hook prints SKIPPED and passes, so that
#     a contributor without Terraform can still commit.
#   - what the providers need to plan: credentials (AWS_PROFILE, ...), or offline settings: a
#     CLI configuration with a provider mirror (TF_CLI_CONFIG_FILE) and a provider block with
#     mock credentials and skip_* settings (scripts/lib/terraform-offline.sh shows both).
#   - providers are cached in TF_PLUGIN_CACHE_DIR, by default ~/.cache/tfcheck/terraform-plugins,
#     so that each commit does not download them again.
# A directory with no .tf file (tfvars only) is not planned. A module directory cannot be planned
# on its own: exclude modules in your .pre-commit-config.yaml (exclude: ^modules/).
# The plans may hold secrets: they are written to a private temporary directory, removed on exit.
set -euo pipefail

name=tfcheck-terraform
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
terraform=${TERRAFORM:-terraform}
log() { printf '%s: %s\n' "$name" "$*" >&2; }

backend=false
tf_args=()
tfcheck_args=()
dirs=()
for arg in "$@"; do
  case "$arg" in
    --backend) backend=true ;;
    --tf-arg=*) tf_args+=("${arg#--tf-arg=}") ;;
    *.tf|*.tf.json|*.tfvars|*.tfvars.json)
      if [ -f "$arg" ]; then dirs+=("$(dirname "$arg")"); else tfcheck_args+=("$arg"); fi ;;
    *) tfcheck_args+=("$arg") ;;
  esac
done
[ ${#dirs[@]} -gt 0 ] || exit 0

if ! command -v "$terraform" >/dev/null 2>&1; then
  log "SKIPPED: no terraform on PATH (set TERRAFORM=/path/to/terraform): the changed directories were not planned or checked"
  exit 0
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/$name.XXXXXX")
created_locks=()
cleanup() {
  rm -rf "$scratch"
  # A lock file init wrote where there was none: the hook leaves the tree as it found it.
  for f in ${created_locks[@]+"${created_locks[@]}"}; do rm -f "$f"; done
}
trap cleanup EXIT
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
export TF_PLUGIN_CACHE_DIR=${TF_PLUGIN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tfcheck/terraform-plugins}
mkdir -p "$TF_PLUGIN_CACHE_DIR"

# plan DIR WORK OUT: init, plan and show DIR into OUT (the JSON plan), with Terraform's data
# directory and log in WORK; the log only on failure.
plan() {
  local dir=$1 work=$2 out=$3 init_args=(-input=false -no-color)
  mkdir -p "$work" "$(dirname "$out")"
  [ "$backend" = true ] || init_args+=(-backend=false)
  if [ -f "$dir/.terraform.lock.hcl" ]; then
    init_args+=(-lockfile=readonly)  # a hook never rewrites the committed lock file
  else
    created_locks+=("$dir/.terraform.lock.hcl")
  fi
  (
    cd "$dir"
    export TF_DATA_DIR="$work/data"
    "$terraform" init "${init_args[@]}" >"$work/log" 2>&1 || exit 1
    "$terraform" plan -input=false -lock=false -no-color ${tf_args[@]+"${tf_args[@]}"} \
      -out="$work/tfplan" >>"$work/log" 2>&1 || exit 1
    "$terraform" show -json "$work/tfplan" >"$out" 2>>"$work/log"
  ) && return 0
  log "$dir: terraform init, plan or show failed:"
  sed 's/^/  /' "$work/log" >&2
  if [ "$backend" = false ] && grep -q 'Backend initialization required' "$work/log"; then
    log "$dir declares a backend: plan it with the hook's args: [--backend] (needs access to its state)"
  fi
  return 1
}

# Each plan is named after its directory (tfcheck's report heads each plan with its file name).
status=0
plans=()
n=0
while IFS= read -r dir; do
  compgen -G "$dir/*.tf" >/dev/null || compgen -G "$dir/*.tf.json" >/dev/null || continue
  n=$((n + 1))
  out="$scratch/plans/$dir/tfplan.json"
  out=${out//\/.\//\/}
  if plan "$dir" "$scratch/work/$n" "$out"; then
    log "$dir: planned"
    plans+=("$out")
  else
    status=1
  fi
done < <(printf '%s\n' "${dirs[@]}" | LC_ALL=C sort -u)

if [ ${#plans[@]} -gt 0 ]; then
  "$here/pre-commit-tfcheck.sh" ${tfcheck_args[@]+"${tfcheck_args[@]}"} "${plans[@]}" || status=$?
fi
exit "$status"
