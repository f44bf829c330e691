#!/usr/bin/env bash
# Speed and memory figures of the release build (docs/BENCHMARKS.md): extract sentences per
# second with 1 and 2 threads, ingest into SQLite, start-up time, and peak RSS on a large
# directory and on one 50 MB single-line file.
#
#   scripts/bench.sh                  build (release), then measure; 5 runs of each timing
#   TRECHO=path/to/trecho scripts/bench.sh      measure that binary, no build
#   COPIES=400 RUNS=7 scripts/bench.sh          bigger corpus, more runs
#
# The large corpus is made by repeating the real documents of corpus/demo and testdata/inputs
# COPIES times (default 200, about 20 MB). Copies of plain-text and HTML files get one extra
# sentence ("Reference copy N.") so that ingest stores them instead of skipping them as already
# stored; the other copies are byte-identical, so ingest counts them as unchanged (they are
# still parsed, normalized and extracted). Each timing is run RUNS times; the best and the
# median are printed, with the load average, because shared machines are noisy.
set -euo pipefail
cd "$(dirname "$0")/.."

copies=${COPIES:-200}
runs=${RUNS:-5}
work=${WORK:-$(mktemp -d /tmp/trecho-bench.XXXXXX)}
mkdir -p "$work"

if [[ -z "${TRECHO:-}" ]]; then
    cargo build --release -p trecho-cli
    TRECHO=${CARGO_TARGET_DIR:-target}/release/trecho
fi
[[ -x "$TRECHO" ]] || { echo "bench.sh: no trecho binary at $TRECHO" >&2; exit 2; }

heading() { printf '\n== %s ==\n' "$*"; }
# best and median of the numbers on stdin (one per line)
best_median() { sort -g | awk '{v[NR]=$1} END {printf "best %s, median %s (%d runs)\n", v[1], v[int((NR+1)/2)], NR}'; }
best_median_max() { sort -g | awk '{v[NR]=$1} END {printf "best %s, median %s (%d runs)\n", v[NR], v[int((NR+1)/2)], NR}'; }
now() { date +%s.%N; }

# --- the large corpus -------------------------------------------------------------------
big="$work/big"
if [[ ! -d "$big" ]]; then
    mkdir -p "$big"
    sources=(corpus/demo/*.html corpus/demo/*.txt corpus/demo/*.eml corpus/demo/*.jsonl
        corpus/demo/*.xml testdata/inputs/*.txt testdata/inputs/*.eml testdata/inputs/*.mbox
        testdata/inputs/*.xml testdata/inputs/*.html testdata/inputs/*.jsonl)
    for ((i = 1; i <= copies; i++)); do
        dir="$big/$((i % 50))"
        mkdir -p "$dir"
        for src in "${sources[@]}"; do
            name=$(basename "$src")
            dest="$dir/${name%.*}-$i.${name##*.}"
            case "$name" in
                *.txt) { cat "$src"; printf '\n\nReference copy %d.\n' "$i"; } > "$dest" ;;
                *.html) sed "s|</body>|<p>Reference copy $i.</p></body>|" "$src" > "$dest" ;;
                *) cp "$src" "$dest" ;;
            esac
        done
    done
fi
echo "corpus: $(find "$big" -type f | wc -l) files, $(du -sh "$big" | cut -f1) in $big"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- whole pipeline with the built-in bench (parse, normalize, extract, store) -----------
heading "trecho bench (pipeline incl. one store transaction per document)"
for jobs in 1 2; do
    for ((r = 1; r <= runs; r++)); do
        "$TRECHO" bench --repeat 1 --jobs "$jobs" "$big" 2>/dev/null | awk '/sentences\/s/ {print $2}'
    done | best_median_max | sed "s/^/jobs $jobs: sentences\/s /"
done
sentences=$("$TRECHO" bench --repeat 1 --jobs 1 "$big" 2>/dev/null \
    | sed -n 's/^processed: [0-9]* documents, \([0-9]*\) sentences.*/\1/p')
echo "sentences in the corpus: $sentences"

# --- trecho extract (events to stdout, nothing stored) ----------------------------------
heading "trecho extract, sentences/s (wall clock, whole process)"
for jobs in 1 2; do
    for ((r = 1; r <= runs; r++)); do
        start=$(now)
        "$TRECHO" -q extract --jobs "$jobs" "$big" > /dev/null 2>&1 || true
        end=$(now)
        awk -v s="$sentences" -v a="$start" -v b="$end" 'BEGIN {printf "%.0f\n", s / (b - a)}'
    done | best_median_max | sed "s/^/jobs $jobs: /"
done

# --- trecho ingest into a fresh SQLite file ---------------------------------------------
heading "trecho ingest (fresh store): corpus sentences/s (all parsed, normalized, extracted; new ones stored)"
for ((r = 1; r <= runs; r++)); do
    rm -f "$work/ingest.db" "$work/ingest.db-wal" "$work/ingest.db-shm"
    start=$(now)
    "$TRECHO" --db "$work/ingest.db" ingest --jobs 1 "$big" 2>&1 >/dev/null | tail -1 \
        > "$work/ingest-summary.txt" || true
    end=$(now)
    awk -v s="$sentences" -v a="$start" -v b="$end" 'BEGIN {printf "%.0f\n", s / (b - a)}'
done | best_median_max | sed 's/^/jobs 1: /'
echo "last summary: $(cat "$work/ingest-summary.txt")"

# --- start-up ---------------------------------------------------------------------------
heading "start-up: trecho extract on a one-line input, ms"
echo "Trump threatened Sheinbaum with more tariffs again this month." > "$work/one-line.txt"
for ((r = 1; r <= runs * 4; r++)); do
    start=$(now)
    "$TRECHO" -q extract "$work/one-line.txt" > /dev/null
    end=$(now)
    awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f\n", (b - a) * 1000}'
done | best_median | sed 's/^/wall: /'
# CPU time (user + system) depends much less on the machine's load than wall time does.
for ((r = 1; r <= runs * 4; r++)); do
    /usr/bin/time -f '%U %S' "$TRECHO" -q extract "$work/one-line.txt" 2>&1 >/dev/null \
        | awk '{printf "%.0f\n", ($1 + $2) * 1000}'
done | best_median | sed 's/^/cpu (user+sys): /'

# --- peak memory ------------------------------------------------------------------------
heading "peak RSS (/usr/bin/time -v, maximum resident set size)"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident/ {printf "%.1f MiB\n", $6 / 1024}'; }
echo "extract --jobs 2, large directory: $(rss "$TRECHO" -q extract --jobs 2 "$big")"
rm -f "$work/ingest.db" "$work/ingest.db-wal" "$work/ingest.db-shm"
echo "ingest --jobs 2, large directory: $(rss "$TRECHO" -q --db "$work/ingest.db" ingest --jobs 2 "$big")"
# 50 MB on one line: the sentences of a real statement, repeated, joined by spaces.
if [[ ! -f "$work/one-line-50mb.txt" ]]; then
    line=$(tr '\n' ' ' < corpus/demo/2025-10-28_hegseth_eastern_pacific_strikes.txt)
    yes "$line" | head -c 52428800 | tr '\n' ' ' > "$work/one-line-50mb.txt"
fi
echo "extract, one 50 MB single-line file: $(rss "$TRECHO" -q extract "$work/one-line-50mb.txt")"
head -c 15000000 "$work/one-line-50mb.txt" > "$work/one-line-15mb.txt"
echo "extract, one 15 MB single-line file (under the 16 MiB document limit): $(rss "$TRECHO" -q extract "$work/one-line-15mb.txt")"
"$TRECHO" -q extract "$work/one-line-50mb.txt" 2>&1 >/dev/null | head -3 | sed 's/^/  stderr: /' || true
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "work files left in $work"
