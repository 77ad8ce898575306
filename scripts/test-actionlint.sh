#!/usr/bin/env bash
# Lints the GitHub workflows and the composite action with actionlint (pinned,
# scripts/install-tools.sh), and runs the action's steps here:
#   1. .github/workflows/*.yml, which also checks action.yml's metadata and the with: inputs of
#      each `uses: ./` against it;
#   2. action.yml's steps: actionlint reads a composite action's metadata but not its steps, so
#      they are linted as the steps of a workflow_call workflow with the action's inputs;
#   3. that both catch what they are for: an unknown and a missing input of the action, and a
#      misspelt input inside its steps, must each be reported;
#   4. the action's run: steps, run as a runner runs them (GitHub's own actions, uses:, are not
#      run: their resolved inputs are checked): with the distribution archive (mvn package) on the
#      insecure plan (exit 1, SARIF and job summary written), on the wagtail plan, on a missing
#      plan (exit 2), and built from this repository's source.
# The run: scripts are shellchecked when shellcheck is on PATH; without it a NOTE says so.
#
#   scripts/test-actionlint.sh
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
# shellcheck source=scripts/lib/checks.sh
. scripts/lib/checks.sh test-actionlint

scripts/install-tools.sh actionlint shellcheck >/dev/null || exit 1
export PATH="$root/.tools/bin:$PATH" # actionlint runs shellcheck on every run: script
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
                'input "plan" is not defined in action "tfcheck" defined at "./". available inputs are "archive", "args", "config", "fail-on", "java-version", "plans", "policy", "sarif-category", "source-dir", "summary", "upload-sarif", "working-directory"'; do
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

# 4. The action's steps, run here.
cat > "$work/run-action.py" <<'PY'
# Runs a composite action's steps the way a runner does, for the expressions the action uses:
# inputs.*, steps.<id>.outputs.*, github.action_path; conditions of == / != terms joined by &&,
# with !cancelled() true. uses: steps are not run: their resolved with: is printed instead.
# Prints one transcript line per step; exits with the exit code of the first step that fails.
import json, os, re, subprocess, sys, tempfile, yaml
action_file, inputs_json, log_path = sys.argv[1:]
action_dir = os.path.dirname(os.path.abspath(action_file))
action = yaml.safe_load(open(action_file, encoding="utf-8"))
inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
inputs.update(json.loads(inputs_json))
outputs, env = {}, dict(os.environ)

def value(ref):
    if ref.startswith("inputs.") and ref[7:] in inputs:
        return inputs[ref[7:]]
    m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", ref)
    if m:
        return outputs.get(m[1], {}).get(m[2], "")
    if ref == "github.action_path":
        return action_dir
    sys.exit(f"the local runner does not know {ref}: teach it")

def subst(text):
    return re.sub(r"\$\{\{\s*(.+?)\s*\}\}", lambda m: value(m[1]), str(text))

def holds(condition):
    condition = re.sub(r"^\$\{\{\s*(.*?)\s*\}\}$", r"\1", condition.strip())
    for term in (t.strip() for t in condition.split("&&")):
        if term == "!cancelled()":
            continue
        m = re.fullmatch(r"([\w.-]+)\s*(==|!=)\s*'([^']*)'", term)
        if not m:
            sys.exit(f"the local runner does not know the condition {term}: teach it")
        if (value(m[1]) == m[3]) != (m[2] == "=="):
            return False
    return True

def read_pairs(path):
    pairs = {}
    for line in open(path, encoding="utf-8"):
        key, _, val = line.rstrip("\n").partition("=")
        pairs[key] = val
    return pairs

with open(log_path, "a", encoding="utf-8") as log:
    for step in action["runs"]["steps"]:
        name = step["name"]
        if "if" in step and not holds(str(step["if"])):
            print(f"skipped: {name}")
            continue
        if "uses" in step:
            print(f"uses: {name}: " + json.dumps({k: subst(v) for k, v in step.get("with", {}).items()}, sort_keys=True))
            continue
        files = {k: tempfile.mkstemp(dir=env["RUNNER_TEMP"])[1] for k in ("GITHUB_OUTPUT", "GITHUB_ENV")}
        script = tempfile.mkstemp(dir=env["RUNNER_TEMP"], suffix=".sh")[1]
        open(script, "w", encoding="utf-8").write(step["run"])
        step_env = {**env, **files, **{k: subst(v) for k, v in step.get("env", {}).items()}}
        cwd = os.path.join(env["GITHUB_WORKSPACE"], subst(step.get("working-directory", ".")))
        log.write(f"--- {name}\n"); log.flush()
        code = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                              cwd=cwd, env=step_env, stdout=log, stderr=log).returncode
        if "id" in step:
            outputs[step["id"]] = read_pairs(files["GITHUB_OUTPUT"])
        env.update(read_pairs(files["GITHUB_ENV"]))
        print(f"ran: {name}: exit {code}")
        if code != 0:
            print("outputs: " + json.dumps(outputs, sort_keys=True))
            sys.exit(code)
    print("outputs: " + json.dumps(outputs, sort_keys=True))
PY
version=$(python3 -c 'import xml.etree.ElementTree as t; print(t.parse("pom.xml").find("{http://maven.apache.org/POM/4.0.0}version").text)')
archive="target/tfcheck-$version.tar.gz"
# run_action CASE INPUTS-JSON: the action's steps with those inputs; transcript in $work/CASE.out,
# the steps' output in $work/CASE.log, the job summary in $work/CASE.summary; returns the exit code.
run_action() {
  mkdir -p "$work/$1.temp"
  : > "$work/$1.summary"
  RUNNER_TEMP="$work/$1.temp" GITHUB_WORKSPACE="$root" GITHUB_STEP_SUMMARY="$work/$1.summary" \
    python3 "$work/run-action.py" action.yml "$2" "$work/$1.log" >"$work/$1.out" 2>&1
}
expect_run() { # CASE WHAT EXPECTED-EXIT EXPECTED-TRANSCRIPT
  local code=0
  run_action "$1" "$INPUTS" || code=$?
  if [ "$code:$(cat "$work/$1.out")" = "$3:$4" ]; then pass "the action, $2: exit $3, steps as expected"
  else
    fail "the action, $2: exit $code, steps:"; diff <(printf '%s\n' "$4") "$work/$1.out" | sed 's/^/    /' >&2
    sed 's/^/    | /' "$work/$1.log" >&2
  fi
}
if [ ! -f "$archive" ]; then
  fail "$archive is missing: run mvn package first"
else
  reports="$work/insecure.temp/tfcheck-reports/examples/insecure"
  INPUTS="{\"plans\": \"fixtures/reference/insecure.plan.json\", \"archive\": \"$archive\", \"sarif-category\": \"examples/insecure\"}" \
  expect_run insecure "insecure plan from the archive" 1 "uses: Set up Java: {\"distribution\": \"temurin\", \"java-version\": \"17\"}
skipped: Set up Go (to build the policies)
skipped: Build tfcheck from the action's source
ran: Fetch the tfcheck archive: exit 0
ran: Install tfcheck: exit 0
ran: Run tfcheck: exit 0
uses: Upload SARIF to code scanning: {\"category\": \"examples/insecure\", \"sarif_file\": \"$reports/tfcheck.sarif\"}
ran: Write the job summary: exit 0
ran: Pass on tfcheck's exit code: exit 1
outputs: {\"check\": {\"exit-code\": \"1\", \"markdown\": \"$reports/tfcheck.md\", \"sarif\": \"$reports/tfcheck.sarif\"}}"
  if python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); sys.exit(0 if d["version"] == "2.1.0" and d["runs"][0]["results"] else 1)' "$reports/tfcheck.sarif" 2>/dev/null; then
    pass "the action, insecure plan: a SARIF 2.1.0 report with results"
  else fail "the action, insecure plan: no SARIF 2.1.0 report with results at $reports/tfcheck.sarif"; fi
  if [ -s "$work/insecure.summary" ] && cmp -s "$reports/tfcheck.md" "$work/insecure.summary"; then
    pass "the action, insecure plan: the job summary is the Markdown report"
  else fail "the action, insecure plan: the job summary is not the Markdown report"; fi

  reports="$work/wagtail.temp/tfcheck-reports/tfcheck"
  INPUTS="{\"plans\": \"fixtures/reference/wagtail.plan.json\", \"archive\": \"$archive\", \"upload-sarif\": \"false\"}" \
  expect_run wagtail "wagtail plan, no upload" 0 "uses: Set up Java: {\"distribution\": \"temurin\", \"java-version\": \"17\"}
skipped: Set up Go (to build the policies)
skipped: Build tfcheck from the action's source
ran: Fetch the tfcheck archive: exit 0
ran: Install tfcheck: exit 0
ran: Run tfcheck: exit 0
skipped: Upload SARIF to code scanning
ran: Write the job summary: exit 0
skipped: Pass on tfcheck's exit code
outputs: {\"check\": {\"exit-code\": \"0\", \"markdown\": \"$reports/tfcheck.md\", \"sarif\": \"$reports/tfcheck.sarif\"}}"

  INPUTS="{\"plans\": \"no-such.plan.json\", \"archive\": \"$archive\"}" \
  expect_run missing "a missing plan" 2 "uses: Set up Java: {\"distribution\": \"temurin\", \"java-version\": \"17\"}
skipped: Set up Go (to build the policies)
skipped: Build tfcheck from the action's source
ran: Fetch the tfcheck archive: exit 0
ran: Install tfcheck: exit 0
ran: Run tfcheck: exit 0
skipped: Upload SARIF to code scanning
skipped: Write the job summary
ran: Pass on tfcheck's exit code: exit 2
outputs: {\"check\": {\"exit-code\": \"2\"}}"
fi

reports="$work/source.temp/tfcheck-reports/tfcheck"
INPUTS='{"plans": "fixtures/reference/wagtail.plan.json", "upload-sarif": "false", "java-version": "25"}' \
expect_run source "wagtail plan, built from source" 0 "uses: Set up Java: {\"distribution\": \"temurin\", \"java-version\": \"25\"}
uses: Set up Go (to build the policies): {\"cache\": \"False\", \"go-version\": \"1.25\"}
ran: Build tfcheck from the action's source: exit 0
skipped: Fetch the tfcheck archive
ran: Install tfcheck: exit 0
ran: Run tfcheck: exit 0
skipped: Upload SARIF to code scanning
ran: Write the job summary: exit 0
skipped: Pass on tfcheck's exit code
outputs: {\"check\": {\"exit-code\": \"0\", \"markdown\": \"$reports/tfcheck.md\", \"sarif\": \"$reports/tfcheck.sarif\"}}"

checks_summary
