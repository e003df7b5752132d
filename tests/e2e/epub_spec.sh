# EPUB spec examples: tests/spec/epub/NAME.md through reader, passes and EPUB
# writer (one `folio build`), each post page compared byte for byte with
# NAME.xhtml. FOLIO_ACCEPT=1 rewrites the expectations instead.
. "$(dirname "$0")/lib.sh"
command -v unzip >/dev/null || skip "unzip missing"
spec="$FOLIO_SOURCE_DIR/tests/spec/epub"
input="$FOLIO_WORK_DIR/input"
mkdir -p "$input"
cp "$spec"/*.md "$input/"
export SOURCE_DATE_EPOCH=1700000000
expect_exit 0 "build of the spec examples" -- "$FOLIO" build --input "$input" --out "$FOLIO_WORK_DIR/out"
book="$FOLIO_WORK_DIR/out/collection.epub"
[ -f "$book" ] || { fail "no collection.epub"; finish; }

# The writer's warnings are part of the spec: raw-html.md and links.md must
# say what they dropped, at their lines.
expect_contains "$err" "raw-html.md:6:48: warning: raw HTML <script> removed with its content" "the inline script is reported at its line and column"
expect_contains "$err" "raw-html.md:8:1: warning: raw HTML <div> removed, its text kept, event handler onmouseover" "the div's handler is named"
expect_contains "$err" "links.md:9:1: warning: link to 'blocks.md#nowhere' names no heading" "a fragment naming no heading is reported"
expect_contains "$err" "links.md:9:64: warning: link to 'nowhere.md' points at nothing" "links to nothing are reported"

for md in "$spec"/*.md; do
    name=$(basename "$md" .md)
    got=$(unzip -p "$book" "EPUB/text/post-$name.xhtml")
    want_file="$spec/$name.xhtml"
    if [ "${FOLIO_ACCEPT:-0}" = 1 ]; then
        printf '%s\n' "$got" >"$want_file"
        pass "$name: expectation written"
    elif [ ! -f "$want_file" ]; then
        fail "$name: no $name.xhtml (run with FOLIO_ACCEPT=1)"
    elif [ "$got" = "$(cat "$want_file")" ]; then
        pass "$name"
    else
        fail "$name: XHTML differs"
        diff <(cat "$want_file") <(printf '%s\n' "$got") >&2
    fi
done
finish
