#!/usr/bin/env bash
# One shard of a twolevel sweep per task of a Slurm job array.
#
#   sbatch --array=1-N scripts/slurm/sweep-array.sh SWEEP.ron OUTPUT_DIR
#
# Task K of the array runs `twolevel sweep SWEEP.ron --shard K/N` into
# OUTPUT_DIR/shard-K (N is the array's highest task id, so the array must
# be 1-N). Re-running a task resumes: finished cells are skipped. Join the
# shards with merge.sh (submit-sweep.sh does both, the merge as a job that
# depends on the array). The binary is `twolevel` on the PATH, or $TWOLEVEL.
#SBATCH --job-name=twolevel-sweep
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: sbatch --array=1-N $0 SWEEP.ron OUTPUT_DIR" >&2
    exit 2
fi
: "${SLURM_ARRAY_TASK_ID:?run this script as a job array: sbatch --array=1-N ...}"
shard="${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_MAX}"
exec "${TWOLEVEL:-twolevel}" sweep "$1" --shard "$shard" \
    --output "$2/shard-${SLURM_ARRAY_TASK_ID}" \
    --threads "${SLURM_CPUS_PER_TASK:-1}" --quiet
