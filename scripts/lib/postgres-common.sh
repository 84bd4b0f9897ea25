# Shared by start-postgres.sh and stop-postgres.sh; sourced, not run.
# Decides where the throwaway test cluster lives and how to run PostgreSQL's tools.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PG_ROOT="${CONDORACTORS_PG_DIR:-$REPO_ROOT/.pg}"
PG_DATA="$PG_ROOT/data"
PG_RUN="$PG_ROOT/run"
PG_LOG="$PG_ROOT/postgres.log"
PG_DATABASE="${CONDORACTORS_PG_DATABASE:-condoractors_test}"
PG_SUPERUSER="postgres"

log() { printf '%s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The newest installed server binaries (Debian keeps them out of PATH, in /usr/lib/postgresql/N/bin).
find_pg_bin() {
  if [[ -n "${PG_BIN:-}" && -x "$PG_BIN/pg_ctl" ]]; then
    printf '%s\n' "$PG_BIN"
    return 0
  fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/pg_ctl" && -x "$dir/initdb" ]]; then
    printf '%s\n' "$dir"
    return 0
  fi
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return 0
  fi
  return 1
}

# initdb and pg_ctl refuse to run as root: as root, run them as the postgres user (argv passed
# through unchanged, no shell string); as anyone else, run them as that user.
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u "$PG_SUPERUSER" -- "$@"
  else
    "$@"
  fi
}

# The postgres user must be able to reach the cluster folder; a repository under a private home
# (e.g. /root) is not reachable, so fall back to a folder under /tmp named after the repository.
choose_pg_root() {
  if [[ "$(id -u)" -eq 0 && -z "${CONDORACTORS_PG_DIR:-}" ]]; then
    if ! runuser -u "$PG_SUPERUSER" -- test -x "$REPO_ROOT" 2>/dev/null; then
      local tag
      tag="$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-12)"
      PG_ROOT="/tmp/condoractors-pg-$tag"
      PG_DATA="$PG_ROOT/data"
      PG_RUN="$PG_ROOT/run"
      PG_LOG="$PG_ROOT/postgres.log"
      log "note: user '$PG_SUPERUSER' cannot reach $REPO_ROOT; using $PG_ROOT for the cluster"
    fi
  fi
}

# Port of the running server, from postmaster.pid (line 4), empty when none runs.
running_port() {
  local bin="$1"
  if [[ -f "$PG_DATA/postmaster.pid" ]] && as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    sed -n '4p' "$PG_DATA/postmaster.pid"
  fi
}
