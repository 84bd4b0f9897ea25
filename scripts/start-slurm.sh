#!/usr/bin/env bash
# Starts a single-node Slurm (munged, slurmctld, slurmd) on 127.0.0.1 for development and for the
# Slurm integration tests, installing Debian's packages first when they are missing.
#
# Idempotent: daemons that already run are left alone; the script ends when `sinfo` shows the
# node idle (or mixed/allocated: jobs of an earlier run may still be there). Exit code 0 means
# "Slurm answers"; anything else comes with a message on stderr that says what failed.
#
# The configuration is written to /etc/slurm/slurm.conf (the default path, so sbatch, squeue and
# the controller need no SLURM_CONF) and only when no Slurm daemon is running; state, logs and
# the job-completion file live under $CONDORACTORS_SLURM_DIR (default: <repo>/.slurm).
# Must run as root (apt-get, the munge user, SlurmUser=root).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="${CONDORACTORS_SLURM_DIR:-$REPO/.slurm}"
NODE="$(hostname -s)"
WAIT_SECONDS="${SLURM_START_TIMEOUT:-90}"
SCRIPT_NAME=start-slurm
# shellcheck source=lib/slurm-common.sh
source "$REPO/scripts/lib/slurm-common.sh"

# Waits for a daemon's pid file: daemons write it a moment after the start command returns.
wait_pidfile() {
    local file="$1" name="$2" log="$3"
    for _ in $(seq 1 50); do
        if alive_from_pidfile "$file"; then
            return 0
        fi
        sleep 0.2
    done
    echo "start-slurm: ERROR: $name did not start (no live pid in $file)." >&2
    if [[ -n "$log" && -f "$log" ]]; then
        echo "start-slurm: last lines of $log:" >&2
        tail -n 20 "$log" >&2
    fi
    exit 1
}

[[ "$(id -u)" == 0 ]] || fail "must run as root (installs packages, runs munged as 'munge', slurmd as root)."

install_packages() {
    local missing=()
    for tool in slurmctld slurmd sbatch munged; do
        if ! command -v "$tool" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$tool" ]]; then
            missing+=("$tool")
        fi
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    say "installing Slurm and munge (missing: ${missing[*]})"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq || fail "apt-get update failed"
    # The slurm-wlm metapackage would drag in -dev packages; these four are enough.
    apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >/dev/null ||
        fail "apt-get install slurmctld slurmd slurm-client munge failed"
}

start_munge() {
    if alive_from_pidfile "$MUNGE_PID"; then
        say "munged already running (pid $(cat "$MUNGE_PID"))"
        return 0
    fi
    if [[ ! -s /etc/munge/munge.key ]]; then
        say "creating the munge key"
        mungekey --create --keyfile=/etc/munge/munge.key || fail "could not create /etc/munge/munge.key"
    fi
    chown munge:munge /etc/munge/munge.key
    chmod 0400 /etc/munge/munge.key
    install -d -o munge -g munge -m 0755 /run/munge
    install -d -o munge -g munge -m 0700 /var/log/munge /var/lib/munge
    # --force: a munged killed by SIGKILL leaves its socket behind and refuses to start without it.
    runuser -u munge -- /usr/sbin/munged --force || fail "munged failed to start (see /var/log/munge/munged.log)"
    wait_pidfile "$MUNGE_PID" munged /var/log/munge/munged.log
    munge -n | unmunge >/dev/null || fail "munge does not work (munge -n | unmunge failed)"
    say "munged started"
}

write_config() {
    if [[ -f "$CONF" ]] && ! grep -qF "$MARKER" "$CONF"; then
        fail "$CONF exists and was not written by this script; refusing to overwrite a real site's configuration."
    fi
    local cpus=8
    mkdir -p "$CONF_DIR" "$STATE/ctld" "$STATE/d" "$STATE/run" "$STATE/log"
    local tmp
    tmp="$(mktemp)"
    cat >"$tmp" <<EOF
$MARKER (regenerated on every cold start; edit the script, not this file).
ClusterName=condoractors
SlurmctldHost=$NODE(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
MailProg=/bin/true
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/run/slurmctld.pid
SlurmdPidFile=$STATE/run/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
# No cgroups, no accounting daemon: this is a container without systemd.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
# One permanent line per finished job, which survives purges and restarts.
JobCompType=jobcomp/filetxt
JobCompLoc=$STATE/log/jobcomp.txt
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
# Trust the CPUs below although the machine has fewer (else the node is drained as INVAL).
SlurmdParameters=config_overrides
ReturnToService=2
JobRequeue=0
# Without batch_sched_delay=0 job starts fall on a 3 s cadence.
SchedulerParameters=batch_sched_delay=0
# Finished jobs stay visible to squeue -t all and scontrol show job for a day.
MinJobAge=86400
KillWait=5
InactiveLimit=0
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$cpus Sockets=1 CoresPerSocket=$cpus ThreadsPerCore=1 RealMemory=4000 State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
EOF
    install -m 0644 "$tmp" "$CONF"
    rm -f "$tmp"
    say "wrote $CONF (state in $STATE)"
}

start_slurm_daemons() {
    local ctld_pid d_pid
    if [[ -f "$CONF" ]]; then
        ctld_pid="$(conf_value SlurmctldPidFile)"
        d_pid="$(conf_value SlurmdPidFile)"
    fi
    local ctld_up=0 d_up=0
    [[ -n "${ctld_pid:-}" ]] && alive_from_pidfile "$ctld_pid" && ctld_up=1
    [[ -n "${d_pid:-}" ]] && alive_from_pidfile "$d_pid" && d_up=1

    if ((ctld_up == 0 && d_up == 0)); then
        write_config
    elif [[ ! -d "$(conf_value StateSaveLocation)" ]]; then
        fail "Slurm daemons run with state in $(conf_value StateSaveLocation), which no longer exists; run scripts/stop-slurm.sh first."
    else
        grep -qF "$MARKER" "$CONF" || fail "running Slurm daemons use a $CONF not written by this script."
    fi
    ctld_pid="$(conf_value SlurmctldPidFile)"
    d_pid="$(conf_value SlurmdPidFile)"
    local log_dir
    log_dir="$(dirname "$(conf_value SlurmctldLogFile)")"

    if ((ctld_up == 1)); then
        say "slurmctld already running (pid $(cat "$ctld_pid"))"
    else
        slurmctld || fail "slurmctld failed to start (see $log_dir/slurmctld.log)"
        wait_pidfile "$ctld_pid" slurmctld "$log_dir/slurmctld.log"
        say "slurmctld started"
    fi
    if ((d_up == 1)); then
        say "slurmd already running (pid $(cat "$d_pid"))"
    else
        slurmd || fail "slurmd failed to start (see $log_dir/slurmd.log)"
        wait_pidfile "$d_pid" slurmd "$log_dir/slurmd.log"
        say "slurmd started"
    fi
}

wait_for_idle_node() {
    local deadline=$((SECONDS + WAIT_SECONDS)) state="" resumed=0
    while ((SECONDS < deadline)); do
        state="$(sinfo -h -N -n "$NODE" -o '%t' 2>/dev/null | head -n 1 || true)"
        case "$state" in
        idle | mix | alloc | comp)
            say "node $NODE is $state"
            return 0
            ;;
        drain* | drng* | inval* | down)
            # A drain (e.g. INVAL from an older configuration) survives restarts until resumed.
            if ((resumed == 0)); then
                say "node $NODE is $state; resuming it"
                scontrol update nodename="$NODE" state=resume || true
                resumed=1
            fi
            ;;
        esac
        sleep 0.5
    done
    echo "start-slurm: ERROR: node $NODE not idle after ${WAIT_SECONDS}s (last sinfo state: '${state:-no answer}')." >&2
    sinfo -N -l >&2 || true
    local log_dir
    log_dir="$(dirname "$(conf_value SlurmctldLogFile)")"
    tail -n 15 "$log_dir/slurmctld.log" "$log_dir/slurmd.log" >&2 2>/dev/null || true
    exit 1
}

install_packages
start_munge
start_slurm_daemons
wait_for_idle_node
say "Slurm is up: partition debug, node $NODE, job-completion log $(conf_value JobCompLoc)"
echo "SLURM_CONF=$CONF"
