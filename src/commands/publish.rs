//! `claimdb publish DIR`: hands the knowledge base to Datasette, which serves it to
//! many readers (SPEC section 12). DIR gets a compacted, content-hashed snapshot
//! `claimdb-<hash>.sqlite3`, `metadata.json` (descriptions, facets, full-text search,
//! canned queries) and a README with the command that serves it.
//!
//! The snapshot is written by `VACUUM INTO` a temporary file in DIR, hashed, made
//! read-only and renamed into place, so DIR never holds half a snapshot and a name
//! always means the same bytes.

use std::fs;
use std::io::{IsTerminal as _, Read, Write};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use crate::answers::schema;
use crate::cli::PublishArgs;
use crate::db::Db;
use crate::db::schema_doc::DOCS;
use crate::error::{Error, ErrorKind, Result};
use crate::output::{for_terminal, html_escape, write_atomically};

pub fn run(db: &Db, args: &PublishArgs) -> Result<()> {
    let dir = &args.dir;
    // Datasette makes the licence's address a link on every page: like the sources'
    // addresses, only a web address may be one (never `javascript:`).
    if let Some(url) = args.license_url.as_deref().filter(|u| !is_web_url(u)) {
        return Err(Error::usage(format!(
            "--license-url must be an http:// or https:// address, not {url}"
        ))
        .with_hint("claimdb publish site/ --license CC-BY-4.0 --license-url https://creativecommons.org/licenses/by/4.0/"));
    }
    // The snapshot's path is the one line of output: with nobody to read it, write
    // nothing (like every command that writes to standard output).
    if crate::output::STDOUT_CLOSED.load(std::sync::atomic::Ordering::Relaxed) {
        return Err(Error::new(
            ErrorKind::Io,
            "cannot write output: standard output is closed",
        )
        .with_hint("redirect it: claimdb publish site/ > /dev/null"));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::usage(format!(
            "cannot publish to {}: it is not a directory",
            dir.display()
        ))
        .with_hint("give a directory (created if missing): claimdb publish site/"));
    }
    fs::create_dir_all(dir).map_err(|e| io_error(dir, "cannot create", e))?;
    let snapshot = snapshot(db, dir)?;
    let name = snapshot
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("named by us")
        .to_string();
    let file_name = format!("{name}.sqlite3");
    let metadata = metadata(db, &name, args)?;
    let text = serde_json::to_string_pretty(&metadata).expect("metadata serialises") + "\n";
    write_atomically(&dir.join("metadata.json"), text.as_bytes())?;
    write_atomically(&dir.join("README.md"), readme(&file_name).as_bytes())?;
    let (claims, sources): (i64, i64) = db.conn.query_row(
        "SELECT (SELECT count(*) FROM claims), (SELECT count(*) FROM sources)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    // The path is exact for a script reading it; a terminal gets it escaped, like
    // every text from outside shown to a person (a directory named with escape
    // sequences must not drive the terminal).
    let path = snapshot.display().to_string();
    let mut stdout = std::io::stdout().lock();
    if stdout.is_terminal() {
        writeln!(stdout, "{}", for_terminal(&path))?;
    } else {
        writeln!(stdout, "{path}")?;
    }
    stdout.flush()?;
    let summary = format!(
        "claimdb: published {claims} claims from {sources} source{} to {path}\n  serve it: cd {} && {}",
        if sources == 1 { "" } else { "s" },
        shell_word(&dir.display().to_string()),
        serve_command(&file_name)
    );
    stderr_line!("{}", for_terminal(&summary));
    Ok(())
}

/// A file being written in DIR under a temporary name: removed unless it is moved
/// into place. Files are created by the ordinary calls (not `tempfile`'s private
/// 0600 files) so they get the user's umask, like anything a shell writes.
struct Pending(PathBuf);

impl Pending {
    fn new(dir: &Path, suffix: &str) -> Pending {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Pending(dir.join(format!(
            ".claimdb-publish-{}-{nanos}{suffix}",
            std::process::id()
        )))
    }

    fn rename_to(self, target: &Path) -> Result<()> {
        fs::rename(&self.0, target).map_err(|e| io_error(target, "cannot write", e))?;
        std::mem::forget(self);
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.0);
    }
}

/// `VACUUM INTO` a temporary file in `dir`, then rename it to its content hash.
/// Returns the snapshot's path as `dir` names it.
///
/// DIR is a path, never a SQLite URI (SPEC section 8): SQLite reads a file name
/// beginning `file:` as a URI (`file:x#` would write `./x`, outside DIR), so it is
/// given DIR's absolute path, which cannot be read as one, and the snapshot is
/// reopened without URI names.
fn snapshot(db: &Db, dir: &Path) -> Result<PathBuf> {
    let absolute = std::path::absolute(dir).map_err(|e| io_error(dir, "cannot write to", e))?;
    let temp = Pending::new(&absolute, ".sqlite3");
    // Created here, so a directory that cannot be written is reported as such (an
    // I/O error naming DIR), not as a database SQLite cannot open. VACUUM INTO
    // fills an empty file.
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp.0)
        .map_err(|e| io_error(dir, "cannot write to", e))?;
    let temp_path = temp.0.to_str().ok_or_else(|| {
        Error::usage(format!(
            "cannot publish to {}: the path is not UTF-8",
            dir.display()
        ))
    })?;
    db.conn
        .execute("VACUUM INTO ?1", [temp_path])
        .map_err(|e| write_error(dir, e))?;
    {
        // A snapshot of a WAL database is marked WAL too; an immutable file needs
        // no journal at all.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&temp.0, flags).map_err(|e| write_error(dir, e))?;
        conn.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|e| write_error(dir, e))?;
    }
    let hash = file_sha256(&temp.0)?;
    let name = format!("claimdb-{}.sqlite3", &hash[..16]);
    let mut permissions = fs::metadata(&temp.0)
        .map_err(|e| io_error(&temp.0, "cannot read", e))?
        .permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&temp.0, permissions).map_err(|e| io_error(&temp.0, "cannot write", e))?;
    temp.rename_to(&absolute.join(&name))?;
    Ok(dir.join(name))
}

/// An SQLite error while writing the snapshot: a file that cannot be created or
/// written (permissions, a full disk) is an I/O error about DIR (exit 6).
fn write_error(dir: &Path, err: rusqlite::Error) -> Error {
    use rusqlite::ffi::ErrorCode;
    match err.sqlite_error_code() {
        Some(
            ErrorCode::CannotOpen
            | ErrorCode::SystemIoFailure
            | ErrorCode::DiskFull
            | ErrorCode::ReadOnly
            | ErrorCode::PermissionDenied,
        ) => Error::new(
            ErrorKind::Io,
            format!("cannot write to {}: {err}", dir.display()),
        ),
        _ => err.into(),
    }
}

fn file_sha256(path: &Path) -> Result<String> {
    let mut file = fs::File::open(path).map_err(|e| io_error(path, "cannot read", e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file
            .read(&mut buf)
            .map_err(|e| io_error(path, "cannot read", e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

fn io_error(path: &Path, what: &str, err: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{what} {}: {err}", path.display()))
}

/// The command README.md and the summary give, run in DIR.
fn serve_command(file_name: &str) -> String {
    format!("datasette serve -i {file_name} --metadata metadata.json")
}

fn shell_word(word: &str) -> String {
    if word
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+".contains(&b))
    {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

/// Datasette's metadata: the site, every table, view and column described with the
/// text `claimdb schema` shows, facets, full-text search and the canned queries.
fn metadata(db: &Db, database: &str, args: &PublishArgs) -> Result<Value> {
    let describe = |table: &str, column: &str| {
        DOCS.iter()
            .find(|(t, c, _)| *t == table && *c == column)
            .map(|(_, _, d)| *d)
    };
    let mut tables = Map::new();
    let mut columns_of = db
        .conn
        .prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    for (table, _kind) in schema::objects(&db.conn)? {
        let mut entry = Map::new();
        if let Some(d) = describe(&table, "") {
            entry.insert("description".into(), d.into());
        }
        let mut columns = Map::new();
        let names: Vec<String> = columns_of
            .query_map([&table], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for column in names {
            if let Some(d) = describe(&table, &column) {
                columns.insert(column, d.into());
            }
        }
        entry.insert("columns".into(), Value::Object(columns));
        let extra = match table.as_str() {
            "claims" => json!({
                "facets": ["subject_id", "kind", "topic_id", "stance"],
                "fts_table": "claims_fts",
                "fts_pk": "claim_id",
            }),
            "claims_cited" => json!({
                "facets": ["subject", "kind", "topic", "stance"],
                "fts_table": "claims_fts",
                "fts_pk": "claim_id",
            }),
            "feature_matrix" => json!({"facets": ["topic", "subject", "stance"]}),
            "subjects" | "topics" => json!({"label_column": "name"}),
            "sources" => json!({"label_column": "slug"}),
            _ => json!({}),
        };
        if let Value::Object(extra) = extra {
            entry.extend(extra);
        }
        tables.insert(table, Value::Object(entry));
    }

    let mut stmt = db
        .conn
        .prepare("SELECT slug, title, url FROM sources ORDER BY source_id")?;
    let sources: Vec<(String, String, Option<String>)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let claims: i64 = db
        .conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))?;
    let mut items = String::new();
    for (slug, title, url) in &sources {
        let title = html_escape(title);
        let linked = match url.as_deref().filter(|u| is_web_url(u)) {
            Some(url) => format!("<a href=\"{}\">{title}</a>", html_escape(url)),
            None => title,
        };
        items.push_str(&format!(
            "<li>{linked} (<code>{}</code>)</li>",
            html_escape(slug)
        ));
    }
    let licence = match &args.license {
        Some(l) => format!("Published under {}.", html_escape(l)),
        None => "Each quote belongs to the article it is taken from; the articles' own \
                 terms apply to them."
            .to_string(),
    };
    let description_html = format!(
        "<p>{claims} cited claims from {} article{}: every claim quotes the sentence of \
         its article that makes it, with the lines it stands at. Start with \
         <code>claims_cited</code> (search box, facets) or the canned queries below. \
         {licence}</p><ul>{items}</ul>",
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
    );

    let mut site = Map::new();
    site.insert("title".into(), args.title.clone().into());
    site.insert("description_html".into(), description_html.into());
    if let Some(l) = &args.license {
        site.insert("license".into(), l.clone().into());
    }
    if let Some(u) = &args.license_url {
        site.insert("license_url".into(), u.clone().into());
    }
    match sources.as_slice() {
        [(_, title, url)] => {
            site.insert("source".into(), title.clone().into());
            if let Some(url) = url.as_deref().filter(|u| is_web_url(u)) {
                site.insert("source_url".into(), url.into());
            }
        }
        _ => {
            site.insert(
                "source".into(),
                format!("{} articles, listed on the database page", sources.len()).into(),
            );
        }
    }
    site.insert(
        "databases".into(),
        json!({
            database: {
                "description": "The claimdb knowledge base: articles, their claims and the views over them",
                "tables": tables,
                "queries": canned_queries(),
            }
        }),
    );
    Ok(Value::Object(site))
}

/// Only http(s) addresses become links: a `javascript:` URL in a source must not.
fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `fold(name)` of src/names.rs in SQL, for a named parameter: lower case, hyphens,
/// underscores and dashes as spaces, typographic quotes as ASCII, runs of spaces as
/// one (up to 16), trimmed. SQLite's lower() folds ASCII letters only.
pub fn fold_sql(param: &str) -> String {
    let mut expr = format!("lower(:{param})");
    let replacements = [
        ("'-'", "' '"),
        ("'_'", "' '"),
        ("'\u{2010}'", "' '"),
        ("'\u{2011}'", "' '"),
        ("'\u{2012}'", "' '"),
        ("'\u{2013}'", "' '"),
        ("'\u{2014}'", "' '"),
        ("char(9)", "' '"),
        ("char(10)", "' '"),
        ("char(13)", "' '"),
        ("'\u{2018}'", "''''"),
        ("'\u{2019}'", "''''"),
        ("'\u{201A}'", "''''"),
        ("'\u{201B}'", "''''"),
        ("'\u{2032}'", "''''"),
        ("'`'", "''''"),
        ("'\u{00B4}'", "''''"),
        ("'\u{201C}'", "'\"'"),
        ("'\u{201D}'", "'\"'"),
        ("'\u{201E}'", "'\"'"),
        ("'\u{201F}'", "'\"'"),
        ("'\u{2033}'", "'\"'"),
        ("'  '", "' '"),
        ("'  '", "' '"),
        ("'  '", "' '"),
        ("'  '", "' '"),
    ];
    for (from, to) in replacements {
        expr = format!("replace({expr}, {from}, {to})");
    }
    format!("trim({expr})")
}

/// The topic a parameter names, read as `which` reads it: "built-in X" is X when X is
/// a topic, otherwise the whole phrase must be one.
fn topic_cte(param: &str) -> String {
    format!(
        "{fold},
topic AS (
  SELECT t.topic_id, t.name FROM topics t
  WHERE t.topic_id = coalesce(
    (SELECT a.topic_id FROM topic_aliases a, p
     WHERE a.key = CASE WHEN p.f LIKE 'built in %' THEN substr(p.f, 10)
                        WHEN p.f LIKE 'builtin %' THEN substr(p.f, 9) END),
    (SELECT a.topic_id FROM topic_aliases a, p WHERE a.key = p.f)))",
        fold = folded_cte("p", param)
    )
}

/// A `which` question in SQL, with the semantics of `claimdb which` (SPEC section 3):
/// every subject gets a row; `yes` rows cite the supporting claims, `conflicting` and
/// `no` rows every claim on the topic, `no claim` rows none. The verdicts come from the
/// covering index on (topic, subject, stance); quotes are read only for the rows shown.
fn which_sql(yes: &str, supports: &str) -> String {
    format!(
        "WITH {topic},
c AS (
  SELECT c.claim_id, c.subject_id, c.stance
  FROM claims c JOIN topic ON c.topic_id = topic.topic_id
  WHERE c.stance IN ('builtin', 'extension', 'limited', 'lacks')),
v AS (
  SELECT subject_id,
         max(stance = 'builtin') AS builtin,
         max(stance = 'extension') AS extension,
         max(stance IN ('lacks', 'extension')) AS missing
  FROM c GROUP BY subject_id),
a AS (
  SELECT s.subject_id, s.name,
         CASE WHEN v.subject_id IS NULL THEN 'no claim'
              WHEN v.builtin AND v.missing THEN 'conflicting'
              WHEN {yes} THEN 'yes'
              ELSE 'no' END AS answer
  FROM subjects s LEFT JOIN v ON v.subject_id = s.subject_id
  WHERE EXISTS (SELECT 1 FROM topic))
SELECT a.name AS subject, a.answer, (SELECT name FROM topic) AS topic, c.stance,
       c.claim_id, cl.kind, src.slug AS source, cl.line_start, cl.line_end, cl.quote
FROM a
LEFT JOIN c ON c.subject_id = a.subject_id AND (a.answer IN ('conflicting', 'no') OR {supports})
LEFT JOIN claims cl ON cl.claim_id = c.claim_id
LEFT JOIN sources src ON src.source_id = cl.source_id
ORDER BY CASE a.answer WHEN 'yes' THEN 0 WHEN 'conflicting' THEN 1 WHEN 'no claim' THEN 2 ELSE 3 END,
         a.name, c.claim_id",
        topic = topic_cte("topic"),
    )
}

/// A CTE `name(f)` holding a parameter folded. The folding is a deep expression;
/// kept at the top of the statement it stays within SQLite's parser depth.
fn folded_cte(name: &str, param: &str) -> String {
    format!("{name}(f) AS (SELECT {})", fold_sql(param))
}

const WHICH_NOTE: &str = "Every subject gets a row: yes, no, conflicting (its claims disagree: \
    built in vs missing) or no claim, with the claims that say so, as `claimdb which` answers. \
    The topic is matched by name or alias, folded as claimdb folds names (case, hyphens, \
    typographic quotes; SQLite folds the case of ASCII letters only). An unknown topic gives \
    no rows: see the topics and topic_aliases tables.";

pub fn canned_queries() -> Value {
    json!({
        "which_lacks": {
            "title": "Which subjects lack a topic (built in)?",
            "description": format!("`claimdb which lacks built-in TOPIC`: yes = a lacks, extension or limited claim and no builtin one. {WHICH_NOTE}"),
            "sql": which_sql("NOT v.builtin", "c.stance <> 'builtin'"),
        },
        "which_has": {
            "title": "Which subjects have a topic (built in or by extension)?",
            "description": format!("`claimdb which has TOPIC`: yes = a builtin or extension claim. {WHICH_NOTE}"),
            "sql": which_sql("v.builtin OR v.extension", "c.stance IN ('builtin', 'extension')"),
        },
        "which_has_builtin": {
            "title": "Which subjects have a topic built in?",
            "description": format!("`claimdb which has built-in TOPIC`: yes = a builtin claim. {WHICH_NOTE}"),
            "sql": which_sql("v.builtin", "c.stance = 'builtin'"),
        },
        "compare": {
            "title": "Compare two subjects",
            "description": "`claimdb compare A B` in long form: one row per topic, subject and stance (or kind, for claims without a stance), with how many claims back it and the first one's citation. Subjects by name or alias.",
            "sql": format!(
                "WITH {a}, {b},
wanted AS (
  SELECT subject_id FROM subject_aliases WHERE key IN (SELECT f FROM pa UNION ALL SELECT f FROM pb))
SELECT t.name AS topic, t.category, s.name AS subject,
       coalesce(c.stance, c.kind) AS stance_or_kind, count(*) AS claims,
       min(c.claim_id) AS claim_id, src.slug AS source, c.line_start, c.line_end, c.quote
FROM claims c
JOIN subjects s  ON s.subject_id = c.subject_id
JOIN topics t    ON t.topic_id = c.topic_id
JOIN sources src ON src.source_id = c.source_id
WHERE c.subject_id IN (SELECT subject_id FROM wanted)
GROUP BY t.topic_id, s.subject_id, coalesce(c.stance, c.kind)
ORDER BY t.category, t.name, s.name,
         CASE coalesce(c.stance, c.kind) WHEN 'builtin' THEN 0 WHEN 'extension' THEN 1
              WHEN 'limited' THEN 2 WHEN 'lacks' THEN 3 ELSE 4 END, stance_or_kind",
                a = folded_cte("pa", "a"),
                b = folded_cte("pb", "b"),
            ),
        },
        "companies": {
            "title": "Companies that use each subject",
            "description": "`claimdb companies`: every company the articles name as using a subject, with the claim that says so. Leave subject empty for all subjects.",
            "sql": format!(
                "WITH {subject}
SELECT s.name AS subject, c.value AS company, c.statement, c.claim_id,
       src.slug AS source, c.line_start, c.line_end, c.quote
FROM claims c
JOIN subjects s  ON s.subject_id = c.subject_id
JOIN sources src ON src.source_id = c.source_id
WHERE c.kind = 'company'
  AND (:subject = '' OR c.subject_id IN
       (SELECT subject_id FROM subject_aliases WHERE key = (SELECT f FROM p)))
ORDER BY c.value COLLATE NOCASE, s.name, c.claim_id",
                subject = folded_cte("p", "subject"),
            ),
        },
        "subject_claims": {
            "title": "A subject's claims",
            "description": "`claimdb claims --subject SUBJECT`: every claim about a subject (name or alias), with its citation.",
            "sql": format!(
                "WITH {subject}
SELECT c.claim_id, s.name AS subject, c.kind, t.name AS topic, c.stance, c.value,
       c.statement, src.slug AS source, c.line_start, c.line_end, c.quote
FROM claims c
JOIN subjects s  ON s.subject_id = c.subject_id
JOIN topics t    ON t.topic_id = c.topic_id
JOIN sources src ON src.source_id = c.source_id
WHERE c.subject_id IN (SELECT subject_id FROM subject_aliases WHERE key = (SELECT f FROM p))
ORDER BY c.claim_id",
                subject = folded_cte("p", "subject"),
            ),
        },
    })
}

fn readme(file_name: &str) -> String {
    format!(
        "# claimdb knowledge base, published for Datasette

Written by `claimdb publish`. `{file_name}` is an immutable snapshot: its name is the
hash of its content, and it is never written again (a new `claimdb publish` writes a new
file beside it). `metadata.json` describes every table, view and column, sets up facets
and full-text search, and holds the canned queries (which has / lacks a topic, compare
two subjects, companies, a subject's claims).

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

1. Copy `{file_name}` and `metadata.json` to each machine.
2. On each, run `{serve} -h 0.0.0.0 -p 8001`
   (optionally `datasette inspect {file_name} --inspect-file counts.json` once, and
   `--inspect-file counts.json` on every machine, so none counts rows at start-up).
3. Put any HTTP load balancer in front (nginx `upstream`, HAProxy, a cloud load
   balancer) with the machines as equal back ends; no sticky sessions are needed.

To update, publish again, copy the new `claimdb-<hash>.sqlite3` and `metadata.json`
to each machine, restart Datasette there, one machine at a time; old and new files have
different names, so both can sit side by side during the change.
",
        serve = serve_command(file_name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sql_folding_matches_claimdb_folding() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let sql = format!("SELECT {}", fold_sql("x"));
        for name in [
            "Built-In   Auth",
            "user_authentication",
            "  Django\u{2019}s admin ",
            "\u{201C}batteries\u{2013}included\u{201D}",
            "ORM",
            "a\tb",
        ] {
            let folded: String = conn
                .query_row(&sql, rusqlite::named_params! {":x": name}, |r| r.get(0))
                .unwrap();
            assert_eq!(folded, crate::names::fold(name), "{name:?}");
        }
    }
}
