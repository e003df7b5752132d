# --verbose: every post's read time, each post's pages, each stage's time on
# standard error; none of it with --quiet (and the two together are a usage
# error); the outputs are the same bytes with or without it.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"
command -v python3 >/dev/null || skip "python3 is needed to generate the corpus"
export SOURCE_DATE_EPOCH=1700000000

corpus="$FOLIO_WORK_DIR/corpus"
python3 bench/make_corpus.py "$corpus" --posts 6 --seed 3 >/dev/null
posts=$(ls "$corpus"/*.md | wc -l)

expect_exit 0 "a --verbose build" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/v" --jobs 2 --verbose
verbose_err=$err
expect_contains "$out" "folio: $posts posts in 1 pack" "the summary still goes to standard output"
for md in "$corpus"/*.md; do
    if grep -qE "^folio: read $md: [0-9]+\.[0-9] ms$" <<<"$verbose_err"; then pass "read time of $(basename "$md")"
    else fail "no read time for $md"; fi
    if grep -qE "^folio: pdf collection: $md: [1-9][0-9]* pages?$" <<<"$verbose_err"; then pass "pages of $(basename "$md")"
    else fail "no page count for $md"; fi
done
for stage in read pdf epub report; do
    grep -qE "^folio: stage $stage: [0-9]+\.[0-9] ms$" <<<"$verbose_err" && pass "stage $stage timed" || fail "no time for stage $stage"
done
# The pack's page count is the sum of what precedes the posts and the posts' pages.
pages=$(sed -nE 's/^folio: pdf collection: ([0-9]+) pages$/\1/p' <<<"$verbose_err")
post_pages=$(sed -nE 's/^folio: pdf collection: .*\.md: ([0-9]+) pages?$/\1/p' <<<"$verbose_err" | awk '{ s += $1 } END { print s }')
if [ -n "$pages" ] && [ -n "$post_pages" ] && [ "$pages" -ge "$post_pages" ] && [ "$post_pages" -ge "$posts" ]; then
    pass "pack pages ($pages) cover the posts' pages ($post_pages)"
else
    fail "pack pages '$pages' against posts' pages '$post_pages'"
fi
# build.json has the same page count.
python3 - "$FOLIO_WORK_DIR/v/build.json" "$pages" <<'PY' && pass "build.json gives the PDF's pages" || fail "build.json pages"
import json, sys
report = json.load(open(sys.argv[1]))
pdfs = [o for o in report["outputs"] if o["format"] == "pdf"]
assert len(pdfs) == 1 and pdfs[0]["pages"] == int(sys.argv[2]), pdfs
PY
if command -v pdfinfo >/dev/null; then
    real=$(pdfinfo "$FOLIO_WORK_DIR/v/briefing-pack.pdf" | awk '/^Pages:/ { print $2 }')
    [ "$real" = "$pages" ] && pass "pdfinfo agrees ($real pages)" || fail "pdfinfo says $real pages, --verbose $pages"
fi

expect_exit 0 "a plain build" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/plain" --jobs 1
[ -z "$err" ] && pass "no timings without --verbose (stderr is not a terminal)" || fail "stderr without --verbose: $err"
for f in "$FOLIO_WORK_DIR"/plain/*; do
    name=$(basename "$f")
    [ "$name" = build.json ] && continue
    cmp -s "$f" "$FOLIO_WORK_DIR/v/$name" && pass "$name identical with and without --verbose" || fail "$name differs with --verbose"
done

expect_exit 0 "a --quiet build" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/q" --quiet
[ -z "$out$err" ] && pass "--quiet prints nothing" || fail "--quiet printed: $out$err"
expect_exit 2 "--quiet with --verbose" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/qv" --quiet --verbose
expect_contains "$err" "excludes" "the usage error says the options exclude each other"
[ ! -e "$FOLIO_WORK_DIR/qv" ] && pass "nothing written on a usage error" || fail "a usage error wrote $FOLIO_WORK_DIR/qv"
finish
