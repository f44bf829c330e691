#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer instrumentation (nightly, no cargo-fuzz needed) and runs
# each for SECONDS, one after another on one core, printing executions and findings per target.
#
#   fuzz/run.sh 600                 # every target, 10 minutes each
#   fuzz/run.sh 60 html dates       # some targets
#
# The working corpus grows in $FUZZ_WORK (default /tmp/trecho-fuzz/<target>, seeded from
# fuzz/seeds/<target>); crashes are written to $FUZZ_WORK/artifacts/<target>/ and listed at the
# end. A crash becomes a fixture and a test in the crate it concerns (see fuzz/README.md).
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-600}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(html email mbox feed transcript jsonl text normalize dates actors conllu syntax)
fi
work="${FUZZ_WORK:-/tmp/trecho-fuzz}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
triple=x86_64-unknown-linux-gnu

RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
    cargo +nightly build --release --bins --target "$triple"

printf '%-11s %8s %12s %10s %8s %s\n' target seconds executions exec/s corpus findings
for target in "${targets[@]}"; do
    corpus="$work/$target"
    artifacts="$work/artifacts/$target"
    mkdir -p "$corpus" "$artifacts"
    cp -n "seeds/$target"/* "$corpus"/ 2>/dev/null || true
    log="$work/$target.log"
    # -timeout: a unit slower than 30 s is a finding too (pathological input).
    "$CARGO_TARGET_DIR/$triple/release/$target" "$corpus" \
        -max_total_time="$seconds" -max_len=65536 -timeout=30 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || true
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    units=$(find "$corpus" -type f | wc -l)
    findings=$(find "$artifacts" -type f | wc -l)
    printf '%-11s %8s %12s %10s %8s %s\n' "$target" "$seconds" "$runs" "$rate" "$units" "$findings"
done
