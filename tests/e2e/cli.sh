# The command line: help, version, usage errors and their exit codes.
. "$(dirname "$0")/lib.sh"
cd "$FOLIO_SOURCE_DIR"

expect_exit 0 "--version" -- "$FOLIO" --version
expect_contains "$out" "folio 0." "--version prints the version"
expect_exit 0 "--help" -- "$FOLIO" --help
expect_contains "$out" "Examples:" "--help shows examples"
expect_contains "$out" "Exit status" "--help explains exit codes"
expect_exit 2 "no subcommand is a usage error" -- "$FOLIO"
expect_exit 2 "an unknown subcommand is a usage error" -- "$FOLIO" frobnicate
expect_contains "$err" "folio: error: unknown command 'frobnicate'" "the unknown command is named, not 'a subcommand is required'"
expect_exit 2 "a misspelt subcommand is a usage error" -- "$FOLIO" biuld
expect_contains "$err" "did you mean 'folio build'?" "with a did-you-mean"
expect_exit 2 "an option before the command is a usage error" -- "$FOLIO" --out public build
expect_contains "$err" "unknown option '--out' before the command" "the misplaced option is named"
expect_exit 2 "an unknown option is a usage error" -- "$FOLIO" build --colour
expect_exit 2 "a missing input folder is a usage error" -- "$FOLIO" check --input "$FOLIO_WORK_DIR/nowhere"
expect_contains "$err" "no such input folder" "the missing folder is named"
expect_exit 2 "dump of a missing file is an I/O error" -- "$FOLIO" dump "$FOLIO_WORK_DIR/none.md"
expect_contains "$err" "none.md: cannot open" "the unreadable file is named"
expect_exit 1 "dump of a file that is not a post is an input error" -- "$FOLIO" dump input/folio.toml
expect_contains "$err" "input/folio.toml: not read as a post" "it says the file is not a post, not that it could not be read"
SOURCE_DATE_EPOCH=yesterday expect_exit 2 "a malformed SOURCE_DATE_EPOCH is refused" -- env SOURCE_DATE_EPOCH=yesterday "$FOLIO" check --input input
expect_contains "$err" "SOURCE_DATE_EPOCH" "the bad variable is named"
# Each example in --help works as written: the post it dumps is one of input/'s.
help=$("$FOLIO" --help)
for example in $(grep -o 'input/[^ ]*\.md' <<<"$help"); do
    expect_exit 0 "the --help example 'folio dump $example' runs" -- "$FOLIO" dump "$example"
done
grep -q 'folio dump input/' <<<"$help" || fail "--help has no dump example"
expect_exit 2 "--jobs must be a number" -- "$FOLIO" build --jobs many --input input --out "$FOLIO_WORK_DIR/out"
finish
