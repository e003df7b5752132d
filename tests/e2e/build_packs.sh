# folio build on input/ writes every configured pack, byte-identical from run
# to run, and leaves no temporary file behind.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"

export SOURCE_DATE_EPOCH=1700000000
expect_exit 0 "folio build on input/" -- "$FOLIO" build --input input --out "$FOLIO_WORK_DIR/a"
for f in collection.epub refugees.epub accountability.epub; do
    [ -s "$FOLIO_WORK_DIR/a/$f" ] && pass "wrote $f" || fail "$f missing"
done
leftovers=$(find "$FOLIO_WORK_DIR/a" -name '.*tmp*')
[ -z "$leftovers" ] && pass "no temporary files left" || fail "temporary files left: $leftovers"

expect_exit 0 "a second build" -- "$FOLIO" build --input input --out "$FOLIO_WORK_DIR/b" --quiet
[ -z "$out" ] && pass "--quiet prints nothing on success" || fail "--quiet printed: $out"
for f in "$FOLIO_WORK_DIR"/a/*; do
    [ "$(basename "$f")" = build.json ] && continue  # it records timings
    cmp -s "$f" "$FOLIO_WORK_DIR/b/$(basename "$f")" && pass "$(basename "$f") is byte-identical" || fail "$(basename "$f") differs between runs"
done

# A pack that selects nothing is an error in folio.toml, and nothing is written.
bad="$FOLIO_WORK_DIR/badpack"
mkdir -p "$bad" && cp input/*.md input/references.json "$bad/"
printf '[site]\nname = "x"\n\n[[pack]]\nid = "none"\ntags = ["no-such-tag"]\n' >"$bad/folio.toml"
expect_exit 1 "a pack that selects no posts" -- "$FOLIO" build --input "$bad" --out "$FOLIO_WORK_DIR/c"
expect_contains "$err" "$bad/folio.toml:4:1: error: pack 'none' selects no posts" "the error names the pack's line"
[ ! -e "$FOLIO_WORK_DIR/c/none.epub" ] && pass "nothing written" || fail "none.epub was written"
expect_contains "$err" "the previous outputs in $FOLIO_WORK_DIR/c are unchanged" "it says the previous outputs are unchanged"

# One post: the summary lines count it in the singular.
one="$FOLIO_WORK_DIR/one"
mkdir -p "$one" && cp input/2016-11-09-while-they-watched.md input/references.json "$one/"
expect_exit 0 "folio check on one post" -- "$FOLIO" check --input "$one"
expect_contains "$out" "1 post, " "check says '1 post', not '1 posts'"
expect_exit 0 "folio build on one post" -- "$FOLIO" build --input "$one" --out "$FOLIO_WORK_DIR/one-out"
expect_contains "$out" "folio: 1 post in 1 pack; wrote" "build says '1 post in 1 pack'"
finish
