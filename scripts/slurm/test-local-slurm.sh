#!/usr/bin/env bash
# End-to-end test of the Slurm scripts on a real single-node Slurm started
# on this machine: installs slurm-wlm and munge from Debian's packages if
# needed (as root), starts munged, slurmctld and slurmd with their own
# configuration, key, socket, pid and log files under a temporary folder,
# submits tournaments/sweep-theta.ron as a 4-shard job array plus a
# dependent merge job (scripts/slurm/submit-sweep.sh), and compares the
# merged output byte for byte with a single-machine run. The daemons it
# started are stopped by their process ids on exit, whatever happens.
#
#   scripts/slurm/test-local-slurm.sh        # from the repository root
#
# Every wait has a timeout; a failure prints what failed and the end of the
# daemons' logs. cgroups are not needed (proctrack/linuxproc, task/none).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)

fail() {
    echo "test-local-slurm: FAILED: $*" >&2
    for log in "$work"/*.log "$work"/*.out "$work"/out/slurm-*.out; do
        [ -f "$log" ] || continue
        echo "--- last lines of $log" >&2
        tail -n 20 "$log" >&2 || true
    done
    exit 1
}

# Waits up to $1 seconds for the command "${@:3}" to succeed; $2 says what
# is awaited.
wait_for() {
    local timeout=$1 what=$2
    shift 2
    local deadline=$((SECONDS + timeout))
    until "$@" >/dev/null 2>&1; do
        if [ $SECONDS -ge $deadline ]; then
            fail "timed out after ${timeout}s waiting for $what"
        fi
        sleep 1
    done
}

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "test-local-slurm: slurm-wlm and munge are not installed and this is not root" >&2
        exit 1
    fi
    echo "test-local-slurm: installing slurm-wlm and munge"
    export DEBIAN_FRONTEND=noninteractive
    timeout 600 apt-get update -qq
    timeout 600 apt-get install -y -qq slurm-wlm munge >/dev/null
fi

echo "test-local-slurm: building the twolevel binary"
cargo build --quiet -p twolevel-cli
# Where cargo put it: CARGO_TARGET_DIR when set (relative to the
# repository, where cargo ran), else the repository's target folder.
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in
    /*) ;;
    *) target_dir="$root/$target_dir" ;;
esac
export TWOLEVEL="$target_dir/debug/twolevel"

work=$(mktemp -d /tmp/twolevel-slurm.XXXXXX)
chmod 700 "$work"
pids=()
cleanup() {
    local status=$?
    # Stop the daemons this script started, by their process ids.
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 20); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$pid" 2>/dev/null || true
    done
    if [ $status -eq 0 ]; then
        rm -rf "$work"
    else
        echo "test-local-slurm: files kept in $work" >&2
    fi
}
trap cleanup EXIT

# munge, with its own key, socket, pid, log and seed files.
dd if=/dev/urandom of="$work/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge.key"
mkdir -m 711 "$work/munge"
socket="$work/munge/munge.socket"
munged --foreground --force --key-file="$work/munge.key" --socket="$socket" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/munged.log" \
    --seed-file="$work/munge/munged.seed" >"$work/munged.out" 2>&1 &
pids+=($!)
wait_for 20 "munged's socket" test -S "$socket"
echo "test-local-slurm: munged running (pid ${pids[0]})"

# A free pair of ports for slurmctld and slurmd.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 16817)
host=$(hostname -s)
cpus=$(nproc)
mkdir -p "$work/state" "$work/spool"
cat >"$work/slurm.conf" <<CONF
ClusterName=twolevel-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SwitchType=switch/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"

slurmctld -D -c -f "$SLURM_CONF" >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/slurmd.out" 2>&1 &
pids+=($!)
echo "test-local-slurm: slurmctld (pid ${pids[1]}) and slurmd (pid ${pids[2]}) started"
node_idle() { sinfo -h -N -o %t | grep -qx idle; }
wait_for 60 "the node to be idle (sinfo)" node_idle

out="$work/out"
scripts/slurm/submit-sweep.sh "$root/tournaments/sweep-theta.ron" "$out" 4 --time=10 \
    | tee "$work/submit.txt" || fail "submitting the sweep"
merge=$(awk '{print $NF}' "$work/submit.txt")
job_gone() { [ -z "$(squeue -h -j "$1" 2>/dev/null)" ]; }
wait_for 150 "the merge job $merge to finish" job_gone "$merge"
if [ ! -f "$out/merged/sweep.csv" ]; then
    cat "$out"/slurm-*.out >&2 2>/dev/null || true
    fail "the merge job left no $out/merged/sweep.csv"
fi
echo "test-local-slurm: the job array and the merge job finished"

echo "test-local-slurm: running the same sweep on one machine"
"$TWOLEVEL" sweep tournaments/sweep-theta.ron --output "$work/single" --quiet \
    || fail "the single-machine sweep"
if ! diff -r "$work/single" "$out/merged" >"$work/diff.txt"; then
    head -n 20 "$work/diff.txt" >&2
    fail "the merged shards differ from the single-machine run"
fi
cells=$(find "$out/merged/cells" -mindepth 1 -maxdepth 1 -type d | wc -l)
echo "test-local-slurm: OK: 4 shards run by Slurm and merged give the single-machine output byte for byte ($cells cells, $(wc -l <"$out/merged/sweep.csv") lines in sweep.csv)"
