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

# epubcheck_clean FILE DESCRIPTION: epubcheck finds no error and no warning.
# Under the sanitizers (FOLIO_SANITIZED=1) it is left to the gcc tree's run
# of the same script: epubcheck judges the bytes, which the same code wrote
# there, not memory safety, and each run costs ~15 s of CPU.
epubcheck_clean() {
    if [ "${FOLIO_SANITIZED:-0}" = 1 ]; then pass "$2: epubcheck left to the gcc tree"; return; fi
    if ! command -v java >/dev/null || [ ! -f /usr/share/java/epubcheck.jar ]; then
        fail "$2: java or epubcheck missing (scripts/setup installs them)"; return
    fi
    local log="$1.epubcheck"
    java -jar /usr/share/java/epubcheck.jar "$1" >"$log" 2>&1
    if grep -q "No errors or warnings detected" "$log"; then pass "$2: epubcheck 0 errors, 0 warnings"
    else fail "$2: epubcheck"; tail -30 "$log" >&2; fi
}

finish() {
    if [ "$failures" -ne 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
    echo "all checks passed"
}
