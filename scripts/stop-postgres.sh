#!/usr/bin/env bash
# Stops the test cluster started by start-postgres.sh (fast shutdown: active sessions are ended,
# data is flushed). With --purge also deletes the cluster folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres-common.sh"

purge=false
case "${1:-}" in
  "") ;;
  --purge) purge=true ;;
  *) die "usage: $0 [--purge]" ;;
esac

bin="$(find_pg_bin)" || die "PostgreSQL binaries not found; nothing to stop"
choose_pg_root

if [[ -n "$(running_port "$bin")" ]]; then
  log "stopping PostgreSQL ($PG_DATA)"
  as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >&2 || die "pg_ctl stop failed; see $PG_LOG"
else
  log "PostgreSQL is not running ($PG_DATA)"
fi

if [[ "$purge" == true && -d "$PG_ROOT" ]]; then
  log "removing $PG_ROOT"
  rm -rf -- "$PG_ROOT"
fi
