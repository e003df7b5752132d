#!/usr/bin/env bash
# The typeset PDF, end to end: the group's posts and a generated corpus are
# laid out and rendered by the PDF driver (bench/folio-pdf-bench, which reads
# an input folder exactly as `folio build` does), then checked with real
# tools: qpdf --check, pdffonts (all embedded and subset), pdfinfo (pages,
# metadata, Tagged: yes, the date from SOURCE_DATE_EPOCH), pdftotext (every
# word of each post, in order), mutool (the outline), and byte-identical
# rebuilds whatever the thread count.
set -euo pipefail

for tool in qpdf pdffonts pdfinfo pdftotext mutool python3; do
  command -v "$tool" >/dev/null || { echo "skip: $tool missing"; exit 77; }
done
driver="$(dirname "$FOLIO")/bench/folio-pdf-bench"
[ -x "$driver" ] || { echo "skip: $driver not built"; exit 77; }

work="$FOLIO_WORK_DIR"
rm -rf "$work" && mkdir -p "$work"
export SOURCE_DATE_EPOCH=1700000000   # 2023-11-14T22:13:20Z
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }

python3 "$FOLIO_SOURCE_DIR/bench/make_corpus.py" "$work/corpus" --posts 12 --seed 7

for name in group corpus; do
  if [ "$name" = group ]; then input="$FOLIO_SOURCE_DIR/input"; else input="$work/corpus"; fi
  [ -d "$input" ] || { echo "skip: no $input"; continue; }
  pdf="$work/$name.pdf"
  "$driver" "$input" "$pdf" >/dev/null
  "$driver" "$input" "$work/$name-again.pdf" --threads 2 --stream >/dev/null

  check "$name: qpdf --check" "qpdf --check '$pdf' >/dev/null"
  check "$name: identical rebuild (two threads, streamed to the renderer)" "cmp -s '$pdf' '$work/$name-again.pdf'"
  fonts="$(pdffonts "$pdf" | tail -n +3)"
  check "$name: fonts listed" "[ -n \"\$fonts\" ]"
  check "$name: every font embedded and subset" "! echo \"\$fonts\" | awk '{ if (\$(NF-4) != \"yes\" || \$(NF-3) != \"yes\") bad=1 } END { exit !bad }'"
  info="$(pdfinfo "$pdf")"
  check "$name: tagged" "echo \"\$info\" | grep -q '^Tagged: *yes'"
  check "$name: title" "echo \"\$info\" | grep -q '^Title: *[^ ]'"
  check "$name: creator" "echo \"\$info\" | grep -q '^Creator: *folio '"
  check "$name: creation date from SOURCE_DATE_EPOCH" "echo \"\$info\" | grep -q '^CreationDate: *Tue Nov 14 22:13:20 2023'"
  pages="$(echo "$info" | awk '/^Pages:/ { print $2 }')"
  check "$name: has pages" "[ \"\${pages:-0}\" -gt 1 ]"
  posts="$(ls "$input"/*.md | wc -l)"
  outline="$(mutool show "$pdf" outline | grep -c '"' || true)"
  check "$name: outline has an entry per post ($posts)" "[ \"\$outline\" -ge \"$posts\" ]"

  pdftotext "$pdf" "$work/$name.txt"
  # Every word of every post's body, in order (a subsequence of the text:
  # notes and running heads may come between). Front matter, footnote
  # definitions, link targets and citation keys are not body words.
  check "$name: every word in order" "python3 - '$input' '$work/$name.txt' <<'PY'
import re, sys, pathlib
# pdftotext joins a word broken at a line end and drops the hyphen, also
# for a compound's own hyphen (anti-Nazi -> antiNazi): compare compounds
# without their hyphens on both sides.
join = lambda s: re.sub(r'(?<=[A-Za-z])[-\u2010\u00ad]\s*(?=[A-Za-z])', '', s)
text = join(pathlib.Path(sys.argv[2]).read_text(encoding='utf-8'))
words = re.findall(r'[A-Za-z]+', text)
bad = 0
for md in sorted(pathlib.Path(sys.argv[1]).glob('*.md')):
    src = md.read_text(encoding='utf-8')
    body = src.split('---', 2)[2] if src.startswith('---') else src
    body = re.sub(r'(?m)^\[\^[^\]]+\]:.*$', ' ', body)          # note definitions
    body = re.sub(r'\]\([^)]*\)', ']', body)                    # link targets
    body = re.sub(r'\[[^\]]*@[^\]]*\]', ' ', body)              # citations
    body = re.sub(r'\[\^[^\]]+\]', ' ', body)                   # note marks
    body = re.sub(r'<[^>]+>', ' ', body)                        # raw HTML
    want = re.findall(r'[A-Za-z]+', join(body))
    i = 0
    for w in words:
        if i < len(want) and w == want[i]:
            i += 1
    if i < len(want):
        print(f'{md.name}: word {i} of {len(want)} ({want[i]!r}) not found in order')
        bad = 1
sys.exit(bad)
PY"
done

# The same checks on what `folio build` itself writes.
if [ -x "$FOLIO" ] && [ -d "$FOLIO_SOURCE_DIR/input" ]; then
  "$FOLIO" build --quiet --input "$FOLIO_SOURCE_DIR/input" --out "$work/out"
  for pdf in "$work"/out/*.pdf; do
    name="folio build: $(basename "$pdf")"
    check "$name: qpdf --check" "qpdf --check '$pdf' >/dev/null"
    check "$name: tagged" "pdfinfo '$pdf' | grep -q '^Tagged: *yes'"
    check "$name: creation date from SOURCE_DATE_EPOCH" "pdfinfo '$pdf' | grep -q '^CreationDate: *Tue Nov 14 22:13:20 2023'"
    check "$name: every font embedded" "! pdffonts '$pdf' | tail -n +3 | awk '{ if (\$(NF-4) != \"yes\") bad=1 } END { exit !bad }'"
  done
  check "folio build wrote the briefing pack" "[ -s '$work/out/briefing-pack.pdf' ]"
  check "folio build: the pack equals the driver's" "cmp -s '$work/out/briefing-pack.pdf' '$work/group.pdf'"
fi

exit $fail
