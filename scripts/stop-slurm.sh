#!/usr/bin/env bash
# Stops the single-node Slurm started by scripts/start-slurm.sh, by the pids in its pid files.
#
#   scripts/stop-slurm.sh             stop slurmd, slurmctld and munged
#   scripts/stop-slurm.sh slurmctld   stop only the controller (tests use this to see how the
#                                     adapters behave while it is down; start-slurm.sh restarts it)
#   scripts/stop-slurm.sh slurmd|munged
#
# Idempotent: a daemon that is not running is reported and skipped. SIGTERM first, SIGKILL after
# 20 s. Job state survives in the StateSaveLocation, so a restart finds the jobs again.
set -euo pipefail

SCRIPT_NAME=stop-slurm
# shellcheck source=lib/slurm-common.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib/slurm-common.sh"

stop_daemon() {
    local name="$1" file="$2" pid
    if [[ -z "$file" || ! -s "$file" ]]; then
        say "$name is not running (no pid file)"
        return 0
    fi
    pid="$(tr -d '[:space:]' <"$file")"
    if ! alive_pid "$pid"; then
        say "$name is not running (stale pid $pid)"
        rm -f "$file"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
        if ! alive_pid "$pid"; then
            rm -f "$file"
            say "$name stopped (pid $pid)"
            return 0
        fi
        sleep 0.2
    done
    say "$name did not stop on SIGTERM within 20 s; sending SIGKILL to pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
        if ! alive_pid "$pid"; then
            rm -f "$file"
            say "$name killed (pid $pid)"
            return 0
        fi
        sleep 0.2
    done
    fail "$name (pid $pid) is still alive after SIGKILL"
}

[[ "$(id -u)" == 0 ]] || fail "must run as root."

what="${1:-all}"
ctld_pid="" d_pid=""
if [[ -f "$CONF" ]]; then
    grep -qF "$MARKER" "$CONF" || fail "$CONF was not written by start-slurm.sh; not touching a real site's Slurm."
    ctld_pid="$(conf_value SlurmctldPidFile)"
    d_pid="$(conf_value SlurmdPidFile)"
fi

case "$what" in
all)
    stop_daemon slurmd "$d_pid"
    stop_daemon slurmctld "$ctld_pid"
    stop_daemon munged "$MUNGE_PID"
    ;;
slurmctld) stop_daemon slurmctld "$ctld_pid" ;;
slurmd) stop_daemon slurmd "$d_pid" ;;
munged) stop_daemon munged "$MUNGE_PID" ;;
*) fail "unknown daemon '$what' (expected all, slurmctld, slurmd or munged)" ;;
esac
