# The build cache (issue 7): a warm build finds every post's galley and
# writes the same bytes as a cold one, with or without the cache and
# whatever --jobs; adding a post lays out that post alone; a damaged entry
# is reported, never trusted, and rebuilt; --no-cache writes no cache; a
# tiny --cache-size evicts.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"
command -v python3 >/dev/null || skip "python3 is needed to generate the corpus and read build.json"
export SOURCE_DATE_EPOCH=1700000000

corpus="$FOLIO_WORK_DIR/corpus"
python3 bench/make_corpus.py "$corpus" --posts 24 --seed 3 >/dev/null
posts=$(ls "$corpus"/*.md | wc -l)

# cache_counts OUT: "hits misses" of the layout stage in OUT/build.json.
cache_counts() {
    python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["cache"]; l=c.get("layout",{}); print(l.get("hits","-"), l.get("misses","-"))' "$1/build.json"
}
# same_outputs A B WHAT: every PDF and EPUB of A has the same bytes in B.
same_outputs() {
    local f name n=0
    for f in "$1"/*.pdf "$1"/*.epub; do
        name=$(basename "$f")
        n=$((n + 1))
        cmp -s "$f" "$2/$name" || { fail "$3: $name differs"; return; }
    done
    [ "$n" -ge 2 ] && pass "$3: $n outputs identical" || fail "$3: no outputs to compare"
}
# A rebuild with nothing changed leaves the pack alone (e2e: build_reuse);
# without the previous build.json the pack is drawn, from the cache.
forget_outputs() { rm -f "$1/build.json"; }
entries() { find "$1" -maxdepth 1 -type f -regextype egrep -regex '.*/[0-9a-f]{64}' | sort; }

outdir="$FOLIO_WORK_DIR/out"
expect_exit 0 "a cold build" -- "$FOLIO" build --input "$corpus" --out "$outdir" --jobs 2 --quiet
[ "$(cache_counts "$outdir")" = "0 $posts" ] && pass "cold: $posts misses" || fail "cold: $(cache_counts "$outdir"), expected 0 $posts"
[ "$(entries "$outdir/.folio-cache" | wc -l)" -eq "$posts" ] && pass "one entry per post in out/.folio-cache" ||
    fail "$(entries "$outdir/.folio-cache" | wc -l) entries for $posts posts"
cp -r "$outdir" "$FOLIO_WORK_DIR/cold"

forget_outputs "$outdir"
expect_exit 0 "a warm build, one job" -- "$FOLIO" build --input "$corpus" --out "$outdir" --jobs 1 --quiet
[ "$(cache_counts "$outdir")" = "$posts 0" ] && pass "warm: $posts hits" || fail "warm: $(cache_counts "$outdir"), expected $posts 0"
[ -z "$err" ] && pass "warm: nothing on standard error" || fail "warm printed: $err"
same_outputs "$FOLIO_WORK_DIR/cold" "$outdir" "warm (--jobs 1) against cold (--jobs 2)"

nocache="$FOLIO_WORK_DIR/nocache"
expect_exit 0 "--no-cache" -- "$FOLIO" build --input "$corpus" --out "$nocache" --no-cache --quiet
[ ! -e "$nocache/.folio-cache" ] && pass "--no-cache writes no cache folder" || fail "--no-cache made $nocache/.folio-cache"
python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["cache"]; sys.exit(0 if c["dir"] is None and "layout" not in c else 1)' \
    "$nocache/build.json" && pass "--no-cache: build.json says no cache" || fail "--no-cache: build.json cache: $(cat "$nocache/build.json")"
same_outputs "$FOLIO_WORK_DIR/cold" "$nocache" "--no-cache against the cache"

# One more post: that post is laid out, the rest found.
first=$(ls "$corpus"/*.md | head -1)
sed 's/^title: .*/title: "One more post"/' "$first" >"$corpus/2031-01-01-one-more-post.md"
expect_exit 0 "a build after adding one post" -- "$FOLIO" build --input "$corpus" --out "$outdir" --quiet
[ "$(cache_counts "$outdir")" = "$posts 1" ] && pass "added post: $posts hits, 1 miss" ||
    fail "added post: $(cache_counts "$outdir"), expected $posts 1"
expect_exit 0 "the same without the cache" -- "$FOLIO" build --input "$corpus" --out "$nocache" --no-cache --quiet
same_outputs "$nocache" "$outdir" "added post: cached against uncached"

# Damaged entries: one truncated, one with a flipped byte.
mapfile -t all < <(entries "$outdir/.folio-cache")
truncate -s -7 "${all[0]}"
python3 -c 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); b[len(b)//2]^=0x10; open(p,"wb").write(b)' "${all[1]}"
forget_outputs "$outdir"
expect_exit 0 "a build over two damaged entries" -- "$FOLIO" build --input "$corpus" --out "$outdir" --quiet
expect_contains "$err" "folio: warning: cache entry ${all[0]} is corrupt (truncated); rebuilt" "a truncated entry is reported"
expect_contains "$err" "folio: warning: cache entry ${all[1]} is corrupt (checksum mismatch); rebuilt" "a flipped byte is reported"
[ "$(cache_counts "$outdir")" = "$((posts - 1)) 2" ] && pass "damaged: 2 misses" || fail "damaged: $(cache_counts "$outdir")"
grep -qF "is corrupt" "$outdir/build.json" && pass "the warnings are in build.json" || fail "build.json lacks the warnings"
same_outputs "$nocache" "$outdir" "damaged entries: rebuilt, same bytes"
forget_outputs "$outdir"
expect_exit 0 "the next build" -- "$FOLIO" build --input "$corpus" --out "$outdir" --quiet
[ "$(cache_counts "$outdir")" = "$((posts + 1)) 0" ] && pass "rebuilt entries are found again" || fail "after repair: $(cache_counts "$outdir")"

# --cache DIR elsewhere; a bound smaller than one entry keeps nothing.
elsewhere="$FOLIO_WORK_DIR/elsewhere"
expect_exit 0 "--cache DIR" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/out2" --cache "$elsewhere" --quiet
[ "$(entries "$elsewhere" | wc -l)" -eq $((posts + 1)) ] && pass "entries in the --cache folder" || fail "no entries in $elsewhere"
[ ! -e "$FOLIO_WORK_DIR/out2/.folio-cache" ] && pass "none in out/" || fail "out2/.folio-cache exists"
forget_outputs "$FOLIO_WORK_DIR/out2"
expect_exit 0 "--cache-size 1K" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/out2" --cache "$elsewhere" --cache-size 1K --quiet
[ "$(entries "$elsewhere" | wc -l)" -eq 0 ] && pass "a 1 KiB bound evicts every entry" || fail "$(entries "$elsewhere" | wc -l) entries left under 1 KiB"
# A bound of about half the entries keeps the most recently used ones.
size=$(cat $(entries "$outdir/.folio-cache") | wc -c)
touch -d '2020-01-01' "$outdir"/.folio-cache/*
forget_outputs "$outdir"
expect_exit 0 "a build that uses every entry" -- "$FOLIO" build --input "$corpus" --out "$outdir" --cache-size $((size / 2)) --quiet
left=$(entries "$outdir/.folio-cache" | wc -l)
[ "$left" -gt 0 ] && [ "$left" -lt $((posts + 1)) ] && pass "half the bound keeps $left of $((posts + 1)) entries" ||
    fail "half the bound kept $left entries"
[ "$(cat $(entries "$outdir/.folio-cache") | wc -c)" -le $((size / 2)) ] && pass "the kept entries fit the bound" || fail "over the bound"
expect_exit 2 "a bad --cache-size" -- "$FOLIO" build --input "$corpus" --out "$outdir" --cache-size lots --quiet
expect_exit 2 "--cache with --no-cache" -- "$FOLIO" build --input "$corpus" --out "$outdir" --cache "$elsewhere" --no-cache
finish
