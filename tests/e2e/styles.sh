# styles/*.toml reach the PDF: a pack in the plain style differs from the
# house one (fonts, cover colour), a pack's page_size wins over its style's,
# the style file is an input of the build, and a bad style file stops the
# build with the error at its line and nothing written.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"
command -v pdffonts >/dev/null && command -v pdftoppm >/dev/null || skip "poppler-utils not installed"
export SOURCE_DATE_EPOCH=1700000000

input="$FOLIO_WORK_DIR/input"
mkdir -p "$input"
cp input/references.json input/2023-10-21-letter-to-foreign-secretary-forced-repatriation.md \
   input/2016-11-02-north-koreas-hidden-revolution.md "$input/"
site() { sed -n '/^\[site\]/,/^# ---- packs/p' input/folio.toml | grep -v '^# ---- packs'; }
{
    site
    printf '[[pack]]\nid = "house"\noutputs = ["pdf"]\n'
    printf '[[pack]]\nid = "plain"\nstyle = "plain"\noutputs = ["pdf"]\n'
    printf '[[pack]]\nid = "letter"\nstyle = "plain"\npage_size = "Letter"\noutputs = ["pdf"]\n'
} >"$input/folio.toml"
outdir="$FOLIO_WORK_DIR/out"
expect_exit 0 "build house, plain and plain on Letter" -- "$FOLIO" build --input "$input" --out "$outdir" --jobs 2
[ -z "$err" ] && pass "no diagnostics" || { fail "diagnostics:"; echo "$err" >&2; }

house_fonts=$(pdffonts "$outdir/house.pdf" 2>/dev/null)
plain_fonts=$(pdffonts "$outdir/plain.pdf" 2>/dev/null)
expect_contains "$house_fonts" "NotoSans-Bold" "house: headings in Noto Sans"
if grep -q "NotoSans-" <<<"$plain_fonts"; then fail "plain: Noto Sans used"; echo "$plain_fonts" >&2
else pass "plain: no Noto Sans (one serif family)"; fi
expect_contains "$plain_fonts" "NotoSerif-Bold" "plain: headings in Noto Serif bold"

# The top-left pixel of the cover: the navy panel in the house style, paper in the plain one.
pixel() { pdftoppm -f 1 -l 1 -r 20 -x 2 -y 2 -W 1 -H 1 -gray "$1" | tail -c 1 | od -An -tu1 | tr -d ' '; }
h=$(pixel "$outdir/house.pdf"); p=$(pixel "$outdir/plain.pdf")
[ -n "$h" ] && [ "$h" -lt 100 ] && pass "house: cover panel is dark ($h)" || fail "house: cover pixel $h"
[ -n "$p" ] && [ "$p" -gt 240 ] && pass "plain: cover is paper ($p)" || fail "plain: cover pixel $p"

size() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Page size: *\([0-9.]* x [0-9.]*\) pts.*/\1/p'; }
[ "$(size "$outdir/plain.pdf")" = "595.276 x 841.89" ] && pass "plain: A4" || fail "plain: page size $(size "$outdir/plain.pdf")"
[ "$(size "$outdir/letter.pdf")" = "612 x 792" ] && pass "pack page_size Letter wins over the style" || fail "letter: page size $(size "$outdir/letter.pdf")"

expect_contains "$(cat "$outdir/build.json")" "styles/plain.toml" "build.json lists the style file as an input"
expect_contains "$(cat "$outdir/build.json")" "styles/house.toml" "build.json lists the house style file"

# A bad style file in the input folder: the error at its line, nothing written.
printf '# a broken style\n[text]\nsize = -2\n[fonts]\nsans = ["Noto Sans", "Helvetica"]\n' >"$input/broken.toml"
{ site; printf '[[pack]]\nid = "broken"\nstyle = "broken.toml"\noutputs = ["pdf"]\n'; } >"$input/folio.toml"
before=$(sha256sum "$outdir/house.pdf")
expect_exit 1 "build with a bad style file" -- "$FOLIO" build --input "$input" --out "$outdir"
expect_contains "$err" "broken.toml:3:8: error: 'text.size' is -2 pt, outside 4 pt to 144 pt" "negative size at its line"
expect_contains "$err" "broken.toml:5:22: error: font family 'Helvetica' in 'fonts.sans' is not in fonts/" "missing family at its name"
[ ! -e "$outdir/broken.pdf" ] && pass "no PDF written" || fail "broken.pdf written"
[ "$(sha256sum "$outdir/house.pdf")" = "$before" ] && pass "previous outputs unchanged" || fail "previous outputs changed"
expect_exit 1 "check reports the bad style too" -- "$FOLIO" check --input "$input"
expect_contains "$err" "broken.toml:3:8: error:" "check: the error at its line"

# A style name that is not shipped: an error at the [[pack]], with a did-you-mean.
{ site; printf '[[pack]]\nid = "typo"\nstyle = "plian"\n'; } >"$input/folio.toml"
expect_exit 1 "check with an unknown style name" -- "$FOLIO" check --input "$input"
expect_contains "$err" "error: pack 'typo': style 'plian' not found" "unknown style named"
expect_contains "$err" 'did you mean "plain"?' "did-you-mean for the style"
line=$(grep -n '^style = "plian"' "$input/folio.toml" | cut -d: -f1)
expect_contains "$err" "folio.toml:$line:9: error: pack 'typo': style 'plian' not found" "at the line of style =, not the [[pack]] header"
# A citation style that is not found: at its line too (it had none).
{ site; printf '[[pack]]\nid = "cite"\ncitation_style = "harvard-nope"\n'; } >"$input/folio.toml"
expect_exit 1 "check with an unknown citation style" -- "$FOLIO" check --input "$input"
line=$(grep -n '^citation_style = ' "$input/folio.toml" | cut -d: -f1)
expect_contains "$err" "folio.toml:$line:18: error: pack 'cite': citation style 'harvard-nope' not found" "the citation style at its line"
finish
