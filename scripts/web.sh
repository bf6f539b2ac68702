#!/usr/bin/env bash
# Builds the explorer in a browser (docs/web.md) and, with --serve PORT,
# serves it on http://127.0.0.1:PORT/ until interrupted.
#
#   scripts/web.sh                 # build into target/web/ (or $CARGO_TARGET_DIR/web)
#   scripts/web.sh --serve 8000    # build, then serve on port 8000
#
# Needs only rustup's wasm32-unknown-unknown target (added when missing)
# and python3 for the server: no npm, no wasm-bindgen.
set -euo pipefail
cd "$(dirname "$0")/.."

port=""
case "${1:-}" in
    "") ;;
    --serve)
        port="${2:?usage: scripts/web.sh [--serve PORT]}"
        ;;
    *)
        echo "usage: scripts/web.sh [--serve PORT]" >&2
        exit 2
        ;;
esac

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi
target_dir="${CARGO_TARGET_DIR:-target}"
# Without debug information the module is a few MB smaller; the code is
# the release profile's.
CARGO_PROFILE_RELEASE_DEBUG=0 cargo build --release --target wasm32-unknown-unknown -p twolevel-web
site="$target_dir/web"
mkdir -p "$site"
cp crates/web/www/index.html crates/web/www/style.css crates/web/www/loader.js \
    crates/web/www/explorer.js "$site/"
cp "$target_dir/wasm32-unknown-unknown/release/twolevel_web.wasm" "$site/"
echo "the explorer is in $site/ ($(du -k "$site/twolevel_web.wasm" | cut -f1) KiB of WebAssembly)"
if [[ -n "$port" ]]; then
    echo "serving on http://127.0.0.1:$port/ (Ctrl-C stops)"
    exec python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site"
fi
