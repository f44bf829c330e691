#!/usr/bin/env bash
# Every test: the Rust workspace, then the Python package built from this checkout and its
# tests (which compare it with the CLI). Run from anywhere:
#   scripts/test.sh
# The Python side runs in a virtual environment under target/ (made on first use), so nothing
# is installed into the system's Python; it needs python3 (3.9 or later) with venv, and the
# package registries for maturin, pyarrow, pandas, duckdb and pytest.
set -euo pipefail

cd "$(dirname "$0")/.."

cargo test --workspace

target="${CARGO_TARGET_DIR:-target}"
venv="$target/python-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
# Builds the native module with maturin (release profile, sharing the workspace's target dir).
"$venv/bin/python" -m pip install --quiet "./python[test]"
"$venv/bin/python" -m pytest -q python/tests
