# JPEG figures: placed at 150 dpi, scaled down to the measure when wider,
# embedded as they are (DCTDecode, not re-encoded), tagged as Figure. Cairo
# 1.16 writes no /Alt on structure elements (it ignores attributes on them):
# the alt text is the caption here; the archive edition may carry /Alt.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"
command -v pdfimages >/dev/null || skip "poppler-utils not installed"
export SOURCE_DATE_EPOCH=1700000000

input="$FOLIO_WORK_DIR/input"
mkdir -p "$input/images"
cp tests/fixtures/images/photo.jpg tests/fixtures/images/small.jpg "$input/images/"
cat >"$input/2023-05-01-photos.md" <<'MD'
---
title: Photographs from the vigil
date: 2023-05-01
kind: news
---
The vigil outside the embassy, in two pictures.

![Candles along the railings](images/photo.jpg)

A detail of the banner.

![The banner's lettering](images/small.jpg)
MD
printf '[site]\nname = "Group"\n[[pack]]\nid = "photos"\noutputs = ["pdf"]\n' >"$input/folio.toml"
expect_exit 0 "build a post with two JPEG figures" -- "$FOLIO" build --input "$input" --out "$FOLIO_WORK_DIR/out"
pdf="$FOLIO_WORK_DIR/out/photos.pdf"
qpdf --check "$pdf" >/dev/null 2>&1 && pass "qpdf --check" || fail "qpdf --check"

# page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
list=$(pdfimages -list "$pdf" | awk 'NR > 2')
echo "$list"
big=$(awk '$4 == 1600 && $5 == 800' <<<"$list")
small=$(awk '$4 == 300 && $5 == 150' <<<"$list")
[ -n "$big" ] && pass "the large JPEG is embedded at its full 1600 x 800 pixels" || fail "large JPEG missing"
[ -n "$small" ] && pass "the small JPEG is embedded" || fail "small JPEG missing"
[ "$(awk '{print $9}' <<<"$big")" = "jpeg" ] && pass "embedded as JPEG (DCTDecode)" || fail "large image not DCT: $big"
[ "$(awk '{print $9}' <<<"$small")" = "jpeg" ] && pass "small one as JPEG too" || fail "small image not DCT: $small"
# Scaled to the house measure (210 - 25 - 55 = 130 mm, 368.5 pt): 1600 px is 313 ppi.
ppi=$(awk '{print $13}' <<<"$big")
[ "${ppi:-0}" -ge 311 ] && [ "${ppi:-0}" -le 315 ] && pass "the wide JPEG is scaled to the measure ($ppi ppi)" || fail "wide JPEG at $ppi ppi, expected ~313"
# The file's own bytes: not decoded and re-encoded.
[ "$(awk '{print $15}' <<<"$big")" = "$(stat -c %s tests/fixtures/images/photo.jpg)B" ] && pass "the JPEG's bytes are embedded as they are" || fail "JPEG re-encoded: $big"
ppi=$(awk '{print $13}' <<<"$small")
[ "${ppi:-0}" -ge 149 ] && [ "${ppi:-0}" -le 151 ] && pass "the narrow JPEG is placed at 150 dpi ($ppi ppi)" || fail "narrow JPEG at $ppi ppi, expected 150"

text=$(pdftotext "$pdf" -)
expect_contains "$text" "Candles along the railings" "the alt text is printed as the caption"
pdfinfo -struct "$pdf" 2>/dev/null | grep -q "Figure" && pass "tagged as Figure" || fail "no Figure element"
finish
