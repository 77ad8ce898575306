#!/usr/bin/env bash
# The HTML report in a real browser, end to end:
#   1. installs Chromium (Debian's, scripts/install-tools.sh) and playwright-core (no browser
#      download: it drives /usr/bin/chromium);
#   2. runs the jar (./tfcheck builds it when the sources changed) on the reference plans (the
#      insecure one with its Terraform and waivers), both in one run, a plan with markup in an
#      address, and the 10,000-resource plan: each run writes the HTML report and, for the checks
#      to compare with, the JSON report;
#   3. opens each report headless (scripts/browser/html-report.cjs): it renders, makes no request
#      and logs no error, its counts and filters agree with the JSON report, the per-resource
#      detail lists every rule of an address, printing shows everything, hostile text stays text,
#      and the 10k report is interactive and filters within bounds (the numbers are printed).
#
#   scripts/test-html-report.sh
#
# Artifacts in test-artifacts/: html-report-insecure.png (the README's picture, docs/html-report.png),
# html-report-insecure-full.png, html-report-detail.png, html-report-10k.png,
# html-report-insecure.pdf. The last line is "html-report: N passed, N failed".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
node_dir="$root/.tools/node-playwright"
artifacts="$root/test-artifacts"

# Pinned here, like the versions in scripts/install-tools.sh (the same as test-local-wagtail.sh's).
PLAYWRIGHT_CORE_VERSION=1.65.1

"$root/scripts/install-tools.sh" chromium
if [ "$(cat "$node_dir/.version" 2>/dev/null)" != "$PLAYWRIGHT_CORE_VERSION" ] || [ ! -d "$node_dir/node_modules/playwright-core" ]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-save --no-audit --no-fund --silent \
    "playwright-core@$PLAYWRIGHT_CORE_VERSION")
  echo "$PLAYWRIGHT_CORE_VERSION" > "$node_dir/.version"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"

# The jar first, so that a build failure is not taken for findings (both exit 1).
./tfcheck version > /dev/null

# report NAME PLAN...: NAME.html and NAME.json of one run that exited 0 (clean) or 1 (findings).
report() {
  local name=$1 status=0
  shift
  ./tfcheck "$@" --format json --output "html=$work/$name.html" > "$work/$name.json" || status=$?
  if [ "$status" -gt 1 ] || [ ! -s "$work/$name.html" ] || [ ! -s "$work/$name.json" ]; then
    echo "html-report: tfcheck $* exited $status without both reports" >&2
    exit 1
  fi
}
report insecure fixtures/reference/insecure.plan.json --source-dir reference-terraform/examples/insecure \
  --config scripts/browser/insecure.tfcheck.yaml --today 2026-06-01
report wagtail fixtures/reference/wagtail.plan.json
report both fixtures/reference/wagtail.plan.json fixtures/reference/insecure.plan.json
report hostile scripts/browser/hostile.plan.json
report 10k fixtures/shared-reference/plan-10k.json.gz

PLAYWRIGHT_CORE="$node_dir/node_modules/playwright-core" node scripts/browser/html-report.cjs "$work" "$artifacts"
