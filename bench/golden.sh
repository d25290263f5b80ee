#!/usr/bin/env bash
# Records what claimdb prints for a fixed list of commands (stdout, stderr, exit
# code), so a change meant to keep behaviour (a refactor) can be shown to keep it:
#   bench/golden.sh target/release/claimdb before/   ... change ... 
#   bench/golden.sh target/release/claimdb after/ && diff -r before/ after/
# Every command runs against a fresh knowledge base in a scratch directory, with a
# scrubbed environment; the shared evaluation questions are added when ../shared is
# beside the repository.
set -euo pipefail
bin="$(realpath "$1")"
out="$(mkdir -p "$2" && realpath "$2")"
cd "$(dirname "$0")/.."
repo="$PWD"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# The binary runs as `claimdb` from the scratch directory, so its name and path in
# help and in the completion script are the same for any binary recorded.
mkdir -p "$scratch/bin"
cp "$bin" "$scratch/bin/claimdb"
bin="$scratch/bin/claimdb"
n=0
claimdb() {
    n=$((n + 1))
    local name
    name="$(printf '%03d' "$n")"
    printf '%s\n' "$*" >"$out/$name.cmd"
    set +e
    (cd "$scratch" && env -i HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" PATH=/usr/bin:/bin \
        "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err" </dev/null)
    echo $? >"$out/$name.rc"
    set -e
    # The scratch directory, the checkout and the time of import change with every run.
    sed -i -E -e "s|$scratch|SCRATCH|g" -e "s|$repo|REPO|g" \
        -e "s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIMESTAMP/g" \
        "$out/$name.cmd" "$out/$name.out" "$out/$name.err"
    # Files a command wrote with -o are recorded too.
    for f in "$scratch"/o.*; do
        [ -e "$f" ] && mv "$f" "$out/$name.file"
    done
    return 0
}

# The main job and the README's examples.
claimdb which lacks built-in auth
claimdb which has admin interface
claimdb which has built-in orm
claimdb which lacks async
claimdb which lacks orm --format json
claimdb ask "which companies use both"
claimdb compare django flask --on security
claimdb compare django flask
claimdb compare django flask --on orm --format csv
claimdb --format csv ask "who created flask"
claimdb pros --subject django
claimdb cons --subject flask --format json
claimdb limitations --format markdown
claimdb use-cases --format tsv
claimdb claims --kind comparison
claimdb claims --subject Flash --kind limitation
claimdb claims --format ndjson
claimdb claims --format html -o o.html
claimdb report comparisons
claimdb report feature-matrix --format csv -o o.csv
claimdb report feature-matrix -o o.html
claimdb report feature-matrix
claimdb report
claimdb ask "limitations of django"
claimdb ask "Which is easier to learn, Django or Flask?"
claimdb ask "does flask have an orm?"
claimdb ask "who uses flask in production"
claimdb ask "which should I use for a microservice"
claimdb ask "DJANGO admin"
claimdb ask "what is the meaning of life"
claimdb search "built-in authentication"
claimdb search orm --format json
claimdb sql "SELECT subject, kind, count(*) FROM claims_cited GROUP BY 1, 2"
claimdb sql "SELECT 1.0 AS x, 2.5 AS z, 1e301 AS big, 3 AS i, NULL AS n, 'a' AS s" --format json
claimdb sql "SELECT 1.0 AS x, 2.5 AS z, 1e301 AS big" --format csv
claimdb sql "SELECT 1.0 AS x, 2.5 AS z, 1e301 AS big"
claimdb sql "SELECT '' AS x UNION ALL SELECT 'a'" --format csv
claimdb sql "SELECT * FROM nowhere"
claimdb conflicts
claimdb conflicts --format json
claimdb companies
claimdb companies --subject flask --format csv
claimdb companies --subject flask --subject django
claimdb subjects
claimdb topics
claimdb topics --format json
claimdb sources
claimdb show 1
claimdb show 132 --format json
claimdb show 999999
claimdb schema
claimdb schema --format markdown
claimdb verify
claimdb coverage django-vs-flask --format csv
claimdb which has flsk
claimdb compare django flsk
claimdb pros --subject nothing
claimdb completions bash
claimdb draft "$repo/tests/fixtures/fastapi-vs-flask.txt"
claimdb draft "$repo/tests/fixtures/postgres-vs-mysql.md" --format json
claimdb draft "$repo/tests/fixtures/draft/kafka-vs-rabbitmq.txt"
claimdb draft "$repo/tests/fixtures/draft/aws-vs-azure.md"
claimdb draft "$repo/tests/fixtures/draft/python-vs-go.txt"
claimdb --help
claimdb which --help
claimdb ask --help
claimdb draft --help
claimdb import --help
claimdb nonsense
# A knowledge base of several articles.
claimdb import "$repo/tests/fixtures/fastapi-claims.csv" --source "$repo/tests/fixtures/fastapi-vs-flask.txt" --dry-run
claimdb import "$repo/tests/fixtures/fastapi-claims.csv" --source "$repo/tests/fixtures/fastapi-vs-flask.txt"
claimdb import "$repo/tests/fixtures/kafka-vs-rabbitmq-claims.csv" --source "$repo/tests/fixtures/kafka-vs-rabbitmq.txt"
claimdb import "$repo/tests/fixtures/postgres-vs-mysql-claims.csv" --source "$repo/tests/fixtures/postgres-vs-mysql.md"
claimdb import "$repo/tests/fixtures/bad-claims.csv" --source "$repo/tests/fixtures/fastapi-vs-flask.txt"
claimdb sources
claimdb subjects --format csv
claimdb which lacks built-in auth
claimdb compare fastapi flask
claimdb compare kafka rabbitmq --format markdown
claimdb report feature-matrix --format tsv
claimdb report comparisons --format json
claimdb conflicts
claimdb coverage fastapi-vs-flask --format csv
claimdb ask "which is faster"
claimdb ask "does kafka support replication"
claimdb ask "postgres vs mysql"
claimdb search replication
claimdb verify
claimdb remove-source kafka-vs-rabbitmq
claimdb sources --format json
claimdb init --force
claimdb sources
# The questions of the shared evaluation.
if [ -f ../shared/eval/ask-dev.json ]; then
    while IFS= read -r q; do
        claimdb --format json ask "$q"
    done < <(python3 -c 'import json,sys; [print(e["q"]) for e in json.load(open(sys.argv[1]))]' ../shared/eval/ask-dev.json)
fi
echo "golden: $n commands recorded in $out"
