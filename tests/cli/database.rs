//! The database file: created on first use, verified, readable by other SQLite tools.

use crate::support::{Env, bytes};

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
