# Nothing lost: a build interrupted by SIGINT/SIGTERM or killed with SIGKILL
# at any moment leaves the previous outputs intact; the next build removes
# what a killed one left and succeeds; two builds into one out/ take turns;
# the output is the same whatever --jobs; build.json describes the run.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"
command -v python3 >/dev/null || skip "python3 is needed to generate the corpus"
command -v flock >/dev/null || skip "flock (util-linux) is needed"
export SOURCE_DATE_EPOCH=1700000000

corpus="$FOLIO_WORK_DIR/corpus"
python3 bench/make_corpus.py "$corpus" --posts 150 --seed 7 >/dev/null
outdir="$FOLIO_WORK_DIR/out"
expect_exit 0 "a first complete build" -- "$FOLIO" build --input "$corpus" --out "$outdir" --quiet

# snapshot: "NAME BYTES SHA256" for each output but build.json (it carries
# timings, so it is the one output that differs between runs).
snapshot() {
    local f
    for f in "$outdir"/*; do
        [ "$(basename "$f")" = build.json ] && continue
        printf '%s %s %s\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(sha256sum <"$f" | cut -d' ' -f1)"
    done
}
snapshot >"$FOLIO_WORK_DIR/good.snap"
mkdir -p "$FOLIO_WORK_DIR/good" && cp "$outdir"/* "$FOLIO_WORK_DIR/good/"
# cache_counts: "hits H, misses M" from out/build.json, for failure reports.
cache_counts() {
    python3 -c 'import json,sys; l=json.load(open(sys.argv[1]))["cache"].get("layout",{}); print("hits %s, misses %s" % (l.get("hits"), l.get("misses")))' \
        "$outdir/build.json" 2>/dev/null || echo "no readable build.json"
}

# Interrupt and kill builds at different moments; the good outputs must stay.
# A build that finished before its signal (exit 0) must have written the
# same bytes again. A failure says which files differ and keeps them in
# $FOLIO_WORK_DIR/differs-SIG-DELAY/, then puts the first build's outputs
# back so the next check tests its own build only.
# Background jobs of a script start with SIGINT ignored (POSIX: no job
# control), and folio rightly keeps an ignored SIGINT ignored: without
# `env --default-signal` the SIGINT builds were never interrupted but ran
# to completion, so the SIGINT checks tested a whole warm build instead.
for delay in 0.05 0.2 0.4 0.8; do
    for sig in INT TERM KILL; do
        env --default-signal=INT "$FOLIO" build --input "$corpus" --out "$outdir" --quiet 2>"$FOLIO_WORK_DIR/kill.err" &
        pid=$!
        sleep "$delay"
        kill -s "$sig" "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null  # (bash would report the SIGKILL)
        status=$?
        signalled=$((128 + $(kill -l "$sig")))
        case $status in
            "$signalled") how="interrupted (exit $status)" ;;
            0) how="finished before the signal (exit 0; build.json: $(cache_counts))" ;;
            *) how="exit $status"; fail "SIG$sig after ${delay}s: exit $status, expected $signalled or 0: $(cat "$FOLIO_WORK_DIR/kill.err")" ;;
        esac
        # 50 ms is far too short for a build of 150 posts: the signal must
        # have stopped it, or this loop tests nothing.
        if [ "$delay" = 0.05 ]; then
            [ "$status" -eq "$signalled" ] && pass "SIG$sig after ${delay}s stops the build" ||
                fail "SIG$sig after ${delay}s did not stop the build: $how"
        fi
        snapshot >"$FOLIO_WORK_DIR/now.snap"
        if cmp -s "$FOLIO_WORK_DIR/good.snap" "$FOLIO_WORK_DIR/now.snap"; then
            pass "SIG$sig after ${delay}s: previous outputs intact; $how"
        else
            fail "SIG$sig after ${delay}s: outputs changed or damaged; the build $how"
            echo "--- before (name bytes sha256), then after:" >&2
            diff "$FOLIO_WORK_DIR/good.snap" "$FOLIO_WORK_DIR/now.snap" >&2
            kept="$FOLIO_WORK_DIR/differs-$sig-$delay"
            mkdir -p "$kept" && cp -r "$outdir"/* "$outdir/.folio-cache" "$FOLIO_WORK_DIR/kill.err" "$kept/" 2>/dev/null
            echo "--- kept in $kept; the first build's outputs are in $FOLIO_WORK_DIR/good" >&2
            cp "$FOLIO_WORK_DIR"/good/* "$outdir/"
        fi
        if [ "$sig" != KILL ]; then
            left=$(find "$outdir" -name '.*.tmp-*')
            [ -z "$left" ] && pass "SIG$sig: no temporary file left" || fail "SIG$sig left $left"
        fi
    done
done

# A killed build's leftovers are removed by the next one, which succeeds.
echo "half-written" >"$outdir/.collection.epub.tmp-999999"
expect_exit 0 "the build after a killed one" -- "$FOLIO" build --input "$corpus" --out "$outdir" --quiet
[ -z "$(find "$outdir" -name '.*.tmp-*')" ] && pass "stale temporaries removed" || fail "stale temporaries remain"
snapshot >"$FOLIO_WORK_DIR/now.snap"
cmp -s "$FOLIO_WORK_DIR/good.snap" "$FOLIO_WORK_DIR/now.snap" && pass "same bytes as the first build" ||
    { fail "outputs differ from the first build (build.json: $(cache_counts))"; diff "$FOLIO_WORK_DIR/good.snap" "$FOLIO_WORK_DIR/now.snap" >&2; }

# A second build waits for the first. The lock is held here until the build
# says it is waiting, not for a fixed time: under the sanitizers on a busy
# machine a build can take longer than any fixed delay to reach the lock.
# The build must not inherit our descriptor (it would share the lock).
exec {lockfd}>"$outdir/.folio.lock"
flock "$lockfd"
"$FOLIO" build --input "$corpus" --out "$outdir" --quiet {lockfd}>&- 2>"$FOLIO_WORK_DIR/wait.err" &
waiter=$!
for _ in $(seq 1 1200); do
    grep -qF "waiting for another build" "$FOLIO_WORK_DIR/wait.err" && break
    kill -0 "$waiter" 2>/dev/null || break
    sleep 0.1
done
expect_contains "$(cat "$FOLIO_WORK_DIR/wait.err")" "waiting for another build" "it says it is waiting"
exec {lockfd}>&-
wait "$waiter" && pass "a build while another holds out/ (exit 0 once released)" ||
    fail "a build while another holds out/: exit $?"

# --jobs does not change a byte.
expect_exit 0 "--jobs 1" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/j1" --jobs 1 --quiet
expect_exit 0 "--jobs 3" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/j3" --jobs 3 --quiet
for f in "$FOLIO_WORK_DIR"/j1/*; do
    name=$(basename "$f")
    [ "$name" = build.json ] && continue
    cmp -s "$f" "$FOLIO_WORK_DIR/j3/$name" && pass "$name identical with --jobs 1 and 3" || fail "$name differs with --jobs"
done

# build.json lists every output with its real size and digest.
python3 - "$outdir" "$corpus" <<'PY' && pass "build.json matches the files" || fail "build.json does not match the files"
import hashlib, json, os, sys
out = sys.argv[1]
report = json.load(open(os.path.join(out, "build.json")))
assert report["source_date_epoch"] == 1700000000
# Every file of the corpus (the posts, folio.toml, references.json), besides
# the style files folio reads from its own folder.
corpus = [i for i in report["inputs"] if os.path.dirname(i["path"]) == sys.argv[2]]
assert len(corpus) == len(os.listdir(sys.argv[2])), len(corpus)
# The citation style is an input too, and every input is listed as read.
assert any(i["path"].endswith("/folio-uk-notes.csl") for i in report["inputs"]), "no CSL style among the inputs"
assert any(i["path"].endswith("/locales-en-GB.xml") for i in report["inputs"]), "no CSL locale among the inputs"
for i in report["inputs"]:
    data = open(i["path"], "rb").read()
    assert len(data) == i["bytes"], i["path"]
    assert hashlib.sha256(data).hexdigest() == i["sha256"], i["path"]
assert report["outputs"], "no outputs"
for o in report["outputs"]:
    data = open(o["path"], "rb").read()
    assert len(data) == o["bytes"], o["path"]
    assert hashlib.sha256(data).hexdigest() == o["sha256"], o["path"]
for stage in ("read", "total"):
    assert stage in report["stage_ms"], stage
PY

# An output folder that cannot be written is a clear error, exit 2.
if [ "$(id -u)" -ne 0 ]; then
    mkdir -p "$FOLIO_WORK_DIR/ro" && chmod 555 "$FOLIO_WORK_DIR/ro"
    expect_exit 2 "an unwritable output folder" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/ro"
fi
printf 'x' >"$FOLIO_WORK_DIR/not-a-folder"
expect_exit 2 "an output path that is a file" -- "$FOLIO" build --input "$corpus" --out "$FOLIO_WORK_DIR/not-a-folder"
expect_contains "$err" "cannot create the output folder" "the error says why"
finish
