#!/usr/bin/env bash
# Checks that a change to `draft` changes no drafted row: drafts every fixture page
# (tests/fixtures/*.{txt,md}, tests/fixtures/draft/*, tests/fixtures/real/*/page.*)
# and any extra files given, with an old and a new binary, and compares the CSV,
# stderr and exit status byte for byte. An empty data directory is used, so no
# user database is read.
# Usage: bench/draft_identical.sh OLD_BINARY NEW_BINARY [EXTRA_FILE...]
set -u
cd "$(dirname "$0")/.."
old=${1:?usage: bench/draft_identical.sh OLD_BINARY NEW_BINARY [EXTRA_FILE...]}
new=${2:?usage: bench/draft_identical.sh OLD_BINARY NEW_BINARY [EXTRA_FILE...]}
shift 2
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
unset CLAIMDB_DB
out=$(mktemp -d)
fail=0
n=0
for f in tests/fixtures/*.txt tests/fixtures/*.md tests/fixtures/draft/*.md \
    tests/fixtures/draft/*.txt tests/fixtures/real/*/page.* "$@"; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    "$old" draft --format csv "$f" >"$out/a.out" 2>"$out/a.err"
    ra=$?
    "$new" draft --format csv "$f" >"$out/b.out" 2>"$out/b.err"
    rb=$?
    if ! cmp -s "$out/a.out" "$out/b.out" || ! cmp -s "$out/a.err" "$out/b.err" || [ "$ra" != "$rb" ]; then
        echo "differs: $f"
        fail=1
    fi
done
rm -rf "$out" "$XDG_DATA_HOME"
echo "compared $n files: $([ $fail = 0 ] && echo identical || echo DIFFERENT)"
exit $fail
