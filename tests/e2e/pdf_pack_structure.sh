#!/usr/bin/env bash
# The briefing pack's structure, end to end on input/: every configured pack
# builds; the page number the contents print for each post is the page on
# which pdftotext finds the post's title (by page label); the outline has
# Cover, Contents and an entry per post; page labels are i on the cover and 1
# on the first post; on a letter page the address block comes before the
# salutation; a pack with start_on_right = true has every post on an odd page.
set -euo pipefail

for tool in qpdf pdftotext python3; do
  command -v "$tool" >/dev/null || { echo "skip: $tool missing"; exit 77; }
done
[ -x "$FOLIO" ] || { echo "skip: $FOLIO not built"; exit 77; }
[ -f "$FOLIO_SOURCE_DIR/input/folio.toml" ] || { echo "skip: no input/folio.toml"; exit 77; }

work="$FOLIO_WORK_DIR"
rm -rf "$work" && mkdir -p "$work"
export SOURCE_DATE_EPOCH=1700000000
fail=0

"$FOLIO" build --quiet --input "$FOLIO_SOURCE_DIR/input" --out "$work/out"

# The same input with every pack printed for duplex (start_on_right = true).
cp -r "$FOLIO_SOURCE_DIR/input" "$work/duplex"
python3 - "$work/duplex/folio.toml" <<'EOF'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
text = re.sub(r"^start_on_right\s*=.*\n", "", text, flags=re.M)
text = text.replace("[[pack]]\n", "[[pack]]\nstart_on_right = true\n")
open(path, "w", encoding="utf-8").write(text)
EOF
"$FOLIO" build --quiet --input "$work/duplex" --out "$work/duplex-out"

check_pack() {
  # $1: the PDF; $2: "duplex" to require posts on odd pages
  python3 - "$1" "${2:-}" <<'EOF'
import json, re, subprocess, sys

pdf, mode = sys.argv[1], sys.argv[2]
name = pdf.rsplit("/", 1)[-1]
failures = []
def fail(msg):
    failures.append(f"FAIL: {name}: {msg}")

doc = json.loads(subprocess.run(["qpdf", "--json", "--json-key=pagelabels", "--json-key=outlines",
                                 "--json-key=pages", pdf], capture_output=True, text=True, check=True).stdout)
npages = len(doc["pages"])

def roman_to_int(s):
    vals = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    total = 0
    for a, b in zip(s, s[1:] + " "):
        v = vals[a]
        total += -v if b != " " and vals.get(b, 0) > v else v
    return total

def int_to_roman(n):
    out = ""
    for v, r in [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                 (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]:
        while n >= v:
            out += r
            n -= v
    return out

# Page labels per the number tree: prefix /P, style /S (/D arabic, /r roman), start /St.
ranges = sorted(doc.get("pagelabels", []), key=lambda r: r["index"])
labels = []
for i in range(npages):
    r = [r for r in ranges if r["index"] <= i]
    if not r:
        labels.append(str(i + 1))
        continue
    r = r[-1]
    lab = r["label"]
    prefix = lab.get("/P", "")
    prefix = prefix[2:] if prefix.startswith("u:") else prefix
    start = lab.get("/St", 1) + i - r["index"]
    style = lab.get("/S")
    number = str(start) if style == "/D" else int_to_roman(start) if style == "/r" else \
             int_to_roman(start).upper() if style == "/R" else ""
    labels.append(prefix + number)

if labels[0] != "i":
    fail(f"the cover's label is {labels[0]!r}, not 'i'")

texts = []
for i in range(npages):
    t = subprocess.run(["pdftotext", "-f", str(i + 1), "-l", str(i + 1), "-layout", pdf, "-"],
                       capture_output=True, text=True, check=True).stdout
    texts.append(t)
flat = [re.sub(r"\s+", " ", t) for t in texts]
# In reading order (no -layout): a first page's side note in the outer
# margin (kind label, date) is a block of its own there, where -layout
# puts it on the title's lines, between its words.
# One run for the document: pdftotext ends each page with a form feed.
whole = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
reading = [re.sub(r"\s+", " ", t) for t in whole.split("\f")]
reading += [""] * (npages - len(reading))

outline = doc.get("outlines", [])
titles = [o["title"] for o in outline]
if titles[:2] != ["Cover", "Contents"]:
    fail(f"the outline does not open with Cover, Contents: {titles[:3]}")
posts = [o for o in outline[2:] if o["title"] != "References"]
if not posts:
    fail("the outline has no posts")

# The contents: its pages are the roman ones after the inside cover; each
# entry ends with its page number at the end of a line.
contents_pages = [i for i in range(npages) if not labels[i].isdigit() and "Contents" in texts[i]]
numbers = []
for i in contents_pages:
    for line in texts[i].splitlines():
        m = re.search(r"\S\s+(\d+)\s*$", line)
        if m and labels[i] != m.group(1):
            numbers.append(m.group(1))
if len(numbers) != len(posts):
    fail(f"{len(numbers)} contents entries with page numbers, {len(posts)} posts in the outline")

first_body = next((i for i in range(npages) if labels[i].isdigit()), None)
if first_body is None or labels[first_body] != "1":
    fail("no page labelled 1 after the front matter")

for k, post in enumerate(posts):
    title = re.sub(r"\s+", " ", post["title"]).strip()
    key = title[:40]
    found = next((i for i in range(first_body or 0, npages) if key in reading[i]), None)
    if found is None:
        fail(f"title not found in the body: {title!r}")
        continue
    if post.get("destpageposfrom1") != found + 1:
        fail(f"outline entry {title!r} points at page {post.get('destpageposfrom1')}, the title is on {found + 1}")
    if k < len(numbers) and numbers[k] != labels[found]:
        fail(f"contents print {numbers[k]} for {title!r}, its title is on the page labelled {labels[found]}")
    if mode == "duplex" and (found % 2 != 0 or int(labels[found]) % 2 != 1):
        fail(f"{title!r} starts on page {found + 1} (label {labels[found]}), not a right-hand page")
    if k == 0 and first_body is not None and found != first_body:
        fail(f"the first post is not on the first page labelled 1")

# A letter: its address block (the recipient's street) before "Dear".
for i in range(first_body or 0, npages):
    t = flat[i]
    if "LETTER" in t and "Dear " in t:
        m = re.search(r"Dear ", t)
        before = t[: m.start()]
        if not re.search(r"(Street|London|House of|SW1A)", before):
            fail(f"page {labels[i]}: no address block before the salutation")

for f in failures:
    print(f)
sys.exit(1 if failures else 0)
EOF
}

for pdf in "$work"/out/*.pdf; do
  check_pack "$pdf" || fail=1
done
for pdf in "$work"/duplex-out/*.pdf; do
  check_pack "$pdf" duplex || fail=1
done
n="$(ls "$work"/out/*.pdf | wc -l)"
packs="$(grep -c '^\[\[pack\]\]' "$FOLIO_SOURCE_DIR/input/folio.toml" || true)"
[ "$n" -ge "$packs" ] || { echo "FAIL: $packs packs configured, $n PDFs built"; fail=1; }
# The EPUB carries the PDF's cover drawing as its cover image, and its
# page-list gives the PDF's printed page numbers.
if command -v unzip >/dev/null && [ -f "$work/out/collection.epub" ]; then
  unzip -p "$work/out/collection.epub" EPUB/images/cover.png > "$work/cover.png" 2>/dev/null || true
  if ! head -c 8 "$work/cover.png" | od -An -tx1 | grep -q "89 50 4e 47"; then
    echo "FAIL: collection.epub has no cover PNG"; fail=1
  fi
  python3 - "$work/out/collection.epub" "$work/out/briefing-pack.pdf" <<'PY' || fail=1
import re, subprocess, sys, zipfile
epub, pdf = sys.argv[1], sys.argv[2]
nav = zipfile.ZipFile(epub).read("EPUB/nav.xhtml").decode("utf-8")
m = re.search(r'<nav[^>]*epub:type="page-list".*?</nav>', nav, re.S)
if not m:
    print("FAIL: collection.epub: no page-list"); sys.exit(1)
labels = re.findall(r">([^<>]+)</a>", m.group(0))
info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
arabic = [l for l in labels if l.isdigit()]
if not arabic or arabic[0] != "1":
    print(f"FAIL: collection.epub: the page-list does not start at 1: {labels[:3]}"); sys.exit(1)
if any(int(a) >= pages for a in arabic):
    print("FAIL: collection.epub: a page-list label beyond the PDF's pages"); sys.exit(1)
PY
fi
exit $fail
