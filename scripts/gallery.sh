#!/usr/bin/env bash
# Regenerates the plot gallery (docs/gallery/*.svg, shown in
# docs/gallery.md) with the `twolevel` command from the shipped files:
#
#   scripts/gallery.sh          # from the repository root
#
# - tournaments/axelrod-first.ron: the boxplot and the two heatmaps;
# - tournaments/evolution.ron (Moran): shares of the first run, fixation
#   frequencies, stationary distribution;
# - tournaments/evolution-ecological.ron: the ecological shares;
# - tournaments/sweep-theta.ron: the sweep curves with error bars.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet -p twolevel-cli
twolevel=target/debug/twolevel
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$twolevel" run tournaments/axelrod-first.ron --output "$work/axelrod" --quiet
"$twolevel" run tournaments/evolution.ron --output "$work/moran" --quiet
"$twolevel" run tournaments/evolution-ecological.ron --output "$work/ecological" --quiet
"$twolevel" sweep tournaments/sweep-theta.ron --output "$work/sweep" --quiet
mkdir -p docs/gallery
cp "$work/axelrod/boxplot.svg" docs/gallery/boxplot.svg
cp "$work/axelrod/heatmap_payoff_policy.svg" docs/gallery/heatmap_payoff_policy.svg
cp "$work/axelrod/heatmap_cooperation.svg" docs/gallery/heatmap_cooperation.svg
cp "$work/moran/evolution_shares.svg" docs/gallery/moran_shares.svg
cp "$work/moran/evolution_fixation.svg" docs/gallery/moran_fixation.svg
cp "$work/moran/evolution_stationary.svg" docs/gallery/moran_stationary.svg
cp "$work/ecological/evolution_shares.svg" docs/gallery/ecological_shares.svg
cp "$work/sweep/sweep_score_policy.svg" docs/gallery/sweep_score_policy.svg
cp "$work/sweep/sweep_cooperation_rate.svg" docs/gallery/sweep_cooperation_rate.svg
echo "gallery written to docs/gallery/"
