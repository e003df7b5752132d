# Issue #9's hostile input, the large cases (generated, never committed): a
# 50 MB post, 10,000 levels of lists, quotes and emphasis, a 100,000-character
# word, 1,000 table columns, 100,000 footnotes, 10,000 authors; and, with the
# limits raised in folio.toml, input past the defaults that must still build.
# Each within 10 s and 1 GiB (tests/fixtures/hostile/cases.py).
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || skip "python3 is not installed"
python3 "$FOLIO_SOURCE_DIR/tests/fixtures/hostile/run.py" "$FOLIO" "$FOLIO_WORK_DIR" --group 2 || fail "hostile cases (group 2)"
python3 "$FOLIO_SOURCE_DIR/tests/fixtures/hostile/run.py" "$FOLIO" "$FOLIO_WORK_DIR" --group 3 || fail "hostile cases (group 3)"
finish
