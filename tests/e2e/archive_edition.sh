#!/usr/bin/env bash
# The archive edition (libharu) of the group's packs, end to end: built with
# `folio build --archive` beside the Cairo edition, it passes qpdf --check;
# pdfdetach lists the attached sources and gives back their exact bytes;
# pdfinfo shows the metadata and the same page count as the Cairo edition;
# the page labels are ranges (/S /r from the cover, /S /D from the first
# post) that name every page as the Cairo edition does; every font is
# embedded; pdftotext of both editions agrees word for word; the PDF/A-3b
# identification, output intent and associated files (/AF) are there; two
# builds are identical.
source "$(dirname "$0")/lib.sh"

for tool in qpdf pdftotext pdfinfo pdffonts pdfdetach python3; do
  command -v "$tool" >/dev/null || skip "$tool missing"
done
[ -x "$FOLIO" ] || skip "$FOLIO not built"
[ -f "$FOLIO_SOURCE_DIR/input/folio.toml" ] || skip "no input/folio.toml"
[ -r /usr/share/color/icc/sRGB.icc ] || skip "icc-profiles-free not installed"

work="$FOLIO_WORK_DIR"
input="$FOLIO_SOURCE_DIR/input"
export SOURCE_DATE_EPOCH=1700000000

expect_exit 0 "folio build --archive" -- "$FOLIO" build --quiet --archive --input "$input" --out "$work/a"
expect_exit 0 "a second build" -- "$FOLIO" build --quiet --archive --input "$input" --out "$work/b"

for pdf in briefing-pack refugees accountability; do
  archive="$work/a/$pdf-archive.pdf"
  typeset="$work/a/$pdf.pdf"
  [ -f "$archive" ] || { fail "$pdf: no $pdf-archive.pdf"; continue; }
  cmp -s "$archive" "$work/b/$pdf-archive.pdf" && pass "$pdf: two builds identical" || fail "$pdf: two builds differ"

  check=$(qpdf --check "$archive" 2>&1)
  expect_contains "$check" "No syntax or stream encoding errors found" "$pdf: qpdf --check"
  grep -q "WARNING" <<<"$check" && fail "$pdf: qpdf warns: $check"

  info=$(pdfinfo "$archive")
  expect_contains "$info" "Creator:         folio" "$pdf: creator"
  expect_contains "$info" "Author:          All-Party Parliamentary Group on North Korea" "$pdf: author"
  expect_contains "$info" "Metadata Stream: yes" "$pdf: XMP metadata"
  pages_a=$(awk '/^Pages:/ {print $2}' <<<"$info")
  pages_t=$(pdfinfo "$typeset" | awk '/^Pages:/ {print $2}')
  [ "$pages_a" = "$pages_t" ] && pass "$pdf: $pages_a pages, as the Cairo edition" || fail "$pdf: $pages_a pages, Cairo edition $pages_t"
  title_t=$(pdfinfo "$typeset" | grep '^Title:')
  expect_contains "$info" "$title_t" "$pdf: same title as the Cairo edition"

  # Every font embedded (column "emb" of pdffonts).
  if pdffonts "$archive" | awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}'; then
    pass "$pdf: every font embedded"
  else
    fail "$pdf: a font is not embedded"; pdffonts "$archive" >&2
  fi

  # Both editions come from one layout, so their lines break at the same
  # places and no hyphenated word needs rejoining. Whitespace is normalised
  # (the two writers space their text operators differently), and the words
  # must be the same, letter-spaced labels included: pdftotext guesses a
  # space from the gap between glyphs, and tracked capitals sit at its
  # threshold ("LET TER" in the archive's running head, "S TAT E M E N T"
  # in the Cairo edition's kind label), so both editions mark such words with
  # their text (ActualText).
  pdftotext -enc UTF-8 "$archive" - 2>"$work/poppler.err" | tr -s '[:space:]' '\n' >"$work/words-archive"
  pdftotext -enc UTF-8 "$typeset" - | tr -s '[:space:]' '\n' >"$work/words-typeset"
  python3 - "$work/words-typeset" "$work/words-archive" <<'PY' && pass "$pdf: pdftotext of both editions agrees" || fail "$pdf: the editions' text differs"
import difflib, sys
t = open(sys.argv[1], encoding="utf-8").read().split()
a = open(sys.argv[2], encoding="utf-8").read().split()
if t != a:
    sys.exit("\n".join(list(difflib.unified_diff(t, a, "typeset", "archive", lineterm="", n=1))[:30]))
print(f"{len(a)} words")
PY
  # No letter-spaced word is read split in either edition.
  for edition in "$typeset" "$archive"; do
    text=$(pdftotext -enc UTF-8 "$edition" -)
    if grep -qE '(^|[[:space:]])(LET TER|S TAT|D AT E)([[:space:]]|$)' <<<"$text"; then
      fail "$(basename "$edition"): a letter-spaced word is read split"
    else
      pass "$(basename "$edition"): letter-spaced words read whole"
    fi
  done
  [ -s "$work/poppler.err" ] && fail "$pdf: poppler warns: $(head -3 "$work/poppler.err")"

  # Page labels: real ranges, and the same names page by page as the Cairo
  # edition (which writes each label as a literal prefix).
  python3 - "$archive" "$typeset" <<'PY' || fail "$pdf: page labels"
import json, subprocess, sys

def ranges(path):
    out = subprocess.run(["qpdf", "--json", "--json-key=pagelabels", path], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)["pagelabels"]

def roman(n):
    parts = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
             (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    s = ""
    for v, t in parts:
        while n >= v:
            s, n = s + t, n - v
    return s

def labels(path, count):
    rs = ranges(path)
    out = []
    for i in range(count):
        r = max((r for r in rs if r["index"] <= i), key=lambda r: r["index"])
        d, n = r["label"], r["label"].get("/St", 1) + i - r["index"]
        p = d.get("/P", "")
        p = p[2:] if p.startswith("u:") else p
        s = d.get("/S")
        out.append(p + (str(n) if s == "/D" else roman(n) if s == "/r" else ""))
    return out, rs

archive, typeset = sys.argv[1], sys.argv[2]
count = int(subprocess.run(["qpdf", "--show-npages", archive], capture_output=True, text=True).stdout)
got, rs = labels(archive, count)
want, _ = labels(typeset, count)
styles = [r["label"].get("/S") for r in rs]
if styles[:2] != ["/r", "/D"] or got[0] != "i" or "1" not in got:
    sys.exit(f"ranges {rs}: expected /S /r from the cover, then /S /D from 1")
if got != want:
    sys.exit(f"labels differ from the Cairo edition:\n{got}\n{want}")
print(f"page labels: {got[0]}..{got[got.index('1') - 1]}, then 1..{got[-1]} in {len(rs)} ranges")
PY

  # The attached sources, byte for byte.
  list=$(pdfdetach -list "$archive")
  expect_contains "$list" "references.json" "$pdf: references.json attached"
  expect_contains "$list" "folio.toml" "$pdf: folio.toml attached"
  expect_contains "$list" "folio-uk-notes.csl" "$pdf: the citation style attached"
  rm -rf "$work/detached" && mkdir -p "$work/detached"
  (cd "$work/detached" && pdfdetach -saveall "$archive")
  count=0
  for f in "$work/detached"/*; do
    name=$(basename "$f")
    source="$input/$name"
    [ -f "$source" ] || source="$FOLIO_SOURCE_DIR/styles/$name"
    if cmp -s "$f" "$source"; then count=$((count + 1)); else fail "$pdf: $name differs from its source"; fi
  done
  posts=$(grep -c '\.md$' <<<"$list")
  [ "$posts" -ge 1 ] && pass "$pdf: $count attachments identical to their sources ($posts posts)" || fail "$pdf: no post attached"

  # PDF/A-3b identification: the XMP packet and the sRGB output intent; and
  # every attachment an associated file (PDF/A-3 allows embedded files only
  # so): listed in the catalog's /AF, /AFRelationship /Source, /F, /UF and
  # /Desc on its file specification, a MIME /Subtype and /Params with /Size
  # (the source's size) and /ModDate (the build date) on its stream.
  python3 - "$archive" "$input" "$FOLIO_SOURCE_DIR/styles" <<'PY' || fail "$pdf: PDF/A-3b identification"
import json, os, subprocess, sys
path, input_dir, styles = sys.argv[1:]
raw = subprocess.run(["qpdf", "--qdf", "--object-streams=disable", path, "-"], capture_output=True).stdout
for needle in [b"<pdfaid:part>3</pdfaid:part>", b"<pdfaid:conformance>B</pdfaid:conformance>", b"/GTS_PDFA1",
               b"/DestOutputProfile", b"+00:00</xmp:CreateDate>", b"/ID ["]:
    if needle not in raw:
        sys.exit(f"missing {needle!r}")
objs = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", path], capture_output=True, text=True,
                                 check=True).stdout)["qpdf"][1]
def obj(ref):
    o = objs["obj:" + ref]
    return o["value"] if "value" in o else o["stream"]["dict"]
def text(s):
    return s[2:] if s.startswith("u:") else s
catalog = obj(objs["trailer"]["value"]["/Root"])
info = obj(objs["trailer"]["value"]["/Info"])
tree = catalog["/Names"]["/EmbeddedFiles"]["/Names"]
if catalog.get("/AF") != tree[1::2]:
    sys.exit(f"/AF {catalog.get('/AF')} does not list the {len(tree) // 2} attachments")
types = {".md": "/text/markdown", ".json": "/application/json", ".toml": "/application/toml",
         ".csl": "/application/vnd.citationstyles.style+xml"}
for ref in catalog["/AF"]:
    spec = obj(ref)
    name = text(spec["/UF"])
    stream = obj(spec["/EF"]["/F"])
    source = os.path.join(input_dir, name)
    if not os.path.isfile(source):
        source = os.path.join(styles, name)
    want = {"/AFRelationship": "/Source", "/F": name, "/Type": "/Filespec"}
    got = {k: text(spec.get(k, "")) for k in want}
    if got != want or not text(spec.get("/Desc", "")):
        sys.exit(f"{name}: file specification {spec}")
    params = stream.get("/Params", {})
    if stream.get("/Subtype") != types[os.path.splitext(name)[1]] or params.get("/Size") != os.path.getsize(source) \
            or text(params.get("/ModDate", "")) != text(info["/CreationDate"]):
        sys.exit(f"{name}: embedded file stream {stream}")
print(f"{len(catalog['/AF'])} associated files")
PY
done

# A pack that asks for the archive edition in folio.toml gets it without --archive.
cp -r "$input" "$work/toml"
python3 - "$work/toml/folio.toml" <<'PY'
import sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = text.replace('id = "refugees"\n', 'id = "refugees"\noutputs = ["pdf-archive"]\n', 1)
open(path, "w", encoding="utf-8").write(text)
PY
expect_exit 0 "outputs = [\"pdf-archive\"] in folio.toml" -- "$FOLIO" build --quiet --input "$work/toml" --out "$work/c"
[ -f "$work/c/refugees-archive.pdf" ] && [ ! -f "$work/c/refugees.pdf" ] && [ ! -f "$work/c/briefing-pack-archive.pdf" ] \
  && pass "only the pack that asks gets an archive edition" || fail "pdf-archive in folio.toml: $(ls "$work/c")"
cmp -s "$work/c/refugees-archive.pdf" "$work/a/refugees-archive.pdf" \
  && fail "a different folio.toml must change the attached folio.toml" || pass "the attachment follows folio.toml"
report=$(cat "$work/c/build.json")
expect_contains "$report" '"pdf-archive"' "build.json records the archive edition"

finish
