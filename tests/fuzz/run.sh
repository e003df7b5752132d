#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time (what `scripts/fuzz` and the
# `fuzz` ctest label call).
#   run.sh BINARY TARGET SOURCE_DIR WORK_DIR [SECONDS] [libFuzzer options...]
# SECONDS defaults to $FOLIO_FUZZ_SECONDS, else 20; 0 replays the seeds and
# regressions without fuzzing. Seeds are read from
# tests/fuzz/corpus/TARGET and tests/fuzz/regressions/TARGET; what the fuzzer
# finds goes to WORK_DIR (never into the source tree): new inputs to
# corpus/TARGET, crash and timeout inputs to crashes/TARGET/.
set -euo pipefail
binary=$1 target=$2 source_dir=$3 work_dir=$4
shift 4
seconds=${FOLIO_FUZZ_SECONDS:-20}
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi

corpus=$work_dir/corpus/$target
crashes=$work_dir/crashes/$target
mkdir -p "$corpus" "$crashes"
seeds=()
for d in "$source_dir/tests/fuzz/corpus/$target" "$source_dir/tests/fuzz/regressions/$target"; do
    [ -d "$d" ] && seeds+=("$d")
done
dict=()
[ -f "$source_dir/tests/fuzz/dict/$target.dict" ] && dict=(-dict="$source_dir/tests/fuzz/dict/$target.dict")

# Only third-party noise is suppressed (see the file); everything else stops
# the run with a report.
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$source_dir/tests/sanitizers/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# -timeout: an input slower than this is a hang (folio promises 10 s for any
# input, without sanitizers). -rss_limit_mb: and 1 GiB, plus ASan's overhead.
limit=(-max_total_time="$seconds")
[ "$seconds" = 0 ] && limit=(-runs=0)  # libFuzzer reads max_total_time=0 as "no limit"
# FOLIO_FUZZ_SEED fixes libFuzzer's random seed (scripts/test sets it for the
# suite, so a CI run is repeatable and a finding replays); unset: random.
seed=()
[ -n "${FOLIO_FUZZ_SEED:-}" ] && seed=(-seed="$FOLIO_FUZZ_SEED")
status=0
"$binary" "${limit[@]}" "${seed[@]}" -timeout=30 -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "${dict[@]}" "$@" "$corpus" "${seeds[@]}" || status=$?
if [ $status -ne 0 ]; then
    echo "fuzz $target: failed; the input is in $crashes/" >&2
    echo "  replay it: $binary $crashes/<file>" >&2
    echo "  once fixed, keep it: cp $crashes/<file> $source_dir/tests/fuzz/regressions/$target/" >&2
fi
exit $status
