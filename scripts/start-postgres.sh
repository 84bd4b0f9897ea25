#!/usr/bin/env bash
# Starts (or finds already running) a throwaway PostgreSQL cluster for the test suite:
# project-local folder ($REPO/.pg, or $CONDORACTORS_PG_DIR), 127.0.0.1 only, a free port, trust
# authentication on loopback, database condoractors_test, no systemd. Installs Debian's
# `postgresql` package when the server binaries are missing (needs root).
# Progress goes to stderr; the last line on stdout is the Npgsql connection string.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres-common.sh"

install_postgres() {
  if [[ "$(id -u)" -ne 0 ]]; then
    die "PostgreSQL server binaries not found and not running as root; install them with: sudo apt-get install -y --no-install-recommends postgresql"
  fi
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL server binaries not found and apt-get is not available; install PostgreSQL 15 and set PG_BIN"
  log "installing Debian's postgresql package (apt-get update; apt-get install postgresql)"
  DEBIAN_FRONTEND=noninteractive apt-get update >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2 \
    || die "apt-get install postgresql failed"
}

port_is_free() {
  # A refused connection means nothing listens there.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_free_port() {
  local port tries
  for tries in $(seq 1 200); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 30000 ))
    if port_is_free "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  return 1
}

init_cluster() {
  local bin="$1"
  log "creating cluster in $PG_DATA"
  mkdir -p "$PG_ROOT"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown "$PG_SUPERUSER": "$PG_ROOT"
  fi
  as_pg mkdir -p "$PG_RUN"
  as_pg "$bin/initdb" -D "$PG_DATA" -U "$PG_SUPERUSER" --auth=trust --encoding=UTF8 --no-locale >&2 \
    || die "initdb failed (see messages above)"
  # Our settings live in their own file so a re-run can change the port without editing postgresql.conf.
  printf "include_if_exists = 'condoractors.conf'\n" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
}

write_settings() {
  local port="$1"
  as_pg tee "$PG_DATA/condoractors.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$PG_RUN'
max_connections = 200
fsync = on
CONF
}

start_server() {
  local bin="$1" port attempt
  for attempt in 1 2 3; do
    port="$(pick_free_port)" || die "no free TCP port found on 127.0.0.1"
    write_settings "$port"
    log "starting PostgreSQL on 127.0.0.1:$port (log: $PG_LOG)"
    # 9>&-: the server must not inherit the start lock, or it would hold it for its lifetime.
    if as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >&2 9>&-; then
      return 0
    fi
    log "start failed (attempt $attempt); last log lines:"
    tail -n 5 "$PG_LOG" >&2 2>/dev/null || true
  done
  die "PostgreSQL did not start; see $PG_LOG"
}

wait_until_ready() {
  local bin="$1" port="$2" i
  for i in $(seq 1 60); do
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U "$PG_SUPERUSER"; then
      return 0
    fi
    sleep 0.5
  done
  die "PostgreSQL on port $port does not accept connections; see $PG_LOG"
}

ensure_database() {
  local bin="$1" port="$2" exists
  exists="$("$bin/psql" -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" -d postgres -tAX \
    -v ON_ERROR_STOP=1 -v db="$PG_DATABASE" <<'SQL'
SELECT 1 FROM pg_database WHERE datname = :'db';
SQL
)" || die "cannot query the server on port $port"
  if [[ "$exists" != "1" ]]; then
    log "creating database $PG_DATABASE"
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$PG_SUPERUSER" "$PG_DATABASE" >&2 \
      || die "createdb $PG_DATABASE failed"
  fi
}

main() {
  local bin port
  bin="$(find_pg_bin)" || { install_postgres; bin="$(find_pg_bin)" || die "PostgreSQL binaries still missing after install"; }
  choose_pg_root
  mkdir -p "$PG_ROOT"

  # Two test runs starting at once must not both initdb or start: serialize on a lock file.
  exec 9>"$PG_ROOT/.start.lock"
  flock -w 300 9 || die "another start-postgres.sh holds $PG_ROOT/.start.lock"

  [[ -f "$PG_DATA/PG_VERSION" ]] || init_cluster "$bin"

  port="$(running_port "$bin")"
  if [[ -n "$port" ]]; then
    log "PostgreSQL already running on 127.0.0.1:$port ($PG_DATA)"
  else
    # A stale postmaster.pid after a crash is handled by pg_ctl itself.
    start_server "$bin"
    port="$(running_port "$bin")"
    [[ -n "$port" ]] || die "PostgreSQL started but reports no port; see $PG_LOG"
  fi

  wait_until_ready "$bin" "$port"
  ensure_database "$bin" "$port"
  printf 'Host=127.0.0.1;Port=%s;Username=%s;Database=%s\n' "$port" "$PG_SUPERUSER" "$PG_DATABASE"
}

main "$@"
