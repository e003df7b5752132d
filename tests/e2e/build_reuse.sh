# folio build leaves a pack's outputs alone when nothing they depend on
# changed (same file, same inode and time), redraws exactly the packs that
# did change, and what it leaves is byte-identical to a cold build of the
# same inputs. A small three-pack project made from input/, so the test runs
# in any clone.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"
command -v python3 >/dev/null || skip "python3 is needed to read build.json"
command -v qpdf >/dev/null || skip "qpdf missing"

export SOURCE_DATE_EPOCH=1700000000
proj="$FOLIO_WORK_DIR/project"
dest="$FOLIO_WORK_DIR/out"
mkdir -p "$proj"
a1=2016-11-02-north-koreas-hidden-revolution.md
a2=2017-03-10-indoctrination-of-children.md
b1=2016-11-01-exiled-north-korean-activism.md
c1=2016-11-09-while-they-watched.md
cp "input/$a1" "input/$a2" "input/$b1" "input/$c1" input/references.json "$proj/"
# Raw HTML the EPUB drops: a warning from B's EPUB writer, which must be
# said again by a build that leaves B's EPUB alone.
printf '\nSome <font color="red">red</font> text.\n' >>"$proj/$b1"
cp styles/plain.toml "$proj/a-style.toml"
cp tests/fixtures/images/small.jpg "$proj/logo.jpg"
cat >"$proj/folio.toml" <<TOML
[site]
name = "Reuse test"
language = "en-GB"
logo = "logo.jpg"

[[pack]]
id = "a"
title = "Pack A"
files = ["$a1", "$a2"]
style = "a-style.toml"

[[pack]]
id = "b"
title = "Pack B"
files = ["$b1"]

[[pack]]
id = "c"
title = "Pack C"
files = ["$c1"]
outputs = ["pdf"]
TOML

pack_files() {  # PACK: its outputs' names
    case $1 in a) echo a.pdf a.epub ;; b) echo b.pdf b.epub ;; c) echo c.pdf ;; esac
}
stamp() { stat -c '%i %y' "$dest/$1"; }
declare -A before
remember() { for f in a.pdf a.epub b.pdf b.epub c.pdf; do before[$f]=$(stamp "$f"); done; }
# reused_flags: "path:reused" for every output of build.json, sorted.
reused_flags() {
    python3 -c 'import json,sys,os
r=json.load(open(sys.argv[1]))
print(" ".join(sorted(os.path.basename(o["path"])+":"+str(o["reused"]).lower() for o in r["outputs"])))' "$dest/build.json"
}
# expect_drawn "DESCRIPTION" PACKS...: after a build, exactly PACKS' outputs
# were rewritten (new inode or time) and build.json says so; the others are
# untouched and marked reused.
expect_drawn() {
    local what=$1; shift
    local want_flags=() f p drawn
    for p in a b c; do
        drawn=false
        for d in "$@"; do [ "$d" = "$p" ] && drawn=true; done
        for f in $(pack_files "$p"); do
            if $drawn; then
                [ "$(stamp "$f")" != "${before[$f]}" ] || fail "$what: $f was not rewritten"
                want_flags+=("$f:false")
            else
                [ "$(stamp "$f")" = "${before[$f]}" ] || fail "$what: $f was touched"
                want_flags+=("$f:true")
            fi
        done
    done
    local want
    want=$(printf '%s\n' "${want_flags[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
    local got
    got=$(reused_flags)
    [ "$got" = "$want" ] && pass "$what: drawn ${*:-nothing}, the rest reused" \
        || fail "$what: build.json says '$got', expected '$want'"
    remember
}
build() { expect_exit 0 "$1" -- "$FOLIO" build --input "$proj" --out "$dest" "${@:2}"; }
# A cold build of the project as it is now into a fresh folder must give the
# very bytes the incremental builds left in out/.
same_as_cold() {
    local cold="$FOLIO_WORK_DIR/cold-$1" f
    rm -rf "$cold"
    "$FOLIO" build --input "$proj" --out "$cold" --no-cache --quiet "${@:2}" || fail "$1: cold build failed"
    for f in a.pdf a.epub b.pdf b.epub c.pdf; do
        cmp -s "$dest/$f" "$cold/$f" || fail "$1: $f differs from a cold build of the same inputs"
    done
    pass "$1: every output is byte-identical to a cold build"
}

build "first build"
for f in a.pdf a.epub b.pdf b.epub c.pdf; do [ -s "$dest/$f" ] || fail "$f missing"; done
for f in a.pdf b.pdf c.pdf; do qpdf --check "$dest/$f" >/dev/null 2>&1 && pass "$f: qpdf --check" || fail "$f: qpdf --check"; done
remember
sleep 1.1  # a rewrite within the same second must still show in %y (nanoseconds), but be sure

build "nothing changed"
expect_contains "$out" "unchanged:" "the summary names the unchanged outputs"
expect_drawn "nothing changed"
expect_contains "$err" "raw HTML <font> removed" "the reused EPUB's warning is said again"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if sum("raw HTML <font>" in w for w in r["warnings"]) == 1 else 1)' \
    "$dest/build.json" && pass "build.json lists the reused EPUB's warning once" || fail "build.json warnings: lost or repeated"
build "nothing changed, again (a reused record is reusable)" --verbose
expect_contains "$err" "a: unchanged since the last build" "--verbose says a pack is unchanged"
expect_drawn "nothing changed, again"
expect_exit 0 "nothing changed, the folders spelt otherwise" -- "$FOLIO" build --input "$proj/./" --out "$dest//"
expect_drawn "the folders spelt otherwise"

printf '\nA paragraph added to the post only pack B selects.\n' >>"$proj/$b1"
build "a post only pack B selects changed" --verbose
expect_contains "$err" "b: drawn: fingerprint changed (posts)" "--verbose says why B was drawn"
expect_drawn "B's post changed" b
same_as_cold "after B's post changed"

python3 -c 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); b[len(b)//2]^=0x01; open(p,"wb").write(b)' "$dest/c.pdf"
before[c.pdf]=$(stamp c.pdf)
build "c.pdf edited by one byte" --verbose
expect_contains "$err" "c.pdf was changed since the last build" "--verbose says the output was edited"
expect_drawn "c.pdf edited" c
same_as_cold "after c.pdf was edited"

rm "$dest/build.json"
build "build.json deleted" --verbose
expect_contains "$err" "drawn: no previous report" "--verbose says there was no report"
expect_drawn "build.json deleted" a b c

printf '{"report_format": 2, "outputs": [' >"$dest/build.json"
build "build.json truncated"
expect_drawn "build.json truncated" a b c

# Under the sanitizers (FOLIO_SANITIZED=1) the changes of one more
# fingerprint part each (the options, references.json, folio.toml, the logo)
# run the same code as the style edit below, a build each: only the style
# edit is kept there. That saves about half a minute of CI.
full=true
[ "${FOLIO_SANITIZED:-0}" = 1 ] && full=false

if $full; then
SOURCE_DATE_EPOCH=1700086400 build "another SOURCE_DATE_EPOCH" --verbose
expect_contains "$err" "fingerprint changed (options)" "--verbose names the options"
expect_drawn "another SOURCE_DATE_EPOCH" a b c
build "SOURCE_DATE_EPOCH back"
expect_drawn "SOURCE_DATE_EPOCH back" a b c
fi

build "--archive" --archive
for f in a b c; do
    [ -s "$dest/$f-archive.pdf" ] && qpdf --check "$dest/$f-archive.pdf" >/dev/null 2>&1 \
        && pass "$f-archive.pdf: qpdf --check" || fail "$f-archive.pdf missing or broken"
done
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if not any(o["reused"] for o in r["outputs"]) else 1)' \
    "$dest/build.json" && pass "--archive redraws every pack" || fail "--archive reused a pack"
for f in a.pdf a.epub b.pdf b.epub c.pdf; do before[$f]=$(stamp "$f"); done
build "--archive again" --archive
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if all(o["reused"] for o in r["outputs"]) and len(r["outputs"]) == 8 else 1)' \
    "$dest/build.json" && pass "--archive again: every output, archive editions too, reused" || fail "--archive again redrew"
build "--archive dropped"
expect_drawn "--archive dropped" a b c

sed -i 's/^size = 11$/size = 10.5/' "$proj/a-style.toml"
grep -q '^size = 10.5$' "$proj/a-style.toml" || fail "the style edit did not apply"
build "pack A's style file edited" --verbose
expect_contains "$err" "a: drawn: fingerprint changed" "--verbose says A's fingerprint changed"
expect_drawn "A's style edited" a

if $full; then
python3 -c 'import json,sys; p=sys.argv[1]; r=json.load(open(p)); r[0]["title"]=r[0].get("title","")+" (revised)"; json.dump(r,open(p,"w"),indent=1)' \
    "$proj/references.json"
build "references.json edited"
expect_drawn "references.json edited" a b c

printf '\n# a comment\n' >>"$proj/folio.toml"
build "folio.toml edited"
expect_drawn "folio.toml edited" a b c

cp tests/fixtures/images/photo.jpg "$proj/logo.jpg"
build "logo replaced"
expect_drawn "logo replaced" a b c
fi
same_as_cold "after the style, references, folio.toml and logo changed"

build "--no-cache" --no-cache --verbose
expect_contains "$err" "--no-cache: every pack is drawn" "--verbose says --no-cache draws everything"
expect_drawn "--no-cache" a b c
build "after --no-cache, its outputs are reusable"
expect_drawn "after --no-cache" 

# A build that fails after a pack was reused leaves every output and
# build.json as they were.
cp "$dest/build.json" "$FOLIO_WORK_DIR/build.json.before"
printf -- '---\ntitle: "Broken\n---\n' >"$proj/$b1"
expect_exit 1 "a broken post" -- "$FOLIO" build --input "$proj" --out "$dest"
cmp -s "$dest/build.json" "$FOLIO_WORK_DIR/build.json.before" && pass "build.json unchanged by the failed build" \
    || fail "the failed build changed build.json"
expect_drawn "the failed build"

for f in a.pdf b.pdf c.pdf; do qpdf --check "$dest/$f" >/dev/null 2>&1 && pass "$f: qpdf --check at the end" || fail "$f: qpdf --check"; done
# B's EPUB was drawn by the same code; one run of epubcheck is ~15 s.
epubcheck_clean "$dest/a.epub" "a.epub"
leftovers=$(find "$dest" -name '.*tmp*')
[ -z "$leftovers" ] && pass "no temporary files left" || fail "temporary files left: $leftovers"
finish
