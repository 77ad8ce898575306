#!/usr/bin/env bash
# Lints the GitHub workflows and the composite action with actionlint (pinned,
# scripts/install-tools.sh):
#   1. .github/workflows/*.yml, which also checks action.yml's metadata and the with: inputs of
#      each `uses: ./` against it;
#   2. action.yml's steps: actionlint reads a composite action's metadata but not its steps, so
#      they are linted as the steps of a workflow_call workflow with the action's inputs;
#   3. that both catch what they are for: an unknown and a missing input of the action, and a
#      misspelt input inside its steps, must each be reported.
# The run: scripts are shellchecked when shellcheck is on PATH; without it a NOTE says so.
#
#   scripts/test-actionlint.sh
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
passed=0
failed=0
log() { printf 'test-actionlint: %s\n' "$*" >&2; }
pass() { passed=$((passed + 1)); log "ok: $*"; }
fail() { failed=$((failed + 1)); log "FAIL: $*"; }

scripts/install-tools.sh actionlint >/dev/null || exit 1
actionlint=("$root/.tools/bin/actionlint" -no-color)
log "actionlint $("${actionlint[0]}" -version | head -n 1)"
command -v shellcheck >/dev/null 2>&1 || log "NOTE: no shellcheck on PATH: the run: scripts are not shellchecked"
work=$(mktemp -d "${TMPDIR:-/tmp}/tfcheck-actionlint.XXXXXX")
trap 'rm -rf "$work"' EXIT

# steps_workflow ACTION OUT: the composite action's steps as a workflow_call workflow whose inputs
# are the action's, so that actionlint types ${{ inputs.* }} and lints each step.
steps_workflow() {
  python3 - "$1" "$2" <<'PY'
import sys, yaml
action = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
inputs = {name: {"type": "string", "required": bool(spec.get("required", False)),
                 **({"default": str(spec["default"])} if "default" in spec else {})}
          for name, spec in action.get("inputs", {}).items()}
workflow = {"name": "steps of " + sys.argv[1], "on": {"workflow_call": {"inputs": inputs}},
            "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": action["runs"]["steps"]}}}
# Scripts stay literal blocks, so that the lines of a finding read as in action.yml.
yaml.SafeDumper.add_representer(str, lambda d, s: d.represent_scalar(
    "tag:yaml.org,2002:str", s, style="|" if "\n" in s else None))
yaml.safe_dump(workflow, open(sys.argv[2], "w", encoding="utf-8"), sort_keys=False, width=1000)
PY
}

# 1. The workflows (and through `uses: ./`, action.yml's metadata).
if "${actionlint[@]}" >"$work/out" 2>&1; then pass ".github/workflows: no findings"
else fail ".github/workflows:"; cat "$work/out" >&2; fi

# 2. The action's steps.
mkdir -p "$work/steps/.github/workflows"
steps_workflow action.yml "$work/steps/.github/workflows/action-steps.yml"
if (cd "$work/steps" && "${actionlint[@]}" .github/workflows/action-steps.yml) >"$work/out" 2>&1; then
  pass "action.yml's steps: no findings"
else
  fail "action.yml's steps (lines are those of this rendering of them):"
  cat "$work/out" >&2; cat -n "$work/steps/.github/workflows/action-steps.yml" >&2
fi

# 3. They catch what they are for: a copy of the repository's action, used wrongly, and with a
# misspelt input in its steps.
mkdir -p "$work/bad/.github/workflows"
git init -q "$work/bad"  # actionlint resolves ./ from the repository's root
cp action.yml "$work/bad/action.yml"
cat > "$work/bad/.github/workflows/bad.yml" <<'YAML'
on: push
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          plan: plan.json
YAML
(cd "$work/bad" && "${actionlint[@]}" -oneline) >"$work/out" 2>&1
for expected in 'missing input "plans" which is required by action "tfcheck" defined at "./". all required inputs are "plans"' \
                'input "plan" is not defined in action "tfcheck" defined at "./". available inputs are "archive", "args", "config", "fail-on", "java-version", "plans", "policy", "sarif-category", "summary", "upload-sarif", "working-directory"'; do
  if grep -qF -- "$expected" "$work/out"; then pass "a wrong use of the action is reported: ${expected%% defined at*}"
  else fail "a wrong use of the action is not reported as: $expected"; cat "$work/out" >&2; fi
done
sed 's/inputs\.fail-on }}/inputs.fail_on }}/' action.yml > "$work/bad/misspelt.yml"
if cmp -s action.yml "$work/bad/misspelt.yml"; then
  fail "action.yml no longer has \${{ inputs.fail-on }} for the misspelling check to change"
else
  steps_workflow "$work/bad/misspelt.yml" "$work/bad/.github/workflows/bad.yml"
  (cd "$work/bad" && "${actionlint[@]}" -oneline .github/workflows/bad.yml) >"$work/out" 2>&1
  if grep -qF 'property "fail_on" is not defined in object type' "$work/out"; then pass "a misspelt input in the action's steps is reported"
  else fail "a misspelt input in the action's steps is not reported"; cat "$work/out" >&2; fi
fi

printf 'test-actionlint: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
