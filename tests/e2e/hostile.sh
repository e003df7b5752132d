# Issue #9's hostile and broken input, the small cases: encodings, line ends,
# front matter bombs, footnotes, images, scripts and javascript: links, e-mail
# addresses, recursive CSL macros. Each gives its exact standard error and exit
# status (tests/fixtures/hostile/cases.py) within 10 s and 1 GiB.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || skip "python3 is not installed"
python3 "$FOLIO_SOURCE_DIR/tests/fixtures/hostile/run.py" "$FOLIO" "$FOLIO_WORK_DIR" --group 1 || fail "hostile cases (group 1)"
finish
