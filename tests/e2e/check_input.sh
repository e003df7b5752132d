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

# A name whose date is not the front matter's (2023-10-21 for 2023-10-12) is
# read, with a warning at the `date` value naming both dates.
typo="$FOLIO_WORK_DIR/typo"
mkdir -p "$typo"
printf -- '---\ntitle: A letter\ndate: 2023-10-12\nkind: news\n---\nText.\n' >"$typo/2023-10-21-letter.md"
expect_exit 0 "a post whose name's date differs is read" -- "$FOLIO" check --input "$typo"
expect_contains "$err" "$typo/2023-10-21-letter.md:3:7: warning: the post's date 2023-10-12 is not the date its file name begins with (2023-10-21-letter.md)" "the differing date is a warning at the date"
expect_contains "$err" "rename the file 2023-10-12-letter.md" "the hint gives the name that agrees with the date"
finish
