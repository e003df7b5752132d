# Broken CSL styles are errors at the offending element's file:line (unknown
# element, missing attribute, bad value, undefined and recursive macros) and a
# pinpoint the style cannot print is a warning at the cite, all in one run;
# a style whose macros call each other must not hang folio.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"

fixtures=tests/fixtures/bad-styles
expected=$fixtures/EXPECTED
[ -f "$expected" ] || { fail "$expected is missing"; finish; }
expect_exit 1 "folio check on the bad styles" -- timeout 60 "$FOLIO" check --input "$fixtures"
lines=0
while IFS= read -r line; do
    [ -z "$line" ] && continue
    case "$line" in \#*) continue ;; esac
    expect_contains "$err" "$line" "reported: ${line%%: error*}"
    lines=$((lines + 1))
done <"$expected"
[ "$lines" -ge 7 ] && pass "$lines expected lines checked" || fail "only $lines expected lines"
expect_contains "$err" "hint: did you mean 'text'?" "a misspelt element gets a did-you-mean"
expect_contains "$err" "folio: 5 errors, 2 warnings" "every problem of the run in one go"

# The recursive style alone: refused at once, nothing written.
one="$FOLIO_WORK_DIR/recursive"
mkdir -p "$one"
cp "$fixtures/recursive-macros.csl" "$fixtures/references.json" "$fixtures/2023-01-01-pinpoints.md" "$one/"
printf '[site]\nname = "x"\n\n[[pack]]\nid = "r"\ncitation_style = "recursive-macros.csl"\n' >"$one/folio.toml"
expect_exit 1 "folio build with recursive macros stops" -- timeout 60 "$FOLIO" build --input "$one" --out "$FOLIO_WORK_DIR/out"
expect_contains "$err" "recursive-macros.csl:6: error: macro 'author' calls itself" "the cycle at the macro's line"
[ ! -e "$FOLIO_WORK_DIR/out/r.pdf" ] && pass "nothing written" || fail "a PDF was written"
finish
