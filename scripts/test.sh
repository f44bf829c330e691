#!/usr/bin/env bash
# Every test: the Rust workspace, then the Python package built from this checkout and its
# tests (which compare it with the CLI). Run from anywhere:
#   scripts/test.sh
# The Python side runs in a virtual environment under target/ (made on first use), so nothing
# is installed into the system's Python; it needs python3 (3.9 or later) with venv, a Java
# runtime for the Spark recipe's test (Debian: apt-get install openjdk-17-jre-headless), and
# the package registries for maturin, pyarrow, pandas, duckdb, pyspark and pytest.
set -euo pipefail

cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
    echo "error: no java on PATH: the Spark recipe's test needs a Java runtime" \
        "(Debian: apt-get install openjdk-17-jre-headless)" >&2
    exit 1
fi

cargo test --workspace

target="${CARGO_TARGET_DIR:-target}"
venv="$target/python-venv"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --upgrade pip
fi
# Builds the native module with maturin (release profile, sharing the workspace's target dir).
"$venv/bin/python" -m pip install --quiet "./python[test,spark]"
"$venv/bin/python" -m pytest -q -W "ignore::FutureWarning" python/tests examples/spark
