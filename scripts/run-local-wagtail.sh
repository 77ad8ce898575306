#!/usr/bin/env bash
# Runs the Wagtail site in reference-terraform/app for real, without Docker: a virtualenv from
# its pinned requirements, Debian's PostgreSQL on loopback in a throwaway data directory,
# collectstatic, migrate, a superuser, and gunicorn with the production settings module.
#
#   scripts/run-local-wagtail.sh start          # prints the URL and the admin login
#   scripts/run-local-wagtail.sh status         # exit 0 while it runs, 3 when it does not
#   scripts/run-local-wagtail.sh stop           # stops gunicorn and PostgreSQL, deletes the database
#   scripts/run-local-wagtail.sh env            # the site's environment, for running manage.py by hand
#   scripts/run-local-wagtail.sh manage ARGS... # manage.py ARGS with that environment
#   scripts/run-local-wagtail.sh setup [--dev]  # only the virtualenv (--dev: with the test tools)
#
# Environment:
#   WAGTAIL_LOCAL_STATE     where this instance keeps its state (default .tools/wagtail-local);
#                           one instance per state directory
#   WAGTAIL_ADMIN_USER      the superuser's name (default admin)
#   WAGTAIL_ADMIN_PASSWORD  its password (default: random, printed by start and status)
#
# As root, PostgreSQL runs as the postgres user (initdb refuses root). Nothing listens beyond
# 127.0.0.1. docs/local-wagtail.md has the rest, including the Docker compose way.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
app="$root/reference-terraform/app"
venv="$root/.tools/venv-wagtail"
state="${WAGTAIL_LOCAL_STATE:-$root/.tools/wagtail-local}"
state_file="$state/state.env"
env_file="$state/wagtail.env"

log() { printf 'run-local-wagtail: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

random_token() { python3 -c 'import secrets, sys; print(secrets.token_hex(int(sys.argv[1])))' "${1:-16}"; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# setup [--dev]: the virtualenv, reinstalled only when its requirements file changed.
setup() {
  local req="$app/requirements.txt"
  [ "${1:-}" = "--dev" ] && req="$app/requirements-dev.txt"
  local stamp="$venv/.stamp-$(basename "$req")" want
  want=$(cat "$app/requirements.txt" "$req" | sha256sum | cut -d' ' -f1)
  if [ -x "$venv/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then return 0; fi
  log "virtualenv $venv from $(basename "$req")"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --requirement "$req"
  echo "$want" > "$stamp"
  # requirements-dev.txt includes requirements.txt: that one is installed too.
  cat "$app/requirements.txt" "$app/requirements.txt" | sha256sum | cut -d' ' -f1 > "$venv/.stamp-requirements.txt"
}

# The newest PostgreSQL server on the machine, installed from Debian's packages if there is none.
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    "$root/scripts/install-tools.sh" postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
  fi
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "no PostgreSQL server binaries under /usr/lib/postgresql"
  echo "$dir"
}

# as_pg CMD...: run a PostgreSQL server command as a user initdb accepts.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the postgres user (Debian's postgresql package makes it)"
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

load_state() {
  [ -f "$state_file" ] || return 1
  # shellcheck disable=SC1090
  . "$state_file"
}

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

running() {
  load_state || return 1
  alive "${GUNICORN_PID:-}" && [ -f "${PGDATA:-/nonexistent}/postmaster.pid" ] \
    && as_pg "$PG_BINDIR/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
}

print_info() {
  cat <<EOF
Wagtail is running at $URL
  admin:       ${URL}admin/  (user $ADMIN_USER, password $ADMIN_PASSWORD)
  health:      ${URL}healthz/
  PostgreSQL:  127.0.0.1:$PG_PORT, database wagtail (superuser postgres, password $PG_SUPERUSER_PASSWORD)
  logs:        $state/gunicorn.log, $PGROOT/postgres.log
  manage.py:   scripts/run-local-wagtail.sh manage <command>
  stop with:   scripts/run-local-wagtail.sh stop
EOF
}

# write_vars FILE NAME...: NAME=value lines, quoted for the shell.
write_vars() {
  local file=$1 name; shift
  : > "$file"
  chmod 600 "$file"
  for name in "$@"; do printf '%s=%q\n' "$name" "${!name}" >> "$file"; done
}

with_site_env() {
  [ -f "$env_file" ] || die "not started: no $env_file"
  (set -a; . "$env_file"; set +a; cd "$app"; exec "$@")
}

manage() { with_site_env "$venv/bin/python" manage.py "$@"; }

start() {
  if running; then print_info; return 0; fi
  if [ -f "$state_file" ]; then log "cleaning up a previous instance that is no longer running"; stop >/dev/null; fi
  setup
  PG_BINDIR=$(pg_bindir)
  mkdir -p "$state"

  PGROOT=$(mktemp -d "${TMPDIR:-/tmp}/wagtail-postgres.XXXXXX")
  PGDATA="$PGROOT/data"
  PG_PORT=$(free_port)
  PG_SUPERUSER_PASSWORD=$(random_token)
  ADMIN_USER=${WAGTAIL_ADMIN_USER:-admin}
  ADMIN_PASSWORD=${WAGTAIL_ADMIN_PASSWORD:-$(random_token 9)}
  GUNICORN_PID=""
  WEB_PORT=""
  URL=""
  save_state() {
    write_vars "$state_file" PG_BINDIR PGROOT PGDATA PG_PORT PG_SUPERUSER_PASSWORD ADMIN_USER ADMIN_PASSWORD \
      GUNICORN_PID WEB_PORT URL
  }
  save_state
  trap 'start_failed' EXIT

  log "PostgreSQL $(basename "$(dirname "$PG_BINDIR")") on 127.0.0.1:$PG_PORT, data in $PGDATA"
  printf '%s\n' "$PG_SUPERUSER_PASSWORD" > "$PGROOT/pwfile"
  chmod 600 "$PGROOT/pwfile"
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$PGROOT"
  as_pg "$PG_BINDIR/initdb" --pgdata="$PGDATA" --username=postgres --auth=scram-sha-256 \
    --pwfile="$PGROOT/pwfile" --encoding=UTF8 --no-locale >"$state/initdb.log"
  rm -f "$PGROOT/pwfile"
  # A throwaway database: no Unix socket (nothing shared with a system cluster), no fsync.
  as_pg "$PG_BINDIR/pg_ctl" --pgdata="$PGDATA" --log="$PGROOT/postgres.log" --wait --timeout=60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null

  # The application's own user and database, as on AWS (there it logs in with IAM tokens).
  local db_password; db_password=$(random_token)
  PGPASSWORD=$PG_SUPERUSER_PASSWORD "$PG_BINDIR/psql" --quiet --no-psqlrc -v ON_ERROR_STOP=1 \
    --host=127.0.0.1 --port="$PG_PORT" --username=postgres --dbname=postgres \
    -c "CREATE ROLE wagtail LOGIN PASSWORD '$db_password'" \
    -c "CREATE DATABASE wagtail OWNER wagtail"

  WEB_PORT=$(free_port)
  URL="http://127.0.0.1:$WEB_PORT/"
  save_state
  # The variables the ECS task sets, with local values: password login, no TLS, plain HTTP.
  DJANGO_SETTINGS_MODULE=wagtail_site.settings.production
  DJANGO_SECRET_KEY=$(random_token 32)
  ALLOWED_HOSTS=127.0.0.1,localhost
  WAGTAILADMIN_BASE_URL="http://127.0.0.1:$WEB_PORT"
  DJANGO_SECURE_COOKIES=false
  DATABASE_HOST=127.0.0.1
  DATABASE_PORT=$PG_PORT
  DATABASE_NAME=wagtail
  DATABASE_USER=wagtail
  DATABASE_PASSWORD=$db_password
  DATABASE_IAM_AUTH=false
  DATABASE_SSLMODE=disable
  DJANGO_STATIC_ROOT="$state/static"
  DJANGO_MEDIA_ROOT="$state/media"
  write_vars "$env_file" DJANGO_SETTINGS_MODULE DJANGO_SECRET_KEY ALLOWED_HOSTS WAGTAILADMIN_BASE_URL \
    DJANGO_SECURE_COOKIES DATABASE_HOST DATABASE_PORT DATABASE_NAME DATABASE_USER DATABASE_PASSWORD \
    DATABASE_IAM_AUTH DATABASE_SSLMODE DJANGO_STATIC_ROOT DJANGO_MEDIA_ROOT

  log "collectstatic"
  manage collectstatic --noinput >"$state/collectstatic.log"
  log "migrate (the one-off task on AWS; never part of the web command)"
  manage migrate --noinput >"$state/migrate.log"
  log "superuser $ADMIN_USER"
  DJANGO_SUPERUSER_PASSWORD=$ADMIN_PASSWORD manage createsuperuser --noinput \
    --username "$ADMIN_USER" --email "$ADMIN_USER@example.com" >/dev/null

  log "gunicorn on 127.0.0.1:$WEB_PORT"
  # In its own session, so that it outlives this script; gunicorn.conf.py is read from $app.
  # The subshell execs setsid, which execs gunicorn: $! is the gunicorn master.
  (set -a; . "$env_file"; set +a; cd "$app"
   exec setsid nohup "$venv/bin/gunicorn" wagtail_site.wsgi:application \
     --bind "127.0.0.1:$WEB_PORT" --workers 2 --pid "$state/gunicorn.pid" \
     --access-logfile "$state/gunicorn-access.log" --error-logfile "$state/gunicorn.log") \
    </dev/null >>"$state/gunicorn.log" 2>&1 &
  GUNICORN_PID=$!
  save_state

  local i
  for i in $(seq 1 120); do
    if curl --silent --fail --max-time 2 --output /dev/null "${URL}healthz/"; then break; fi
    alive "$GUNICORN_PID" || { log "gunicorn exited"; false; }
    [ "$i" -lt 120 ] || { log "gunicorn did not answer /healthz/ within 60 s"; false; }
    sleep 0.5
  done
  trap - EXIT
  print_info
}

# The EXIT trap while start runs: whatever failed, leave nothing running.
start_failed() {
  trap - EXIT
  log "start failed; the last lines of the logs:"
  tail -n 20 "$state"/*.log "${PGROOT:-/nonexistent}/postgres.log" 2>/dev/null >&2 || true
  stop >/dev/null 2>&1 || true
  exit 1
}

stop() {
  if ! load_state; then echo "not running"; return 0; fi
  if alive "${GUNICORN_PID:-}"; then
    kill -TERM "$GUNICORN_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 40); do alive "$GUNICORN_PID" || break; sleep 0.25; done
    alive "$GUNICORN_PID" && kill -KILL "$GUNICORN_PID" 2>/dev/null || true
  fi
  if [ -n "${PGDATA:-}" ] && [ -f "$PGDATA/postmaster.pid" ]; then
    as_pg "$PG_BINDIR/pg_ctl" --pgdata="$PGDATA" --mode=fast --wait stop >/dev/null 2>&1 || true
  fi
  # Only what start made: the data directory under its mktemp root, and the state files.
  case "${PGROOT:-}" in
    */wagtail-postgres.*) rm -rf "$PGROOT" ;;
  esac
  rm -rf "$state/static" "$state/media"
  rm -f "$state"/*.log "$state/gunicorn.pid" "$env_file" "$state_file"
  rmdir "$state" 2>/dev/null || true
  echo "stopped"
}

status() {
  if running; then print_info; return 0; fi
  echo "not running"
  return 3
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) load_state || die "not started"; cat "$env_file" ;;
  manage) load_state || die "not started"; manage "$@" ;;
  setup) setup "$@" ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
