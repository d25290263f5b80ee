#!/usr/bin/env bash
# Serving, measured (SPEC sections 9 and 12): publish the 1M-claim knowledge base, time
# `claimdb publish` against `sqlite3 DB "VACUUM INTO ..."`, serve the snapshot with
# Datasette on loopback and load the canned which-lacks query with wrk at several
# numbers of concurrent connections.
#
#   bench/serve.sh [CLAIMS] [SECONDS]      (default: 1000000 claims, 10 s per load level)
#
# Needs sqlite3 and wrk (Debian: apt-get install sqlite3 wrk) and python3 (Datasette
# is installed with pip into target/tmp/datasette-venv, as the tests do, when missing).
# Everything is written under target/bench/; results go to target/bench/serve.md.
set -euo pipefail
cd "$(dirname "$0")/.."
claims="${1:-1000000}"
seconds="${2:-10}"

for tool in sqlite3 wrk python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench/serve.sh: $tool is needed and not installed (Debian: apt-get install $tool)" >&2
        exit 1
    fi
done
venv=target/tmp/datasette-venv
if [ ! -x "$venv/bin/datasette" ]; then
    python3 -m venv --clear "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'datasette>=0.65,<1' 'sqlite-utils>=3.35'
fi

cargo build --release --bin claimdb --example bench-gen
bench=target/bench
claimdb=target/release/claimdb
mkdir -p "$bench"
data="$bench/data-$claims"
db="$bench/serve-$claims.sqlite3"
if [ ! -e "$data/src-09.csv" ]; then
    echo "serve: generating $claims claims" >&2
    target/release/examples/bench-gen "$claims" "$data"
fi
if [ ! -e "$db" ]; then
    echo "serve: importing them" >&2
    rm -f "$db.tmp"
    "$claimdb" --db "$db.tmp" init >/dev/null 2>&1
    "$claimdb" --db "$db.tmp" remove-source django-vs-flask --force >/dev/null 2>&1
    "$claimdb" --db "$db.tmp" import --dir "$data" >/dev/null 2>&1
    mv "$db.tmp" "$db"
    rm -f "$db.tmp-wal" "$db.tmp-shm"
fi

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# publish vs VACUUM INTO, 3 runs each after one warm-up, alternating.
site="$bench/site"
publish_times=() vacuum_times=()
for run in 0 1 2 3; do
    chmod -R u+w "$site" 2>/dev/null || true
    rm -rf "$site" "$bench/vacuum.sqlite3"
    sync
    t0=$(ms); "$claimdb" --db "$db" publish "$site" >/dev/null 2>&1; t1=$(ms)
    sqlite3 "$db" "VACUUM INTO '$bench/vacuum.sqlite3'"; t2=$(ms)
    if [ "$run" -gt 0 ]; then
        publish_times+=($((t1 - t0)))
        vacuum_times+=($((t2 - t1)))
    fi
done
publish_ms=$(printf '%s\n' "${publish_times[@]}" | median)
vacuum_ms=$(printf '%s\n' "${vacuum_times[@]}" | median)
rm -f "$bench/vacuum.sqlite3"
snapshot=claimdb.sqlite3
database="${snapshot%.sqlite3}"
size_mb=$(( $(stat -c %s "$site/$snapshot") / 1048576 ))

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$site" && exec "../../../$venv/bin/datasette" serve -i "$snapshot" --metadata metadata.json \
    -h 127.0.0.1 -p "$port" >../datasette.log 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
url="http://127.0.0.1:$port/$database/which_lacks.json?topic=auth&_shape=array"
for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/-/versions.json" >/dev/null 2>&1 && break
    sleep 0.2
done
rows=$(curl -sf "$url" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
bytes=$(curl -sf "$url" | wc -c)

{
    echo "claimdb serving benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $claims claims"
    echo "Datasette $("$venv/bin/datasette" --version | awk '{print $3}'), wrk and Datasette on the same machine (loopback)"
    echo
    echo "| work | claimdb | sqlite3 | ratio | target |"
    echo "|---|---|---|---|---|"
    echo "| publish ($size_mb MB snapshot) vs VACUUM INTO | $publish_ms ms | $vacuum_ms ms | $(awk "BEGIN {printf \"%.2f\", $publish_ms / $vacuum_ms}") | <= 1.5 |"
    echo
    echo "Canned query which_lacks?topic=auth: $rows rows, $bytes bytes of JSON per answer; ${seconds} s per level."
    echo
    echo "| connections | requests/s | latency p50 | p90 | p99 | errors |"
    echo "|---|---|---|---|---|---|"
    for c in 1 4 16 64; do
        out=$(wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d "${seconds}s" --timeout 10s --latency "$url")
        rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
        p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
        p90=$(awk '$1 == "90%" {print $2}' <<<"$out")
        p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
        errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' <<<"$out")
        echo "| $c | $rps | $p50 | $p90 | $p99 | ${errors:-none} |"
    done
} | tee "$bench/serve.md"
