//! The README a publish writes in DIR: the one command that serves exactly this
//! snapshot, and how to serve it from several machines.

use crate::publish::request::SNAPSHOT;

/// The command README.md and the summary give, run in DIR.
pub fn serve_command() -> String {
    format!("datasette serve -i {} --metadata metadata.json", SNAPSHOT)
}

pub fn readme(sha256: &str) -> String {
    let file = SNAPSHOT;
    format!(
        "# claimdb knowledge base, published for Datasette

Written by `claimdb publish`. `{file}` is an immutable snapshot (SHA-256
`{sha256}`): a new `claimdb publish` replaces it whole under the same name, so
every Datasette address (`/claimdb/which_lacks?topic=…`) keeps working.
`metadata.json` describes every table, view and column, sets up facets and full-text
search, and holds the canned queries (which has / lacks a topic, compare two
subjects, companies, a subject's claims).

## Serve it

Datasette 0.65 (`pip install 'datasette<1'`), in this directory:

    {serve}

then open http://127.0.0.1:8001/. `-i` opens the file immutable: read-only, no locking,
row counts computed once. For a large knowledge base (a million claims), add
`--setting sql_time_limit_ms 5000`: the which-queries answer every subject, and under
load they can pass Datasette's default limit of one second.

## Serve it from several machines

The snapshot never changes, so every machine can serve its own copy with no
coordination:

1. Copy `{file}` and `metadata.json` to each machine.
2. On each, run `{serve} -h 0.0.0.0 -p 8001`
   (optionally `datasette inspect {file} --inspect-file counts.json` once, and
   `--inspect-file counts.json` on every machine, so none counts rows at start-up).
3. Put any HTTP load balancer in front (nginx `upstream`, HAProxy, a cloud load
   balancer) with the machines as equal back ends; no sticky sessions are needed.

To update, publish again, copy the new `{file}` and `metadata.json` to each machine
and restart Datasette there, one machine at a time. The addresses stay the same;
the SHA-256 above and on the database page says which snapshot a machine serves.
",
        serve = serve_command()
    )
}
