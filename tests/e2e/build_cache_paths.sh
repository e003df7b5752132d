# The build cache (issue 7) does not depend on how the input folder is
# named: `--input corpus`, its absolute spelling, a spelling from another
# working folder and the whole project moved elsewhere all find every
# post's galley and write the same bytes (PDF, EPUB and the archive
# edition). The move also proves a kept galley draws its image from the
# folder being built: the old one is gone.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || skip "python3 is needed to generate the corpus and read build.json"
export SOURCE_DATE_EPOCH=1700000000

project="$FOLIO_WORK_DIR/project"
mkdir -p "$project/corpus/images"
python3 "$FOLIO_SOURCE_DIR/bench/make_corpus.py" "$project/corpus" --posts 4 --seed 5 >/dev/null
cp "$FOLIO_SOURCE_DIR/tests/fuzz/images/figure.png" "$project/corpus/images/figure.png"
cat >"$project/corpus/2010-05-05-with-a-figure.md" <<'EOF'
---
title: "A post with a figure"
date: 2010-05-05
kind: article
---
The map below shows the crossings.

![Crossing points on the Tumen river](images/figure.png "Crossings, 2010")

And the same map, written another way:

![The same map](./images/../images/figure.png)
EOF
posts=$(ls "$project/corpus"/*.md | wc -l)

# counts OUT: "hits misses" of the layout stage in OUT/build.json.
counts() {
    python3 -c 'import json, sys; l = json.load(open(sys.argv[1]))["cache"].get("layout", {})
print(l.get("hits", "-"), l.get("misses", "-"))' "$1/build.json"
}
# same_outputs A B WHAT: every PDF and EPUB of A has the same bytes in B.
same_outputs() {
    local f n=0
    for f in "$1"/*.pdf "$1"/*.epub; do
        n=$((n + 1))
        cmp -s "$f" "$2/$(basename "$f")" || { fail "$3: $(basename "$f") differs"; return; }
    done
    [ "$n" -ge 3 ] && pass "$3: $n outputs identical" || fail "$3: only $n outputs to compare"
}
# build WHAT CWD ARGS...: one build with the archive edition, run from CWD.
build() {
    local what=$1 dir=$2; shift 2
    local here=$PWD
    cd "$dir" || { fail "$what: no folder $dir"; return; }
    expect_exit 0 "$what" -- "$FOLIO" build "$@" --archive --jobs 2 --quiet
    cd "$here" || exit 1
}

cd "$project"
build "cold, --input corpus" "$project" --input corpus --out out
[ "$(counts "$project/out")" = "0 $posts" ] && pass "cold: $posts misses" || fail "cold: $(counts "$project/out")"
ls "$project/out"/*-archive.pdf >/dev/null 2>&1 && pass "the archive edition is written" || fail "no archive edition"
cp -r "$project/out" "$FOLIO_WORK_DIR/cold"

build "warm, --input as an absolute path" "$project" --input "$project/corpus" --out "$project/out"
[ "$(counts "$project/out")" = "$posts 0" ] && pass "absolute spelling: $posts hits" ||
    fail "absolute spelling: $(counts "$project/out"), expected $posts 0"
same_outputs "$FOLIO_WORK_DIR/cold" "$project/out" "absolute spelling against relative"

mkdir -p "$FOLIO_WORK_DIR/elsewhere/deeper"
build "warm, from another folder" "$FOLIO_WORK_DIR/elsewhere/deeper" \
    --input ../../project/./corpus/ --out ../../project/out
[ "$(counts "$project/out")" = "$posts 0" ] && pass "another working folder: $posts hits" ||
    fail "another working folder: $(counts "$project/out"), expected $posts 0"
same_outputs "$FOLIO_WORK_DIR/cold" "$project/out" "another working folder against the first"

# The whole project moved: its cache (in out/) goes with it, and every
# galley found must draw its image from the moved folder.
cd "$FOLIO_WORK_DIR"
mv "$project" "$FOLIO_WORK_DIR/moved"
build "warm, the project moved" "$FOLIO_WORK_DIR" --input moved/corpus --out moved/out
[ "$(counts "$FOLIO_WORK_DIR/moved/out")" = "$posts 0" ] && pass "moved project: $posts hits" ||
    fail "moved project: $(counts "$FOLIO_WORK_DIR/moved/out"), expected $posts 0"
same_outputs "$FOLIO_WORK_DIR/cold" "$FOLIO_WORK_DIR/moved/out" "moved project against the first build"

# Another picture under the same name: that post alone is laid out again
# and the outputs change (the key holds the image's bytes, not its path).
python3 - "$FOLIO_WORK_DIR/moved/corpus/images/figure.png" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
w, h = 8, 5
rows = b"".join(b"\0" + b"".join(bytes((30 * x % 256, 200, 40 * y % 256)) for x in range(w)) for y in range(h))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
       + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
open(sys.argv[1], "wb").write(png)
PY
build "a build after changing the picture" "$FOLIO_WORK_DIR/moved" --input corpus --out out
[ "$(counts "$FOLIO_WORK_DIR/moved/out")" = "$((posts - 1)) 1" ] && pass "changed picture: that post alone missed" ||
    fail "changed picture: $(counts "$FOLIO_WORK_DIR/moved/out"), expected $((posts - 1)) 1"
if [ ! -s "$FOLIO_WORK_DIR/moved/out/briefing-pack.pdf" ]; then
    fail "changed picture: no PDF"
elif cmp -s "$FOLIO_WORK_DIR/cold/briefing-pack.pdf" "$FOLIO_WORK_DIR/moved/out/briefing-pack.pdf"; then
    fail "the PDF did not change with the picture"
else
    pass "the PDF changed with the picture"
fi
build "the same without the cache" "$FOLIO_WORK_DIR/moved" --input corpus --out fresh --no-cache
same_outputs "$FOLIO_WORK_DIR/moved/fresh" "$FOLIO_WORK_DIR/moved/out" "kept galleys of the moved project against none"

finish
