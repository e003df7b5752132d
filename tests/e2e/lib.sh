# Shared helpers for the end-to-end scripts (sourced, not run).
# Environment from ctest: FOLIO (the binary), FOLIO_SOURCE_DIR, FOLIO_SHARED_DIR, FOLIO_WORK_DIR.
set -uo pipefail

: "${FOLIO:?set FOLIO to the folio binary}"
: "${FOLIO_SOURCE_DIR:?}"
FOLIO_WORK_DIR=${FOLIO_WORK_DIR:-$(mktemp -d)}
rm -rf "$FOLIO_WORK_DIR" && mkdir -p "$FOLIO_WORK_DIR"
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# skip "reason": exit 77, which ctest reports as skipped.
skip() { echo "SKIP: $*"; exit 77; }

# expect_exit CODE DESCRIPTION -- COMMAND...: runs COMMAND, keeps its stdout
# and stderr in $out and $err, and checks the exit code.
expect_exit() {
    local want=$1 what=$2; shift 3
    out=$("$@" 2>"$FOLIO_WORK_DIR/stderr"); local got=$?
    err=$(cat "$FOLIO_WORK_DIR/stderr")
    if [ "$got" -eq "$want" ]; then pass "$what (exit $got)"; else fail "$what: exit $got, expected $want"; echo "$err" >&2; fi
}

# expect_contains HAYSTACK NEEDLE DESCRIPTION
expect_contains() {
    if grep -qF -- "$2" <<<"$1"; then pass "$3"; else fail "$3: expected to find: $2"; echo "--- got:" >&2; echo "$1" >&2; fi
}

finish() {
    if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
    echo "all checks passed"
}
