# A paragraph that a page break splits is one P in the PDF's structure tree
# (its two pieces' marked content on their own pages), not two P elements;
# and the tagged PDF stays valid.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"
command -v qpdf >/dev/null && command -v python3 >/dev/null || skip "qpdf or python3 missing"
export SOURCE_DATE_EPOCH=1700000000

input="$FOLIO_WORK_DIR/input"
mkdir -p "$input" && cp input/*.md input/references.json "$input/"
{ sed -n '/^\[site\]/,/^# ---- packs/p' input/folio.toml | grep -v '^# ---- packs'
  printf '[[pack]]\nid = "all"\noutputs = ["pdf"]\n'; } >"$input/folio.toml"
expect_exit 0 "build" -- "$FOLIO" build --input "$input" --out "$FOLIO_WORK_DIR/out" --jobs 2
pdf="$FOLIO_WORK_DIR/out/all.pdf"
qpdf --check "$pdf" >/dev/null 2>&1 && pass "qpdf --check" || fail "qpdf --check"
pdfinfo "$pdf" | grep -q "^Tagged: *yes" && pass "tagged" || fail "not tagged"

qpdf --qdf --object-streams=disable "$pdf" "$FOLIO_WORK_DIR/qdf.pdf"
counts=$(python3 - "$FOLIO_WORK_DIR/qdf.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], 'rb').read().decode('latin1')
objs = {m.group(1): m.group(2) for m in re.finditer(r'\n(\d+) 0 obj\n(.*?)\nendobj', data, re.S)}
def kids(body):
    m = re.search(r'/K (\[.*?\]|\d+ 0 R)', body, re.S)
    return re.findall(r'(\d+) 0 R', m.group(1)) if m else []
paragraphs = spanning = 0
for body in objs.values():
    if '/Type /StructElem' in body and re.search(r'/S /P\b', body):
        paragraphs += 1
        pages = {re.search(r'/Pg (\d+) 0 R', objs.get(k, '')).group(1)
                 for k in kids(body) if re.search(r'/Pg (\d+) 0 R', objs.get(k, ''))}
        spanning += len(pages) > 1
print(paragraphs, spanning)
PY
)
read -r paragraphs spanning <<<"$counts"
echo "P elements: $paragraphs, spanning two pages: $spanning"
[ "${spanning:-0}" -ge 3 ] && pass "split paragraphs are single P elements ($spanning)" || fail "no P spans a page break ($counts)"
finish
