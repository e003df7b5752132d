# What the EPUB writer warns about in a post (raw HTML it drops, an image
# without alt text) is found by `folio check`, and said once however many
# packs hold the post. Before, check said nothing and the build repeated each
# warning once per pack.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"

in="$FOLIO_WORK_DIR/in"
mkdir -p "$in/images"
cp tests/fixtures/images/small.jpg "$in/images/" || { fail "tests/fixtures/images/small.jpg is missing"; finish; }
printf -- '---\ntitle: Shared\ndate: 2020-01-01\nkind: news\ntags: [a, b]\n---\n![](images/small.jpg)\n\nSome <font color="red">red</font> text.\n' >"$in/2020-01-01-shared.md"
printf -- '---\ntitle: Other\ndate: 2020-01-02\nkind: news\ntags: [a]\n---\nPlain text.\n' >"$in/2020-01-02-other.md"
cat >"$in/folio.toml" <<'EOF'
[site]
name = "Test"

[[pack]]
id = "one"
title = "One"
tags = ["a"]

[[pack]]
id = "two"
title = "Two"
tags = ["b"]
EOF

expect_exit 0 "folio check with warnings only" -- "$FOLIO" check --input "$in"
expect_contains "$err" "$in/2020-01-01-shared.md:7:1: warning: image 'images/small.jpg' has no alt text" "check finds the missing alt text"
expect_contains "$err" "$in/2020-01-01-shared.md:9:6: warning: raw HTML <font> removed, its text kept" "check finds the dropped raw HTML"
[ "$(grep -c 'has no alt text' <<<"$err")" -eq 1 ] && pass "said once for two packs" || fail "alt text warning not said exactly once: $err"
expect_contains "$err" "folio: 0 errors, 2 warnings" "the count is of distinct problems"

# The build says each once too, and build.json lists them among its warnings.
expect_exit 0 "folio build with warnings only" -- "$FOLIO" build --input "$in" --out "$FOLIO_WORK_DIR/out" --no-cache
[ "$(grep -c 'has no alt text' <<<"$err")" -eq 1 ] && pass "the build says it once for two packs" || fail "alt text warning not said exactly once by the build: $err"
python3 - "$FOLIO_WORK_DIR/out/build.json" <<'PY' && pass "build.json lists both warnings, once each" || fail "build.json warnings"
import json, sys
warnings = json.load(open(sys.argv[1]))["warnings"]
alt = [w for w in warnings if "has no alt text" in w]
font = [w for w in warnings if "raw HTML <font> removed" in w]
sys.exit(0 if len(alt) == 1 and len(font) == 1 else 1)
PY
finish
