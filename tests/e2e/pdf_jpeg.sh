# JPEG figures: placed at 150 dpi, scaled down to the measure when wider,
# embedded as they are (DCTDecode, not re-encoded), tagged as Figure with
# the alt text as /Alt (cairo 1.16 ignores attributes on structure tags:
# folio appends it as an incremental update) and printed as the caption.
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

![The banner's lettering: “조선 (Korea)”](images/small.jpg)
MD
printf '[site]\nname = "Group"\n[[pack]]\nid = "photos"\noutputs = ["pdf", "pdf-archive"]\n' >"$input/folio.toml"
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

# Each Figure element's /Alt, read by qpdf, depth first through the tree.
figures() {
  python3 - "$1" <<'PY'
import json, subprocess, sys
doc = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", sys.argv[1]],
                                capture_output=True, text=True, check=True).stdout)
objs = doc["qpdf"][1]
obj = lambda ref: objs["obj:" + ref]["value"]
def walk(k):
    if isinstance(k, list):
        for x in k: walk(x)
    elif isinstance(k, str) and k.endswith(" R"):
        e = obj(k)
        if e.get("/S") == "/Figure":
            alt = e.get("/Alt", "(none)")
            print(alt[2:] if alt.startswith("u:") else alt)
        walk(e.get("/K", []))
walk(obj(obj(objs["trailer"]["value"]["/Root"])["/StructTreeRoot"]).get("/K"))
PY
}
want=$'Candles along the railings\nThe banner\'s lettering: “조선 (Korea)”'
got=$(figures "$pdf")
[ "$got" = "$want" ] && pass "each Figure carries its alt text as /Alt, in order" || fail "Figure /Alt: got '$got', want '$want'"
got=$(figures "$FOLIO_WORK_DIR/out/photos-archive.pdf")
[ "$got" = "$want" ] && pass "the archive edition's Figures carry the same /Alt" || fail "archive Figure /Alt: got '$got', want '$want'"
expect_exit 0 "build again" -- "$FOLIO" build --input "$input" --out "$FOLIO_WORK_DIR/again" --no-cache
cmp -s "$pdf" "$FOLIO_WORK_DIR/again/photos.pdf" && pass "the update is the same bytes on a rebuild" || fail "rebuild differs"

# Figures one after another: pages that open with a picture (cairo 1.16
# failed the whole PDF on those with a tag error before draw_items clipped
# the paint). Six files: cairo 1.16 lists a picture drawn twice on one page
# twice in the page's resources, which qpdf --check warns about.
many="$FOLIO_WORK_DIR/many"
mkdir -p "$many/images"
{ printf -- '---\ntitle: Six pictures\ndate: 2023-05-02\nkind: news\n---\nOpening words.\n'
  for i in 1 2 3 4 5 6; do
    cp tests/fixtures/images/photo.jpg "$many/images/photo$i.jpg"
    printf '\n![Picture %s](images/photo%s.jpg)\n' "$i" "$i"
  done; } >"$many/2023-05-02-six.md"
cp "$input/folio.toml" "$many/"
expect_exit 0 "build six figures in a row" -- "$FOLIO" build --input "$many" --out "$FOLIO_WORK_DIR/many-out"
qpdf --check "$FOLIO_WORK_DIR/many-out/photos.pdf" >/dev/null 2>&1 && pass "qpdf --check (six figures)" || fail "qpdf --check (six figures)"
got=$(figures "$FOLIO_WORK_DIR/many-out/photos.pdf" | tr '\n' ',')
[ "$got" = "Picture 1,Picture 2,Picture 3,Picture 4,Picture 5,Picture 6," ] && pass "six Figures with their /Alt" || fail "six figures: $got"
finish
