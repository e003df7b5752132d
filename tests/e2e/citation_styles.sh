# The group's posts under the house style and the three real CSL styles of
# ../shared: every citation formats without an error, and the PDF and EPUB
# pass their checks.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"
shared_styles="${FOLIO_SHARED_DIR:-../shared}/csl/styles"
[ -d "$shared_styles" ] || skip "no $shared_styles (../shared is only in CI)"
[ -d /usr/share/citation-style-language/locales ] || skip "CSL locales not installed (scripts/setup)"
export SOURCE_DATE_EPOCH=1700000000

input="$FOLIO_WORK_DIR/input"
mkdir -p "$input" && cp input/*.md input/references.json "$input/"
{
    sed -n '/^\[site\]/,/^# ---- packs/p' input/folio.toml | grep -v '^# ---- packs'
    echo '[[pack]]'; echo 'id = "house"'; echo 'citation_style = "folio-uk-notes"'
    for s in apa chicago-author-date ieee; do
        echo '[[pack]]'; echo "id = \"$s\""; echo "citation_style = \"$(realpath "$shared_styles/$s.csl")\""
        echo 'references = "pack"'
    done
} >"$input/folio.toml"
# A style named by an absolute path must end in .csl: these do.
expect_exit 0 "build with four citation styles" -- "$FOLIO" build --input "$input" --out "$FOLIO_WORK_DIR/out" --jobs 2
[ -z "$err" ] && pass "no diagnostics" || { fail "diagnostics:"; echo "$err" >&2; }

for id in house apa chicago-author-date ieee; do
    pdf="$FOLIO_WORK_DIR/out/$id.pdf"
    qpdf --check "$pdf" >/dev/null 2>&1 && pass "$id: qpdf --check" || fail "$id: qpdf --check"
    text=$(pdftotext "$pdf" - 2>/dev/null)
    grep -q "A/HRC/25/63" <<<"$text" && pass "$id: the COI report's symbol is in the PDF" || fail "$id: no formatted citation in the PDF"
    if grep -q "\[@" <<<"$text"; then fail "$id: raw citation syntax left in the PDF"; else pass "$id: no raw citation syntax"; fi
done
# Author-date: the year in the text; numeric (IEEE): bracketed numbers.
grep -q "2014" <<<"$(pdftotext "$FOLIO_WORK_DIR/out/apa.pdf" -)" && pass "apa: years in the text" || fail "apa: no years"
grep -Eq "\[[0-9]+\]" <<<"$(pdftotext "$FOLIO_WORK_DIR/out/ieee.pdf" -)" && pass "ieee: numbered citations" || fail "ieee: no [n]"
# The house style is a note style: footnotes, and "Ibid" or a short form on repeat.
grep -q "Universal Declaration of Human Rights" <<<"$(pdftotext "$FOLIO_WORK_DIR/out/house.pdf" -)" && pass "house: notes carry the full reference" || fail "house: missing note text"

for id in house ieee; do epubcheck_clean "$FOLIO_WORK_DIR/out/$id.epub" "$id"; done
finish
