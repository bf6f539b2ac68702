#!/usr/bin/env bash
# Submits a twolevel sweep to Slurm as N shards (a job array) and a merge
# job that runs when every shard has succeeded; prints the two job ids.
#
#   scripts/slurm/submit-sweep.sh SWEEP.ron OUTPUT_DIR N [extra sbatch options...]
#
# The results end up in OUTPUT_DIR/merged (sweep.csv, summary.csv, plots).
set -euo pipefail
if [ $# -lt 3 ]; then
    echo "usage: $0 SWEEP.ron OUTPUT_DIR N [sbatch options...]" >&2
    exit 2
fi
sweep=$1 out=$2 shards=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
array=$(sbatch --parsable --array="1-${shards}" --output="$out/slurm-%A_%a.out" "$@" \
    "$here/sweep-array.sh" "$sweep" "$out")
array=${array%%;*}
merge=$(sbatch --parsable --dependency="afterok:${array}" --output="$out/slurm-merge-%j.out" "$@" \
    "$here/merge.sh" "$out")
merge=${merge%%;*}
echo "array job ${array} (${shards} shards), merge job ${merge}"
