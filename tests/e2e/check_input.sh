# The group's posts in input/ read and check with no error and no warning.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"

expect_exit 0 "folio check --input input" -- "$FOLIO" check --input input
[ -z "$err" ] && pass "no diagnostics at all" || { fail "folio check printed diagnostics"; echo "$err" >&2; }
expect_contains "$out" "no errors" "the summary says so"
posts=$(ls input/*.md | wc -l)
expect_contains "$out" "$posts posts" "every post in input/ was read"

# Every post dumps, and the dump starts with its slug and carries its title.
for f in input/*.md; do
    out=$("$FOLIO" dump "$f" 2>&1) || fail "folio dump $f"
    slug=$(basename "$f" .md | sed -E 's/^[0-9]{4}-[0-9]{2}-[0-9]{2}-//')
    head -1 <<<"$out" | grep -qF "post \"$slug\"" || fail "dump of $f starts with its slug"
done
pass "every post dumps"

# A post whose file name lacks the YYYY-MM-DD- prefix is still read, with a
# warning at the file naming what to rename it to (its date from `date:`).
named="$FOLIO_WORK_DIR/named"
mkdir -p "$named"
printf -- '---\ntitle: A letter\ndate: 2023-10-21\nkind: news\n---\nText.\n' >"$named/letter.md"
expect_exit 0 "a post named without its date is read" -- "$FOLIO" check --input "$named"
expect_contains "$err" "$named/letter.md: warning: file name 'letter.md' does not begin with the post's date" "the missing date prefix is a warning at the file"
expect_contains "$err" "hint: rename it 2023-10-21-letter.md:" "the hint gives the name to use"
finish
