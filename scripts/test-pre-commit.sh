#!/usr/bin/env bash
# Tests the hooks of .pre-commit-hooks.yaml with real pre-commit (pinned, scripts/install-tools.sh)
# as a user runs them: a temporary git repository whose .pre-commit-config.yaml points at this
# repository by path at HEAD, `pre-commit install`, then real `git commit`s:
#   1. tfcheck: a commit of fixtures/reference/insecure.plan.json is refused with tfcheck's report;
#      one of wagtail.plan.json goes through; without tfcheck on PATH, the hook builds it in
#      pre-commit's clone of this repository (./tfcheck) and refuses the insecure plan the same;
#   2. tfcheck-terraform without terraform: passes with a SKIPPED line;
#   3. tfcheck-terraform with terraform and the provider mirror (scripts/lib/terraform-offline.sh):
#      a commit of reference-terraform/examples/insecure is refused with the FAILs that
#      fixtures/reference/insecure.expected-failures.txt lists; one of examples/wagtail (with
#      --tf-arg=-var-file=...) goes through; a configuration with a backend is refused with a
#      hint, and planned with --backend; none leaves anything behind. Without them 3 is SKIPPED.
# The hooks find tfcheck on PATH: the distribution archive (mvn package) unpacked, as a user
# installs it. pre-commit clones this repository at HEAD: commit changes to the hooks first.
#
#   scripts/test-pre-commit.sh
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
# shellcheck source=scripts/lib/checks.sh
. scripts/lib/checks.sh test-pre-commit
banner() { printf '\n==============================================================\n%s\n==============================================================\n\n' "$*" >&2; }

scripts/install-tools.sh pre-commit >/dev/null || exit 1
pre_commit="$root/.tools/bin/pre-commit"
log "$("$pre_commit" --version)"
if "$pre_commit" validate-manifest .pre-commit-hooks.yaml; then pass ".pre-commit-hooks.yaml is a valid manifest"
else fail ".pre-commit-hooks.yaml is not a valid manifest"; fi

hook_files=(.pre-commit-hooks.yaml scripts/pre-commit-tfcheck.sh scripts/pre-commit-terraform.sh tfcheck)
if ! git diff --quiet HEAD -- "${hook_files[@]}"; then
  banner "NOTE: pre-commit tests the hooks as committed (HEAD); your uncommitted changes to
$(git diff --name-only HEAD -- "${hook_files[@]}") are not tested"
fi
rev=$(git rev-parse HEAD)

version=$(python3 -c 'import xml.etree.ElementTree as t; print(t.parse("pom.xml").find("{http://maven.apache.org/POM/4.0.0}version").text)')
archive="target/tfcheck-$version.tar.gz"
[ -f "$archive" ] || { log "$archive is missing: run mvn package first"; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tfcheck-pre-commit.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
path_without_tfcheck=$PATH
export PATH="$work/tfcheck-$version/bin:$PATH"
export XDG_CACHE_HOME="$work/xdg-cache" # the launcher's class archive goes with the unpacked copy
export PRE_COMMIT_HOME="$work/cache"

# new_repo DIR [HOOK-YAML]: a git repository whose pre-commit configuration uses this repository's
# hooks (HOOK-YAML: the hooks: list, default both) and has the hook installed.
new_repo() {
  git init -q "$1" && git -C "$1" config user.email test@example.com && git -C "$1" config user.name test
  cat > "$1/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
${2:-      - id: tfcheck
      - id: tfcheck-terraform}
YAML
  git -C "$1" add .pre-commit-config.yaml
  (cd "$1" && "$pre_commit" install >/dev/null)
}
# commit DIR MESSAGE: git commit in DIR; its output in $work/out, its exit code returned.
commit() { (cd "$1" && git commit -q -m "$2") >"$work/out" 2>&1; }
commits() { git -C "$1" rev-list --count HEAD 2>/dev/null || echo 0; }
# expect_refused WHAT DIR: the commit failed and made no commit.
expect_refused() {
  if commit "$2" "$1" || [ "$(commits "$2")" != 0 ]; then fail "$1: the commit was not refused"; sed 's/^/    /' "$work/out" >&2; return 1; fi
  pass "$1: the commit is refused"
}
expect_committed() {
  if ! commit "$2" "$1" || [ "$(commits "$2")" != 1 ]; then fail "$1: the commit did not go through"; sed 's/^/    /' "$work/out" >&2; return 1; fi
  pass "$1: the commit goes through"
}
# expect_fails WHAT EXPECTED-IDS: the set of rule IDs FAILed in $work/out is EXPECTED-IDS.
expected_fails=$(sed -n 's/^\(TFC-[A-Z0-9-]*\).*/\1/p' fixtures/reference/insecure.expected-failures.txt | LC_ALL=C sort -u)
expect_insecure_fails() {
  local got
  got=$(sed -n 's/^FAIL \(TFC-[A-Z0-9-]*\) .*/\1/p' "$work/out" | LC_ALL=C sort -u)
  if [ "$got" = "$expected_fails" ]; then pass "$1: the FAILs are insecure.expected-failures.txt's"
  else fail "$1: the FAILs are not insecure.expected-failures.txt's"; diff <(echo "$expected_fails") <(echo "$got") | sed 's/^/    /' >&2; fi
}
expect_in_output() { # WHAT TEXT: TEXT occurs in $work/out as written
  if grep -qF -- "$2" "$work/out"; then pass "$1"; else fail "$1: no '$2' in the output"; sed 's/^/    /' "$work/out" >&2; fi
}
expect_passed() { # WHAT HOOK-NAME: pre-commit's line for the hook says Passed (not Skipped)
  if grep -qE "^$(printf '%s' "$2" | sed 's/[()]/\\&/g')\.+Passed$" "$work/out"; then pass "$1: pre-commit says Passed"
  else fail "$1: pre-commit does not say Passed for $2"; sed 's/^/    /' "$work/out" >&2; fi
}
# expect_report WHAT DIR PLAN: the output holds tfcheck's whole report of PLAN, run in DIR.
expect_report() {
  local report
  report=$(cd "$2" && tfcheck "$3")
  if python3 -c 'import sys; sys.exit(0 if sys.argv[1] in open(sys.argv[2]).read() else 1)' "$report" "$work/out"; then
    pass "$1: the output holds tfcheck's whole report"
  else
    fail "$1: tfcheck's report is not in the output"; sed 's/^/    /' "$work/out" >&2
  fi
}

# 1. The tfcheck hook on plan files.
repo="$work/plans"
new_repo "$repo" "      - id: tfcheck"
mkdir -p "$repo/plans"
cp fixtures/reference/insecure.plan.json "$repo/plans/insecure.plan.json"
git -C "$repo" add plans/insecure.plan.json
if expect_refused "tfcheck hook, insecure plan" "$repo"; then
  expect_report "tfcheck hook, insecure plan" "$repo" plans/insecure.plan.json
  expect_in_output "tfcheck hook, insecure plan: pre-commit says tfcheck's exit code" "- exit code: 1"
fi
git -C "$repo" rm -q --cached plans/insecure.plan.json
cp fixtures/reference/wagtail.plan.json "$repo/plans/tfplan.json"
git -C "$repo" add plans/tfplan.json
expect_committed "tfcheck hook, wagtail plan" "$repo" && expect_passed "tfcheck hook, wagtail plan" "tfcheck (Terraform plan policies)"

# 1b. Without tfcheck on PATH, the hook builds it in pre-commit's clone of this repository.
repo="$work/from-source"
new_repo "$repo" "      - id: tfcheck"
cp fixtures/reference/insecure.plan.json "$repo/insecure.plan.json"
git -C "$repo" add insecure.plan.json
if PATH=$path_without_tfcheck expect_refused "tfcheck hook built from source, insecure plan" "$repo"; then
  expect_in_output "tfcheck hook built from source: ./tfcheck built the jar" "tfcheck: building (first run or sources changed)..."
  expect_report "tfcheck hook built from source, insecure plan" "$repo" insecure.plan.json
fi

# 2. The terraform hook without terraform.
repo="$work/no-terraform"
new_repo "$repo" "      - id: tfcheck-terraform"
printf 'resource "terraform_data" "x" {}\n' > "$repo/main.tf"
git -C "$repo" add main.tf
if TERRAFORM="$work/no-such-terraform" expect_committed "terraform hook, no terraform" "$repo"; then
  expect_passed "terraform hook, no terraform" "tfcheck (plan changed Terraform)"
  expect_in_output "terraform hook, no terraform: it says SKIPPED" \
    "tfcheck-terraform: SKIPPED: no terraform on PATH (set TERRAFORM=/path/to/terraform): the changed directories were not planned or checked"
fi

# 3. The terraform hook, planning offline with real Terraform.
offline_name=test-pre-commit
# shellcheck source=lib/terraform-offline.sh
source "$root/scripts/lib/terraform-offline.sh"
if ! command -v "$terraform" >/dev/null 2>&1 || ! ls -d "$mirror"/registry.terraform.io/hashicorp/aws/*/ >/dev/null 2>&1; then
  banner "SKIPPED: the tfcheck-terraform hook was not tested with Terraform: no terraform on PATH or no AWS provider in $mirror"
else
  # The user's offline settings: the mirror-only CLI configuration (in the environment) and a
  # provider override with mock credentials (committed beside each configuration).
  (
    offline_setup
    offline_log_version
    export TF_PLUGIN_CACHE_DIR="$scratch/plugin-cache"
    tf_repo() { # DIR EXAMPLE [ARGS]: reference-terraform/modules and one example; the hook's args
      new_repo "$1" "      - id: tfcheck-terraform
        exclude: (^|/)modules/
        args: [${3:-}]"
      offline_copy reference-terraform/modules "$1/modules"
      offline_copy "reference-terraform/examples/$2" "$1/examples/$2"
      offline_write_override "$1/examples/$2"
      git -C "$1" add modules examples
    }
    repo="$work/terraform-insecure"
    tf_repo "$repo" insecure
    if expect_refused "terraform hook, examples/insecure" "$repo"; then
      expect_in_output "terraform hook, examples/insecure: planned" "tfcheck-terraform: examples/insecure: planned"
      expect_insecure_fails "terraform hook, examples/insecure"
    fi
    repo="$work/terraform-wagtail"
    tf_repo "$repo" wagtail "--tf-arg=-var-file=reference.tfvars, --fail-on, HIGH"
    if expect_committed "terraform hook, examples/wagtail" "$repo"; then
      expect_in_output "terraform hook, examples/wagtail: planned" "tfcheck-terraform: examples/wagtail: planned"
      expect_in_output "terraform hook, examples/wagtail: tfcheck passed it" "0 failed, "
      expect_passed "terraform hook, examples/wagtail" "tfcheck (plan changed Terraform)"
    fi
    # A configuration that declares a backend: refused with the hint without --backend, planned
    # against it with --backend.
    repo="$work/terraform-backend"
    new_repo "$repo" "      - id: tfcheck-terraform"
    mkdir -p "$repo/infra"
    printf 'terraform {\n  backend "local" {}\n}\n\nresource "terraform_data" "x" {}\n' > "$repo/infra/main.tf"
    git -C "$repo" add infra
    if expect_refused "terraform hook, a backend without --backend" "$repo"; then
      expect_in_output "terraform hook, a backend without --backend: the hint" \
        "tfcheck-terraform: infra declares a backend: plan it with the hook's args: [--backend] (needs access to its state)"
    fi
    printf '        args: [--backend]\n' >> "$repo/.pre-commit-config.yaml"
    git -C "$repo" add .pre-commit-config.yaml
    if expect_committed "terraform hook, a backend with --backend" "$repo"; then
      expect_in_output "terraform hook, a backend with --backend: planned" "tfcheck-terraform: infra: planned"
      expect_passed "terraform hook, a backend with --backend" "tfcheck (plan changed Terraform)"
    fi
    for repo in "$work/terraform-insecure" "$work/terraform-wagtail" "$work/terraform-backend"; do
      left=$(cd "$repo" && git ls-files --others)
      if [ -z "$left" ]; then pass "terraform hook: ${repo##*/} left nothing behind"
      else fail "terraform hook: ${repo##*/} left $left"; fi
    done
    echo "$passed $failed" > "$work/counts"
  ) || { fail "terraform hook: the offline setup failed"; }
  [ -f "$work/counts" ] && read -r passed failed < "$work/counts"
fi

checks_summary
