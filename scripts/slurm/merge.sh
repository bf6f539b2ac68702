#!/usr/bin/env bash
# Joins the shards of a twolevel sweep (OUTPUT_DIR/shard-*) into
# OUTPUT_DIR/merged, after `twolevel merge` has checked that they come
# from the same sweep and that no cell is missing.
#
#   sbatch --dependency=afterok:ARRAY_JOB scripts/slurm/merge.sh OUTPUT_DIR
#SBATCH --job-name=twolevel-merge
#SBATCH --ntasks=1
set -euo pipefail
if [ $# -ne 1 ]; then
    echo "usage: sbatch --dependency=afterok:JOB $0 OUTPUT_DIR" >&2
    exit 2
fi
shopt -s nullglob
shards=("$1"/shard-*)
if [ ${#shards[@]} -eq 0 ]; then
    echo "no shard folders in $1" >&2
    exit 1
fi
exec "${TWOLEVEL:-twolevel}" merge --quiet --output "$1/merged" "${shards[@]}"
