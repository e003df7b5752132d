# The CI recipe (samples/ci/github-actions.yml) does what the README says:
# its "Build the packs" step, run as the workflow runs it in a git clone,
# dates the packs by the last commit that changed input/, so a commit that
# changes no post leaves every pack as it was (with out/ restored by the
# recipe's cache step), and a commit that changes a post redraws.
. "$(dirname "$0")/lib.sh"
command -v git >/dev/null || skip "git missing"
command -v python3 >/dev/null || skip "python3 is needed to read build.json"
recipe="$FOLIO_SOURCE_DIR/samples/ci/github-actions.yml"

# The cache step must restore all of out/ (outputs and build.json, not only
# the galley cache), or nothing can be left alone in hosted CI.
awk '/uses: actions\/cache@/{c=1} c&&/path:/{print $2; exit}' "$recipe" | grep -qx out \
    && pass "the recipe caches out/ whole" || fail "the recipe's cache step does not restore out/"

# The step's script, exactly as written in the recipe (the block under its
# `run: |`, unindented).
script=$(awk '/- name: Build the packs/{f=1; next} f && /^      - /{exit} f' "$recipe" \
    | sed -n '/run: |/,$p' | tail -n +2 | sed 's/^          //')
grep -q "build/folio build" <<<"$script" && pass "the build step found in the recipe" \
    || { fail "no 'Build the packs' step with build/folio in $recipe"; finish; }

# The repository the workflow checks out (`origin`), and each run's
# workspace: a clone made as the recipe's checkout step makes it (its
# fetch-depth; checkout's default is the last commit alone), with out/
# restored from the previous run as its cache step restores it.
depth=$(awk '/uses: actions\/checkout@/{c=1; next} c && /^      - /{exit} c && /fetch-depth:/{print $2; exit}' "$recipe")
depth=${depth:-1}
origin="$FOLIO_WORK_DIR/origin"
repo="$FOLIO_WORK_DIR/repo"
saved_out="$FOLIO_WORK_DIR/saved-out"
mkdir -p "$origin" "$FOLIO_WORK_DIR/home"
cp -r "$FOLIO_SOURCE_DIR/input" "$origin/"
echo "# the group's posts" >"$origin/README.md"
export HOME="$FOLIO_WORK_DIR/home" GITHUB_WORKSPACE="$repo" GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.org \
    GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.org
unset SOURCE_DATE_EPOCH
commit() {  # DATE MESSAGE
    GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" git -C "$origin" commit -q -m "$2" || fail "git commit: $2"
}
git -C "$origin" init -q && git -C "$origin" add -A && commit "2024-01-10T12:00:00Z" "posts"
checkout() {
    rm -rf "$repo"
    if [ "$depth" = 0 ]; then git clone -q "file://$origin" "$repo"; else git clone -q --depth "$depth" "file://$origin" "$repo"; fi \
        || fail "git clone (fetch-depth $depth)"
    mkdir -p "$repo/build" && ln -s "$FOLIO" "$repo/build/folio"
    if [ -d "$saved_out" ]; then cp -a "$saved_out" "$repo/out"; fi
}
run_step() {
    checkout
    (cd "$repo" && bash -euo pipefail -c "$script") >"$FOLIO_WORK_DIR/step.log" 2>&1 || { fail "$1: the step failed"; cat "$FOLIO_WORK_DIR/step.log" >&2; }
    rm -rf "$saved_out" && cp -a "$repo/out" "$saved_out"
}
# reused: "N/M": how many of build.json's outputs were left alone.
reused() { python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["outputs"]; print("%d/%d" % (sum(x["reused"] for x in o), len(o)))' "$repo/out/build.json"; }
sde() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["source_date_epoch"])' "$repo/out/build.json"; }

run_step "first run"
n=$(reused); total=${n#*/}
[ "$total" -ge 4 ] && [ "${n%/*}" = 0 ] && pass "first run: $total outputs drawn" || fail "first run: reused $n"
[ "$(sde)" = "$(date -d 2024-01-10T12:00:00Z +%s)" ] && pass "dated by the commit that changed input/" \
    || fail "SOURCE_DATE_EPOCH $(sde), expected the posts' commit"

echo "More about the posts." >>"$origin/README.md"
git -C "$origin" add README.md && commit "2024-02-01T09:00:00Z" "README only"
run_step "a commit that changes no post"
[ "$(reused)" = "$total/$total" ] && pass "a commit that changes no post: every output left as it was" \
    || fail "a commit that changes no post: reused $(reused), expected $total/$total"

post=$(ls "$origin"/input/*.md | head -1)
printf '\nA paragraph added.\n' >>"$post"
git -C "$origin" add -A && commit "2024-03-01T09:00:00Z" "a post edited"
run_step "a commit that changes a post"
[ "$(reused)" = "0/$total" ] && pass "a commit that changes a post: every pack redrawn with the new date" \
    || fail "a commit that changes a post: reused $(reused)"
[ "$(sde)" = "$(date -d 2024-03-01T09:00:00Z +%s)" ] && pass "dated by the new commit" || fail "not redated"

# A pack removed from folio.toml: its files, still in the restored out/, are
# not published with the others.
python3 - "$origin/input/folio.toml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
at = s.index('[[pack]]\nid = "accountability"')
end = s.find('[[pack]]', at + 1)
open(p, 'w').write(s[:at] + (s[end:] if end >= 0 else ''))
PY
git -C "$origin" add -A && commit "2024-04-01T09:00:00Z" "a pack removed"
run_step "a commit that removes a pack"
ls "$repo"/out/accountability* >/dev/null 2>&1 && fail "a removed pack's files are still in out/: $(ls "$repo"/out/accountability*)" \
    || pass "a removed pack's files are gone from out/"
[ "$(ls "$repo"/out/*.pdf "$repo"/out/*.epub | wc -l)" = "$(reused | cut -d/ -f2)" ] \
    && pass "out/ holds the outputs build.json lists" || fail "out/ holds: $(ls "$repo"/out)"
for f in "$repo"/out/*.pdf; do qpdf --check "$f" >/dev/null 2>&1 && pass "$(basename "$f"): qpdf --check" || fail "$(basename "$f"): qpdf --check"; done
finish
