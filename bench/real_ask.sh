#!/bin/sh
# ask on the real pages' questions: builds a knowledge base of the ten articles of
# tests/fixtures/multi-source plus every page of tests/fixtures/real that has
# questions.json (its key claims turned into an import file by convert.py), then
# scores the questions of one half by the rule of tests/fixtures/multi-source/score.py
# (each question's source is its page). Usage: bench/real_ask.sh HALF [BINARY]
set -eu
cd "$(dirname "$0")/.."
HALF=$1; B=${2:-target/release/claimdb}
[ -n "${2:-}" ] || cargo build --release --quiet --bin claimdb
B=$(realpath "$B")
W=${KEEP_W:-$(mktemp -d)}
export CLAIMDB_DB=$W/kb.sqlite3
$B init 2>/dev/null
$B import tests/fixtures/postgres-vs-mysql-claims.csv --source tests/fixtures/postgres-vs-mysql.md 2>/dev/null
$B import tests/fixtures/kafka-vs-rabbitmq-claims.csv --source tests/fixtures/kafka-vs-rabbitmq.txt 2>/dev/null
$B import tests/fixtures/fastapi-claims.csv --source tests/fixtures/fastapi-vs-flask.txt 2>/dev/null
$B import --dir tests/fixtures/multi-source/dev 2>/dev/null
$B import --dir tests/fixtures/multi-source/test 2>/dev/null
mkdir -p "$W/pages"
for d in tests/fixtures/real/*/; do
  [ -f "$d/questions.json" ] || continue
  n=$(basename "$d"); p=$(ls "$d" | grep -E '^page\.(md|txt)$' | head -1)
  cp "$d/$p" "$W/pages/$n.${p##*.}"
  python3 tests/fixtures/real/convert.py "$W/pages/$n.${p##*.}" "$d/key-claims.csv" "$W/pages/$n.csv"
done
$B import --dir "$W/pages" >/dev/null 2>"$W/import.err" || { cat "$W/import.err"; exit 1; }
files=""
for d in tests/fixtures/real/*/; do
  [ -f "$d/questions.json" ] || continue
  grep -q "^half: *$HALF" "$d/SOURCE" || continue
  n=$(basename "$d")
  python3 -c 'import json,sys; q=json.load(open(sys.argv[1])); [e.setdefault("source", sys.argv[2]) for e in q]; json.dump(q, open(sys.argv[3], "w"))' "$d/questions.json" "$n" "$W/$n.json"
  files="$files $W/$n.json"
done
B=$B python3 tests/fixtures/multi-source/score.py $files
