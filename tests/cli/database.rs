//! The database file: created on first use, verified, readable by other SQLite tools.

use crate::support::{Env, bytes, version_1_database};

#[test]
fn verify_passes_on_the_seed_and_names_an_altered_claim() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db_arg = db.to_str().unwrap();
    env.run(&["--db", db_arg, "init"]).ok();
    let out = env.run(&["--db", db_arg, "verify"]);
    out.ok();
    assert!(
        out.stderr.contains("every quote stands at its lines"),
        "{}",
        out.stderr
    );

    let copy = env.path("altered.sqlite3");
    std::fs::copy(&db, &copy).unwrap();
    let conn = rusqlite::Connection::open(&copy).unwrap();
    let (id, quote): (i64, String) = conn
        .query_row(
            "SELECT claim_id, quote FROM claims ORDER BY claim_id LIMIT 1 OFFSET 3",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    conn.execute(
        "UPDATE claims SET quote = ?1 WHERE claim_id = ?2",
        rusqlite::params![quote.replacen(' ', "  ", 1), id],
    )
    .unwrap();
    drop(conn);

    let out = env.run(&["--db", copy.to_str().unwrap(), "--format", "json", "verify"]);
    out.fails_with(1);
    let rows: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0]["claim_id"], id);
    assert!(out.stderr.contains("1 of"), "{}", out.stderr);
}

#[test]
fn the_feature_matrix_view_works_from_plain_sqlite() {
    let env = Env::new();
    env.run(&["which", "has", "orm"]).ok();
    let conn = rusqlite::Connection::open(env.default_db()).unwrap();
    let (stance, line, quote): (String, i64, String) = conn
        .query_row(
            "SELECT stance, line_start, quote FROM feature_matrix
             WHERE topic = 'admin-interface' AND subject = 'django'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(stance, "builtin");
    assert!(crate::support::quote_at(&quote, line as u64, line as u64));
    let cited: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims_cited WHERE quote IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        cited > 100,
        "the whole article is covered, not a sample: {cited}"
    );
}

#[test]
fn a_missing_explicit_database_is_reported_not_created() {
    let env = Env::new();
    let missing = env.path("nope.sqlite3");
    let err = env
        .run(&["--db", missing.to_str().unwrap(), "which", "lacks", "auth"])
        .fails_with(4)
        .to_string();
    assert!(err.contains("does not exist"), "{err}");
    assert!(
        err.contains("init"),
        "the hint says how to create it: {err}"
    );
    assert!(!missing.exists());
}

#[test]
fn a_file_that_is_not_a_claimdb_database_is_refused_and_left_alone() {
    let env = Env::new();
    let text = env.path("notes.txt");
    std::fs::write(&text, "just some notes, not a database\n".repeat(100)).unwrap();
    let err = env
        .run(&["--db", text.to_str().unwrap(), "which", "lacks", "auth"])
        .fails_with(4)
        .to_string();
    assert!(err.contains("not a claimdb database"), "{err}");
    assert!(err.contains("notes.txt"), "the error names the path: {err}");
    assert_eq!(
        bytes(&text),
        "just some notes, not a database\n".repeat(100).into_bytes()
    );

    let dir = env.path("a-directory");
    std::fs::create_dir(&dir).unwrap();
    let err = env
        .run(&["--db", dir.to_str().unwrap(), "verify"])
        .fails_with(4)
        .to_string();
    assert!(err.contains("directory"), "{err}");
}

#[test]
fn init_creates_then_reports_up_to_date_and_force_rebuilds() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db_arg = db.to_str().unwrap();
    let out = env.run(&["--db", db_arg, "init"]);
    out.ok();
    assert!(out.stderr.contains("created"), "{}", out.stderr);
    let out = env.run(&["--db", db_arg, "init"]);
    out.ok();
    assert!(out.stderr.contains("up to date"), "{}", out.stderr);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("DELETE FROM claims", []).unwrap();
    drop(conn);
    let out = env.run(&["--db", db_arg, "init", "--force"]);
    out.ok();
    assert!(out.stderr.contains("rebuilt"), "{}", out.stderr);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    assert!(n > 100);
}

/// A database written by claimdb 1 (schema version 1) holding the seed and a user's
/// import: the new binary upgrades it in place. The import keeps its claims and
/// their ids, gains its section outline, and stays searchable and verifiable.
#[test]
fn a_version_1_database_with_an_import_is_upgraded_in_place() {
    let env = Env::new();
    let db = env.path("v1.sqlite3");
    let db_arg = db.to_str().unwrap();
    let article = include_str!("../fixtures/fastapi-vs-flask.txt");
    let conn = version_1_database(&db);
    // What claimdb 1 wrote for the seed (abridged) and for
    // `import fastapi-claims.csv --source fastapi-vs-flask.txt`.
    conn.execute_batch(
        "INSERT INTO meta VALUES ('seed_fingerprint', '0000000000000000');
         INSERT INTO categories (category) VALUES ('components'), ('performance');
         INSERT INTO subjects (subject_id, name) VALUES (1, 'django'), (2, 'flask'), (3, 'fastapi');
         INSERT INTO subject_aliases VALUES ('django', 'django', 1), ('flask', 'flask', 2),
                                            ('fastapi', 'fastapi', 3);
         INSERT INTO topics (topic_id, name, category) VALUES (1, 'async', 'components'),
                                                              (2, 'speed', 'performance'),
                                                              (3, 'form-validation', 'components');
         INSERT INTO topic_aliases VALUES ('async', 'async', 1), ('speed', 'speed', 2),
                                          ('form validation', 'form-validation', 3);
         INSERT INTO sources (source_id, slug, title, sha256, body, is_seed)
         VALUES (1, 'django-vs-flask', 'Django vs. Flask', printf('%064d', 0), 'old seed', 1);
         INSERT INTO claims (source_id, subject_id, kind, topic_id, stance, statement, quote,
                             line_start, line_end)
         VALUES (1, 1, 'feature', 1, 'limited', 'old seed claim', 'old seed', 1, 1);",
    )
    .unwrap();
    conn.execute(
        "INSERT INTO sources (source_id, slug, title, sha256, body) VALUES (7, 'fastapi-vs-flask', 'FastAPI vs Flask', ?1, ?2)",
        rusqlite::params![sha256(article), article],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT INTO claims (claim_id, source_id, subject_id, kind, topic_id, stance, statement,
                             quote, line_start, line_end)
         VALUES (500, 7, 3, 'feature', 1, 'builtin', 'FastAPI has built-in async support.',
                 'FastAPI has built-in support for asynchronous programming', 4, 4),
                (501, 7, 3, 'pro', 2, NULL, 'FastAPI is among the fastest Python frameworks.',
                 'it is among the fastest Python frameworks', 10, 10),
                (502, 7, 3, 'feature', 3, 'extension', 'FastAPI adds it through extensions.',
                 'developers add it through extensions', 5, 5);",
    )
    .unwrap();
    drop(conn);

    let rows = env
        .run(&[
            "--db",
            db_arg,
            "--format",
            "json",
            "claims",
            "--source",
            "fastapi-vs-flask",
        ])
        .json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 3, "{rows:#?}");
    assert_eq!(rows[0]["claim_id"], 500);
    // A topic version 2 merged into another (form-validation into form-handling)
    // takes the import's claims with it.
    assert_eq!(rows[2]["topic"], "form-handling", "{rows:#?}");
    let topics = env
        .run(&["--db", db_arg, "--format", "json", "topics"])
        .json();
    assert!(
        topics
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["topic"] != "form-validation"),
        "{topics:#?}"
    );
    assert_eq!(
        rows[1]["quote"],
        "it is among the fastest Python frameworks"
    );

    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 4);
    // The import's class of subjects was derived on upgrade ("a modern Python web
    // framework" in its opening lines).
    let class: Option<String> = conn
        .query_row(
            "SELECT subject_class FROM sources WHERE source_id = 7",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(class.as_deref(), Some("framework"));
    // The import's outline was derived on upgrade, and its claims filed under it.
    let sections: Vec<(String, i64, i64)> = conn
        .prepare("SELECT heading, line_start, line_end FROM sections WHERE source_id = 7")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        sections,
        vec![(
            "FastAPI vs Flask: an example article for claimdb's tests".to_string(),
            1,
            11
        )]
    );
    let filed: Vec<(i64, Option<String>, i64)> = conn
        .prepare("SELECT claim_id, section, listed FROM claims_cited WHERE source = 'fastapi-vs-flask' ORDER BY claim_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(filed.len(), 3);
    assert!(filed.iter().all(|(_, s, listed)| s.as_deref()
        == Some("FastAPI vs Flask: an example article for claimdb's tests")
        && *listed == 0));
    // The old seed was replaced by this binary's, with its sections.
    let (seed_claims, seed_sections): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM claims c JOIN sources s USING (source_id) WHERE s.is_seed),
                    (SELECT count(*) FROM sections c JOIN sources s USING (source_id) WHERE s.is_seed)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(seed_claims > 300, "{seed_claims}");
    assert_eq!(seed_sections, 36);
    drop(conn);

    // The rebuilt full-text index finds the imported claims, and every quote verifies.
    let found = env
        .run(&["--db", db_arg, "--format", "json", "search", "fastest"])
        .json();
    assert!(
        found
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["claim_id"] == 501),
        "{found:#?}"
    );
    env.run(&["--db", db_arg, "verify"]).ok();
}

#[test]
fn processes_opening_an_old_database_together_all_answer_while_one_upgrades_it() {
    // Eight commands start together on a version-1 file: one upgrades it, the
    // others wait or read it after. None may call it "changed outside claimdb" for having
    // seen the version before the upgrade and the schema after it.
    let env = Env::new();
    let old = env.path("v1.sqlite3");
    drop(version_1_database(&old));
    let db = env.path("kb.sqlite3");
    let db_arg = db.to_str().unwrap();
    for round in 0..12 {
        for side in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{db_arg}{side}"));
        }
        std::fs::copy(&old, &db).unwrap();
        // Started a few milliseconds apart, so some read the file just as the
        // upgrade commits.
        let runs: Vec<_> = (0..8)
            .map(|n| {
                std::thread::sleep(std::time::Duration::from_millis(2 * (n % 4)));
                env.command()
                    .args(["--db", db_arg, "--format", "csv", "which", "lacks", "auth"])
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for run in runs {
            let out = run.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

fn sha256(bytes: impl AsRef<[u8]>) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn publish_writes_a_read_only_snapshot_under_a_stable_name_and_leaves_the_database_alone() {
    let (env, db) = crate::support::env_with_db();
    let before = bytes(std::path::Path::new(&db));
    let site = env.path("site");
    let first = env
        .run(&["--db", &db, "publish", site.to_str().unwrap()])
        .ok()
        .trim()
        .to_string();
    let name = std::path::Path::new(&first)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(name, "claimdb.sqlite3");
    assert_eq!(
        bytes(std::path::Path::new(&db)),
        before,
        "the database is only read"
    );
    let snapshot = site.join(&name);
    assert!(
        std::fs::metadata(&snapshot)
            .unwrap()
            .permissions()
            .readonly()
    );
    // The content's hash is in the metadata and the README: the same knowledge base
    // publishes the same bytes, under the same name.
    let hash = sha256(std::fs::read(&snapshot).unwrap());
    let again = env
        .run(&["--db", &db, "publish", env.path("again").to_str().unwrap()])
        .ok()
        .trim()
        .to_string();
    assert!(again.ends_with(&name), "{again} vs {name}");
    assert_eq!(sha256(std::fs::read(&again).unwrap()), hash);
    let mut files: Vec<String> = std::fs::read_dir(&site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        ["README.md", &*name, "metadata.json"],
        "no temporary file left"
    );

    // The snapshot holds every claim, compacted, with its full-text index declared the
    // way Datasette and sqlite-utils detect.
    let conn = rusqlite::Connection::open_with_flags(
        &snapshot,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let (claims, free, fts): (i64, i64, String) = conn
        .query_row(
            "SELECT (SELECT count(*) FROM claims), (SELECT freelist_count FROM pragma_freelist_count),
                    (SELECT sql FROM sqlite_schema WHERE name = 'claims_fts')",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert!(
        claims > 300 && free == 0,
        "{claims} claims, {free} free pages"
    );
    assert!(fts.contains("content=\"claims\""), "{fts}");
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'authentication'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(hits > 0);

    let metadata: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.join("metadata.json")).unwrap()).unwrap();
    let database = &metadata["databases"]["claimdb"];
    assert!(
        database["description"].as_str().unwrap().contains(&hash),
        "{}",
        database["description"]
    );
    for query in [
        "which_lacks",
        "which_has",
        "which_has_builtin",
        "compare",
        "companies",
        "subject_claims",
    ] {
        assert!(
            database["queries"][query]["sql"].is_string(),
            "no canned query {query}"
        );
    }
    assert_eq!(
        database["tables"]["claims_cited"]["facets"],
        serde_json::json!(["subject", "kind", "topic", "stance"])
    );
    let readme = std::fs::read_to_string(site.join("README.md")).unwrap();
    assert!(
        readme.contains("datasette serve -i claimdb.sqlite3 --metadata metadata.json")
            && readme.contains("load balancer")
            && readme.contains(&hash),
        "{readme}"
    );

    let err = env
        .run(&["--db", &db, "publish", &db])
        .fails_with(2)
        .to_string();
    assert!(err.contains("is not a directory"), "{err}");
}
