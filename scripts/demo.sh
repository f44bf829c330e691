#!/usr/bin/env bash
# The demo: builds trecho, ingests the bundled corpus of US federal statements on US–Mexico
# relations (corpus/demo), shows the events, the ledger, the red lines and the linkage, then
# serves the dashboard on http://127.0.0.1:8080 (Ctrl-C stops it).
#
#   scripts/demo.sh              everything, ending with the dashboard
#   scripts/demo.sh --no-serve   stop after the tables (for scripts and CI)
set -euo pipefail
cd "$(dirname "$0")/.."

serve=1
for arg in "$@"; do
    case "$arg" in
        --no-serve) serve=0 ;;
        *) echo "usage: scripts/demo.sh [--no-serve]" >&2; exit 2 ;;
    esac
done

# Headings: bold on a terminal only (scripts/heading.sh).
. scripts/heading.sh

heading "building trecho (release; the first build takes a few minutes)"
cargo build --release --locked -p trecho-cli
# cargo builds into $CARGO_TARGET_DIR when the user has set one.
trecho="${CARGO_TARGET_DIR:-target}/release/trecho"
db=demo.db
rm -f "$db" "$db-wal" "$db-shm"

heading "ingesting corpus/demo into $db"
"$trecho" --db "$db" ingest corpus/demo

heading "what the US said to or about Mexico (first 20)"
"$trecho" --db "$db" events --actor USA --recipient MEX --kind said --format table --limit 20

heading "what was done between the two (first 20)"
"$trecho" --db "$db" events --kind done --format table --limit 20

heading "the ledger: threats, promises and demands"
"$trecho" --db "$db" ledger --format table

heading "red lines"
"$trecho" --db "$db" redlines --format table

heading "linkage: one issue used as a lever on another"
"$trecho" --db "$db" linkage --format table

if [ "$serve" = 1 ]; then
    heading "dashboard"
    exec "$trecho" --db "$db" serve
fi
