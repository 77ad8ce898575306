#!/usr/bin/env bash
# The local Wagtail test, end to end on a fresh machine:
#   1. installs PostgreSQL and Chromium (scripts/install-tools.sh), the site's virtualenv with its
#      test tools, and playwright-core (no browser download: it drives Debian's Chromium);
#   2. runs the site's Python tests (pytest, no AWS and no database server needed);
#   3. validates reference-terraform/local/docker-compose.yml with `docker compose config -q`, or
#      where the machine has no compose plugin (nor engine) with reference-terraform/local/
#      composecheck: the same loader, compose-go, built from its Go module;
#   4. starts the site with scripts/run-local-wagtail.sh in a state directory of its own, checks
#      that /, /admin/login/ and /healthz/ answer 200 and a static file is served, runs
#      bootstrap_iam_user against that PostgreSQL (rds_iam created first, as only RDS has it);
#   5. renders /admin/login/ in headless Chromium: a screenshot, the DOM with the login form, no
#      console errors; then signs in through Playwright and checks the dashboard;
#   6. stops everything it started (trap on EXIT), whatever happened.
#
#   scripts/test-local-wagtail.sh
#
# Artifacts in test-artifacts/: wagtail-admin-login.png (chromium --screenshot), from Playwright
# wagtail-admin-login-playwright.png and wagtail-admin-dashboard.png, and the logs of a failed
# run. The last line is "local-wagtail: N passed, N failed".
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
app="$root/reference-terraform/app"
compose_file="$root/reference-terraform/local/docker-compose.yml"
venv="$root/.tools/venv-wagtail"
artifacts="$root/test-artifacts"
node_dir="$root/.tools/node-wagtail"

# Pinned here, like the versions in scripts/install-tools.sh.
PLAYWRIGHT_CORE_VERSION=1.65.1

CHROMIUM_FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync)

mkdir -p "$artifacts"
passed=0
failed=0
started_at=$SECONDS

say() { printf '\n== %s\n' "$*"; }
pass() { passed=$((passed + 1)); printf 'PASS %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
# check NAME CMD...: one counted check.
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }

# Everything this script starts, stopped on any exit.
state=$(mktemp -d "${TMPDIR:-/tmp}/wagtail-test-state.XXXXXX")
export WAGTAIL_LOCAL_STATE="$state"
export WAGTAIL_ADMIN_USER=admin
WAGTAIL_ADMIN_PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
export WAGTAIL_ADMIN_PASSWORD
compose_build_pid=""
scratch_dirs=()
cleanup() {
  local rc=$?
  if [ "$failed" -gt 0 ] || [ "$rc" -ne 0 ]; then
    cp "$state"/*.log "$artifacts/" 2>/dev/null || true
  fi
  "$root/scripts/run-local-wagtail.sh" stop >/dev/null 2>&1 || true
  rm -rf "$state" "${scratch_dirs[@]}"
  if [ -n "$compose_build_pid" ] && kill -0 "$compose_build_pid" 2>/dev/null; then
    kill -- -"$compose_build_pid" 2>/dev/null || kill "$compose_build_pid" 2>/dev/null || true
    wait "$compose_build_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# ---- docker compose: the engine's client is here, its compose plugin may not be ----------------
# Where `docker compose` works it validates the file. Where it does not (these machines have the
# docker client alone), reference-terraform/local/composecheck loads the file with compose-go,
# the library docker compose is built on, as `docker compose config -q` does. Building the whole
# compose plugin from source instead takes ten minutes and 1.4 GB on a fresh 2-core machine.
composecheck_src="$root/reference-terraform/local/composecheck"
composecheck="$root/.tools/composecheck/composecheck"

native_compose() { command -v docker >/dev/null && docker compose version >/dev/null 2>&1; }

build_composecheck() {
  local stamp="$composecheck.sha256" want
  want=$(cat "$composecheck_src"/go.mod "$composecheck_src"/go.sum "$composecheck_src"/*.go | sha256sum | cut -d' ' -f1)
  if [ -x "$composecheck" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  mkdir -p "$(dirname "$composecheck")"
  (cd "$composecheck_src" && CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath -o "$composecheck" .)
  echo "$want" > "$stamp"
}

# Started first, in the background: it compiles while apt and pip download.
if ! native_compose && command -v go >/dev/null; then
  say "building composecheck (compose-go) in the background"
  # In a session of its own, so that cleanup can stop go and its compilers together.
  setsid bash -c "set -euo pipefail; $(declare -p composecheck composecheck_src); $(declare -f build_composecheck); build_composecheck" \
    >"$state/composecheck-build.log" 2>&1 &
  compose_build_pid=$!
fi

# ---- 1. tools -------------------------------------------------------------------------------------
say "installing PostgreSQL, Chromium, the site's virtualenv and playwright-core"
"$root/scripts/install-tools.sh" postgresql chromium
"$root/scripts/run-local-wagtail.sh" setup --dev
if [ "$(cat "$node_dir/.version" 2>/dev/null)" != "$PLAYWRIGHT_CORE_VERSION" ] || [ ! -d "$node_dir/node_modules/playwright-core" ]; then
  mkdir -p "$node_dir"
  (cd "$node_dir" && npm install --no-save --no-audit --no-fund --silent "playwright-core@$PLAYWRIGHT_CORE_VERSION")
  echo "$PLAYWRIGHT_CORE_VERSION" > "$node_dir/.version"
fi

# ---- 2. the site's Python tests -------------------------------------------------------------------
say "pytest (unit tests: settings, IAM backend with boto3 mocked, /healthz/, container files)"
check "pytest unit tests" bash -c "cd '$app' && '$venv/bin/python' -m pytest -q -p no:cacheprovider"

# ---- 3. docker-compose.yml ------------------------------------------------------------------------
broken="$state/docker-compose.broken.yml"
# The validator must also say no: the same file with a misspelt depends_on condition.
sed 's/service_completed_successfully/service_completed_succesfully/' "$compose_file" > "$broken"
compose_dir=$(dirname "$compose_file")
if native_compose; then
  say "docker compose config -q"
  check "docker compose config -q accepts docker-compose.yml" docker compose -f "$compose_file" config -q
  check "docker compose config -q rejects a misspelt condition" \
    bash -c "! docker compose -f '$broken' --project-directory '$compose_dir' config -q 2>/dev/null"
elif [ -n "$compose_build_pid" ]; then
  say "no docker compose plugin here: composecheck (compose-go, as docker compose config -q)"
  if wait "$compose_build_pid"; then
    check "composecheck accepts docker-compose.yml" "$composecheck" "$compose_file"
    check "composecheck rejects a misspelt condition" \
      bash -c "! '$composecheck' -project-directory '$compose_dir' '$broken' 2>/dev/null"
  else
    cat "$state/composecheck-build.log"
    fail "composecheck did not build"
  fi
  compose_build_pid=""
else
  fail "neither docker compose nor Go to validate docker-compose.yml with"
fi

# ---- 4. the site, for real ------------------------------------------------------------------------
say "starting the site (scripts/run-local-wagtail.sh start)"
"$root/scripts/run-local-wagtail.sh" start
# shellcheck disable=SC1091
. "$state/state.env"

http_code() { curl --silent --output /dev/null --max-time 20 --write-out '%{http_code}' "$1"; }
answers_200() { local code; code=$(http_code "$1"); [ "$code" = 200 ] || { echo "  $1 answered $code"; return 1; }; }
check "/ answers 200" answers_200 "$URL"
check "/admin/login/ answers 200" answers_200 "${URL}admin/login/"
check "/healthz/ answers 200" answers_200 "${URL}healthz/"
check "/healthz/ answers 200 for a Host not in ALLOWED_HOSTS (a load balancer's check)" \
  bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: 10.0.12.34' '${URL}healthz/')\" = 200 ]"
login_html=$(curl --silent --max-time 20 "${URL}admin/login/")
css_path=$(grep -o '/static/wagtailadmin/css/core\.[0-9a-f]*\.css' <<<"$login_html" | head -n1 || true)
static_served() { [ -n "$css_path" ] || { echo "  no hashed core.css in the login page"; return 1; }; answers_200 "${URL}${css_path#/}"; }
check "a hashed static file is served by WhiteNoise (${css_path:-none})" static_served

say "bootstrap_iam_user against this PostgreSQL"
check "pytest -m postgres (bootstrap_iam_user creates the IAM user and grants)" \
  env TEST_POSTGRES_HOST=127.0.0.1 TEST_POSTGRES_PORT="$PG_PORT" TEST_POSTGRES_SUPERUSER=postgres \
  TEST_POSTGRES_PASSWORD="$PG_SUPERUSER_PASSWORD" \
  bash -c "cd '$app' && '$venv/bin/python' -m pytest -q -p no:cacheprovider -m postgres -rs tests/test_bootstrap_iam_user.py | tee '$state/pytest-postgres.log'; s=\${PIPESTATUS[0]}; [ \$s -eq 0 ] && ! grep -q skipped '$state/pytest-postgres.log'"

# ---- 5. the admin in Chromium ---------------------------------------------------------------------
say "headless Chromium: /admin/login/"
profile=$(mktemp -d); scratch_dirs+=("$profile")
shot="$artifacts/wagtail-admin-login.png"
rm -f "$shot"
timeout 120 chromium "${CHROMIUM_FLAGS[@]}" --user-data-dir="$profile" --hide-scrollbars \
  --window-size=1280,900 --screenshot="$shot" "${URL}admin/login/" >"$state/chromium-screenshot.log" 2>&1 || true
check "screenshot saved to test-artifacts/wagtail-admin-login.png" \
  bash -c "[ -s '$shot' ] && [ \"\$(head -c 8 '$shot' | od -An -tx1 | tr -d ' \n')\" = 89504e470d0a1a0a ]"

profile=$(mktemp -d); scratch_dirs+=("$profile")
timeout 120 chromium "${CHROMIUM_FLAGS[@]}" --user-data-dir="$profile" --enable-logging=stderr --v=0 \
  --virtual-time-budget=5000 --dump-dom "${URL}admin/login/" >"$state/dom.html" 2>"$state/chromium-dom.log" || true
dom_has() { grep -q -- "$1" "$state/dom.html" || { echo "  the rendered DOM lacks $1"; return 1; }; }
check "rendered DOM has the Wagtail sign-in form" \
  bash -c "$(declare -f dom_has); state='$state'; dom_has '<title>Sign in - Wagtail' && dom_has 'name=\"username\"' && dom_has 'name=\"password\"' && dom_has 'type=\"submit\"'"
no_console_errors() {
  local errors
  errors=$(grep -E 'CONSOLE' "$state/chromium-dom.log" | grep -E 'Uncaught|Failed to load resource|Error' || true)
  [ -z "$errors" ] || { echo "$errors"; return 1; }
}
check "no console errors while rendering /admin/login/ (chromium --enable-logging)" no_console_errors

say "Playwright + Chromium: console, requests, sign in, dashboard"
check "admin login in a real browser (no console errors or failed requests; dashboard after sign-in)" \
  env PLAYWRIGHT_CORE="$node_dir/node_modules/playwright-core" \
  node "$app/tests/browser/admin_login.cjs" "$URL" "$ADMIN_USER" "$ADMIN_PASSWORD" "$artifacts"

# ---- 6. stop ------------------------------------------------------------------------------------
say "stopping"
"$root/scripts/run-local-wagtail.sh" stop
stopped() { ! kill -0 "$GUNICORN_PID" 2>/dev/null && [ ! -e "$PGROOT" ]; }
check "stop leaves no gunicorn and no database behind" stopped

echo
echo "took $((SECONDS - started_at)) s; screenshot: test-artifacts/wagtail-admin-login.png"
echo "local-wagtail: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
