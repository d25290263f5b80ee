#!/usr/bin/env bash
# Times `draft` on inputs built to find superlinear work (README "Limits": draft's
# time grows with the input, never with its square): a Markdown table of N rows,
# 2N bare headings, 2N `## NameK` sections whose sentences name K, and the 1 MB
# article of bench/run.sh against `wc -w` of it. Each input is also made a tenth
# that size, so a ratio near 10 is linear and one near 100 is quadratic. Median of RUNS (default 3) wall times of the given binary (default
# target/release/claimdb), an empty data directory, output to /dev/null.
# Inputs are generated in a scratch directory and removed.
# Usage: bench/draft_hostile.sh [BINARY] [N]   (N default 50000)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/claimdb}
n=${2:-50000}
runs=${RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data"
unset CLAIMDB_DB

table() {
    echo "# Features compared"
    echo
    echo "| Feature | Alpha | Beta |"
    echo "| --- | --- | --- |"
    for i in $(seq 1 "$1"); do echo "| Feature $i | ✅ | ❌ |"; done
}
headings() {
    for i in $(seq 1 "$1"); do echo "## Heading $i"; echo; done
}
sections() {
    echo "# Tools"
    echo
    for i in $(seq 1 "$1"); do
        echo "## Name$i"
        echo
        echo "Name$i is a tool. Name$i supports caching out of the box. Name$i is fast."
        echo
    done
}
megabyte() {
    local size=0
    while [ "$size" -lt 1048576 ]; do
        cat seed/django-vs-flask.txt
        printf '\n\n'
        size=$((size + $(wc -c <seed/django-vs-flask.txt) + 2))
    done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_of() {
    local start end
    for _ in $(seq 1 "$runs"); do
        start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        echo "$end - $start" | bc
    done | median
}

megabyte >"$tmp/1mb.md"
d=$(time_of "$bin" draft "$tmp/1mb.md")
w=$(time_of wc -w "$tmp/1mb.md")
printf '%-28s draft %8.3f s   wc -w %8.4f s   ratio %6.1f\n' "1 MB article" "$d" "$w" "$(echo "$d / $w" | bc -l)"
for kind in table headings sections; do
    m=$n
    [ "$kind" = table ] || m=$((2 * n))
    for size in $((m / 10)) "$m"; do
        "$kind" "$size" >"$tmp/$kind.md"
        t=$(time_of "$bin" draft "$tmp/$kind.md")
        printf '%-28s draft %8.3f s   (%s bytes)\n' "$kind $size" "$t" "$(wc -c <"$tmp/$kind.md")"
    done
done
