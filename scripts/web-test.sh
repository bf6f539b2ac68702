#!/usr/bin/env bash
# Tests the explorer in a real headless Chromium (docs/web.md, "Testing"):
# builds the page with scripts/web.sh, builds the native reference (the
# `expected` example of crates/web), and runs
# crates/web/tests/browser/test_explorer.py with Selenium.
#
# Needs chromium and chromium-driver (Debian: `apt-get install chromium
# chromium-driver`) and a Python with selenium; PYTHON names it
# (default python3). .ci/run installs all three from scratch.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
scripts/web.sh
target_dir="${CARGO_TARGET_DIR:-target}"
cargo build -p twolevel-web --example expected
"$python" crates/web/tests/browser/test_explorer.py "$target_dir/web" \
    "$target_dir/debug/examples/expected"
