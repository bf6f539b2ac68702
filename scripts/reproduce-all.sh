#!/usr/bin/env bash
# Runs every reproduction of the collection (docs/reproductions.md) at full
# size and writes its tables, checks and plots under docs/reproductions/NAME/,
# with a README.md recording the date, the machine and the commit.
#
# Usage: scripts/reproduce-all.sh [NAME...]     (default: every entry)
# PROFILE=dev scripts/reproduce-all.sh           (build without --release)
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/reproductions
profile=${PROFILE:-release}
if [ "$profile" = release ]; then flag=--release; else flag=; fi
cargo build $flag -p twolevel-cli
bin=${CARGO_TARGET_DIR:-target}/$([ "$profile" = release ] && echo release || echo debug)/twolevel
if [ "$#" -gt 0 ]; then
    names=("$@")
else
    mapfile -t names < <("$bin" reproduce --list | grep -v '^ ')
fi
mkdir -p "$out"
{
    echo "# Reproductions at full size"
    echo
    echo "Written by \`scripts/reproduce-all.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "on $(uname -srm), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //' || echo 'cpu unknown')),"
    echo "commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown), profile $profile."
    echo
    echo "| reproduction | claim holds | seconds |"
    echo "| --- | --- | --- |"
} > "$out/README.md.new"
for name in "${names[@]}"; do
    start=$(date +%s)
    "$bin" reproduce "$name" --quiet --output "$out/$name"
    seconds=$(( $(date +%s) - start ))
    if grep -q '"holds": false' "$out/$name/checks.json"; then holds=no; else holds=yes; fi
    echo "| [$name]($name/summary.md) | $holds | $seconds |" >> "$out/README.md.new"
done
mv "$out/README.md.new" "$out/README.md"
