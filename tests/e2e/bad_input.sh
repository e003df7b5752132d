# Each bad fixture gives its exact file:line:col error and exit 1, all in one
# run; nothing is written by a failed build, and an old output survives.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"

# tests/fixtures/bad/EXPECTED: one expected diagnostic line per fixture.
expected=tests/fixtures/bad/EXPECTED
[ -f "$expected" ] || { fail "$expected is missing"; finish; }
expect_exit 1 "folio check on the bad fixtures" -- "$FOLIO" check --input tests/fixtures/bad
all_errors=$err
fixtures=0
while IFS= read -r line; do
    [ -z "$line" ] && continue
    case "$line" in \#*) continue ;; esac
    expect_contains "$all_errors" "$line" "reported: ${line%%: error*}"
    fixtures=$((fixtures + 1))
done <"$expected"
[ "$fixtures" -ge 10 ] && pass "$fixtures fixtures checked" || fail "only $fixtures expected lines"

# Each fixture alone also fails with exit 1.
for f in tests/fixtures/bad/*.md; do
    dir="$FOLIO_WORK_DIR/one/$(basename "$f" .md)"
    mkdir -p "$dir" && cp "$f" "$dir/"
    expect_exit 1 "$(basename "$f") alone fails" -- "$FOLIO" check --input "$dir"
done

# The references fixtures: unknown citation keys, missing images, paths that leave input/.
expect_exit 1 "folio check on the bad references fixtures" -- "$FOLIO" check --input tests/fixtures/bad-refs
expect_contains "$err" "tests/fixtures/bad-refs/2023-10-21-typo-key.md:9:47: error: unknown citation key 'coi2041'" "unknown key at its line:col"
expect_contains "$err" "hint: did you mean 'coi2014'?" "with a did-you-mean hint"
expect_contains "$err" "tests/fixtures/bad-refs/2023-10-22-images.md:8:1: error: image 'images/missing.png' not found" "missing image"
expect_contains "$err" "tests/fixtures/bad-refs/2023-10-22-images.md:10:1: error: image path '../../../etc/passwd' leaves the input folder" "image path leaving input/"
expect_contains "$err" "tests/fixtures/bad-refs/2023-10-22-images.md:12:1: error: image path '/etc/hostname' is absolute and leaves the input folder" "absolute image path"
expect_contains "$err" "folio: 4 errors" "every problem of the run in one go"

# Two posts with the same slug (the file name without date and .md) would
# collide in the EPUB and the PDF's links: an error naming both files.
dup="$FOLIO_WORK_DIR/dup"
mkdir -p "$dup"
printf -- '---\ntitle: First\ndate: 2020-01-01\nkind: news\n---\nText.\n' >"$dup/2020-01-01-same.md"
printf -- '---\ntitle: Second\ndate: 2021-01-01\nkind: news\n---\nText.\n' >"$dup/2021-01-01-same.md"
expect_exit 1 "two posts with one slug" -- "$FOLIO" check --input "$dup"
expect_contains "$err" "2021-01-01-same.md: error: two posts have the slug 'same' (the other is $dup/2020-01-01-same.md)" "the clash names both files"

# A references.json that cannot be read is the one error: the citations of
# every post are not also reported as unknown keys (they were, one error per
# citation, before the JSON error that caused them all).
badjson="$FOLIO_WORK_DIR/badjson"
mkdir -p "$badjson"
printf -- '---\ntitle: One\ndate: 2020-01-01\nkind: news\n---\nAs found [@coi2014].\n' >"$badjson/2020-01-01-one.md"
printf -- '---\ntitle: Two\ndate: 2020-01-02\nkind: news\n---\nSee @coi2014 and [@udhr1948].\n' >"$badjson/2020-01-02-two.md"
printf '[\n  {"id": "coi2014", "type": "report", "title": "Report"}\n  {"id": "udhr1948", "type": "legislation"}\n]\n' >"$badjson/references.json"
expect_exit 1 "a malformed references.json" -- "$FOLIO" check --input "$badjson"
expect_contains "$err" "$badjson/references.json:3:3: error: malformed JSON" "the JSON error at its line"
expect_contains "$err" "folio: 1 error, 0 warnings" "and nothing else"
grep -q "unknown citation key" <<<"$err" && fail "citations reported as unknown because the bibliography could not be read" || pass "no unknown-key errors from an unread bibliography"

# An unreadable post is reported, never skipped (root reads everything, so only as a normal user).
if [ "$(id -u)" -ne 0 ]; then
    unreadable="$FOLIO_WORK_DIR/unreadable"
    mkdir -p "$unreadable" && cp "$dup/2020-01-01-same.md" "$unreadable/" && chmod 000 "$unreadable/2020-01-01-same.md"
    expect_exit 1 "an unreadable post" -- "$FOLIO" check --input "$unreadable"
    expect_contains "$err" "cannot open" "the unreadable post is named"
fi

# A failed build writes nothing and keeps the previous output.
mkdir -p "$FOLIO_WORK_DIR/out"
echo "previous good output" >"$FOLIO_WORK_DIR/out/collection.epub"
expect_exit 1 "folio build on bad input" -- "$FOLIO" build --input tests/fixtures/bad-refs --out "$FOLIO_WORK_DIR/out"
expect_contains "$err" "nothing written" "the build says nothing was written"
[ "$(cat "$FOLIO_WORK_DIR/out/collection.epub")" = "previous good output" ] && pass "the previous output survives" || fail "the previous output was changed"
[ "$(ls -A "$FOLIO_WORK_DIR/out")" = "collection.epub" ] && pass "no temporary file left" || fail "stray files in out/: $(ls -A "$FOLIO_WORK_DIR/out")"
finish
