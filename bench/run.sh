#!/usr/bin/env bash
# The benchmark: claimdb against the sqlite3 shell on the same generated data, in the
# same run (SPEC section 9). Usage: bench/run.sh [SCALE...]   (default: 1000 100000 1000000)
# Data and databases go to target/bench/; the results table is printed and saved as
# target/bench/results.md. Installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "bench: the sqlite3 shell is needed to compare against, and it is not installed." >&2
    echo "       Debian/Ubuntu: sudo apt-get install sqlite3    macOS: brew install sqlite" >&2
    exit 1
fi
if [ ! -x /usr/bin/time ]; then
    echo "bench: /usr/bin/time (GNU time) not found: peak memory will show as '-'." >&2
    echo "       Debian/Ubuntu: sudo apt-get install time" >&2
fi

cargo build --release --bin claimdb --example bench-gen --example bench
mkdir -p target/bench
{
    echo "claimdb benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(sqlite3 --version | cut -d' ' -f1-2)"
    echo
    target/release/examples/bench "$@"
} | tee target/bench/results.md
