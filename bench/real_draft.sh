#!/bin/sh
# draft against a careful reader's key claims on the real pages of one half
# (tests/fixtures/real/*/SOURCE says `half: dev` or `half: test`; a spent held-out page says `half: dev (held out ...)`): strict and loose
# per page. Usage: bench/real_draft.sh HALF [OUTDIR]  (OUTDIR: keep each draft as CSV)
# Builds the release binary and draft-eval first.
set -eu
cd "$(dirname "$0")/.."
R=$(pwd); HALF=$1; OUT=${2:-}
[ -z "$OUT" ] || OUT=$(mkdir -p "$OUT" && cd "$OUT" && pwd)
cargo build --release --quiet --bin claimdb --example draft-eval
export XDG_DATA_HOME="$(mktemp -d)"   # the shipped catalogue only, whatever the user has
cd tests/fixtures/real
args=""
for d in */; do
  n=${d%/}
  grep -q "^half: *$HALF" "$n/SOURCE" 2>/dev/null || continue
  p=$(ls "$n" | grep -E '^page\.(md|txt)$' | head -1)
  args="$args $n/$p $n/key-claims.csv"
  [ -z "$OUT" ] || "$R/target/release/claimdb" draft "$n/$p" --format csv > "$OUT/$n.csv" 2>/dev/null || true
done
"$R/target/release/examples/draft-eval" $args
