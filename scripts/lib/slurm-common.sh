# Shared by start-slurm.sh and stop-slurm.sh; sourced, not run. Set SCRIPT_NAME before sourcing.

CONF_DIR=/etc/slurm
CONF="$CONF_DIR/slurm.conf"
MARKER="# Written by CondorActors scripts/start-slurm.sh"
MUNGE_PID=/run/munge/munged.pid

say() { echo "$SCRIPT_NAME: $*"; }
fail() {
    echo "$SCRIPT_NAME: ERROR: $*" >&2
    exit 1
}

# Alive means: the pid exists and is not a zombie (processes killed here can stay zombies).
alive_pid() {
    local pid="$1" stat state
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    stat="$(cat "/proc/$pid/stat" 2>/dev/null)" || return 1
    state="${stat##*) }"
    state="${state%% *}"
    [[ "$state" != "Z" && "$state" != "X" ]]
}

alive_from_pidfile() {
    local file="$1"
    [[ -s "$file" ]] && alive_pid "$(tr -d '[:space:]' <"$file")"
}

# A setting of the written slurm.conf, e.g. conf_value SlurmctldPidFile.
conf_value() {
    sed -n "s/^$1=//p" "$CONF" | head -n 1
}
