#!/usr/bin/env bash
# Regenerates the plot gallery (docs/gallery/*.svg, shown in
# docs/gallery.md) with the `twolevel` command from the shipped files:
#
#   scripts/gallery.sh          # from the repository root
#
# - tournaments/axelrod-first.ron: the boxplot, the win plot and the two
#   heatmaps;
# - tournaments/evolution.ron (Moran): shares of the first run (lines and
#   stacked), fixation frequencies, stationary distribution;
# - tournaments/evolution-ecological.ron: the ecological shares;
# - tournaments/sweep-theta.ron: the sweep curves with error bars;
# - `twolevel payoffs tournaments/paradox.ron`: the grim-trigger thresholds
#   against pi with the players' discount factors (the paradox);
# - tournaments/climate.ron: a regime's group achievement and standings;
# - tournaments/institutions.ron: a society's good standing and cooperation.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet -p twolevel-cli
twolevel=target/debug/twolevel
if [ -n "${CARGO_TARGET_DIR:-}" ]; then
    twolevel="$CARGO_TARGET_DIR/debug/twolevel"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$twolevel" run tournaments/axelrod-first.ron --output "$work/axelrod" --quiet
"$twolevel" run tournaments/evolution.ron --output "$work/moran" --quiet
"$twolevel" run tournaments/evolution-ecological.ron --output "$work/ecological" --quiet
"$twolevel" sweep tournaments/sweep-theta.ron --output "$work/sweep" --quiet
"$twolevel" payoffs tournaments/paradox.ron --weights 0,0.2,0.5,1 --output "$work/thresholds" > /dev/null
"$twolevel" run tournaments/climate.ron --output "$work/regime" --quiet
"$twolevel" run tournaments/institutions.ron --output "$work/society" --quiet
mkdir -p docs/gallery
copy() { cp "$work/$1" "docs/gallery/$2"; }
copy axelrod/boxplot.svg boxplot.svg
copy axelrod/winplot.svg winplot.svg
copy axelrod/heatmap_payoff_policy.svg heatmap_payoff_policy.svg
copy axelrod/heatmap_cooperation.svg heatmap_cooperation.svg
copy moran/evolution_shares.svg moran_shares.svg
copy moran/evolution_stack.svg moran_stack.svg
copy moran/evolution_fixation.svg moran_fixation.svg
copy moran/evolution_stationary.svg moran_stationary.svg
copy ecological/evolution_shares.svg ecological_shares.svg
copy ecological/evolution_stack.svg ecological_stack.svg
copy sweep/sweep_score_policy.svg sweep_score_policy.svg
copy sweep/sweep_cooperation_rate.svg sweep_cooperation_rate.svg
copy thresholds/thresholds.svg thresholds.svg
copy regime/regime_achievement.svg regime_achievement.svg
copy regime/regime_standings.svg regime_standings.svg
copy society/society_standings.svg society_standings.svg
copy society/society_cooperation.svg society_cooperation.svg
echo "gallery written to docs/gallery/"
