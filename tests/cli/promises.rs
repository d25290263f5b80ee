//! Smaller promises the second hostile pass found broken (issue 23): the user's
//! SQL is a usage error, a user's broken view is left alone, a cut-off claims
//! file is refused.

use crate::support::env_with_db;

#[test]
fn a_wrong_type_in_the_users_sql_is_a_usage_error() {
    let (env, db) = env_with_db();
    env.run(&["--db", &db, "sql", "SELECT 1 LIMIT 'abc'"])
        .fails_saying(2, "datatype mismatch");
}

/// A knowledge base holding a user's view `my_view` whose table was dropped.
fn with_a_broken_view() -> (crate::support::Env, String) {
    let (env, db) = env_with_db();
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE mine (a); CREATE VIEW my_view AS SELECT a FROM mine; DROP TABLE mine;",
    )
    .unwrap();
    drop(conn);
    (env, db)
}

#[test]
fn a_users_view_whose_table_was_dropped_is_left_alone_by_schema() {
    let (env, db) = with_a_broken_view();
    let out = env.run(&["--db", &db, "--format", "csv", "schema"]);
    assert!(
        out.ok()
            .contains("my_view,view,,,your view; it does not work"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("claims_cited"), "{}", out.stdout);
}

/// `publish` leaves the same broken view alone too: the snapshot is written, its
/// metadata describes claimdb's own tables as ever and says nothing of the view.
#[test]
fn a_users_view_whose_table_was_dropped_is_left_alone_by_publish() {
    let (env, db) = with_a_broken_view();
    let site = env.path("site").display().to_string();
    env.run(&["--db", &db, "publish", &site]).ok();
    let metadata = std::fs::read_to_string(format!("{site}/metadata.json")).unwrap();
    let metadata: serde_json::Value = serde_json::from_str(&metadata).unwrap();
    let tables = &metadata["databases"]["claimdb"]["tables"];
    assert!(tables["claims_cited"].is_object(), "{tables:#}");
    // The user's broken view is theirs: not described, not in the way.
    assert!(tables.get("my_view").is_none(), "{tables:#}");
}

/// `import -` whose input stops inside a quoted field imports nothing: the cut
/// quote is not taken for the whole one.
#[test]
fn a_claims_file_cut_inside_a_quoted_field_is_refused() {
    let (env, db) = env_with_db();
    let article = env.write("a.txt", "Flask is small.\nFlask is fast and small.\n");
    let out = env.run_with_stdin(
        &["--db", &db, "import", "-", "--source", &article],
        b"subject,kind,topic,stance,value,statement,quote\nflask,pro,performance,,,Flask is fast.,\"Flask is",
    );
    out.fails_saying(3, "ends inside a quoted field");
    let out = env.run(&["--db", &db, "--format", "csv", "sources"]);
    assert_eq!(out.ok().lines().count(), 2, "{}", out.stdout);
}

/// A question limited to one article reads claimdb's views through that limit; the
/// user's broken view is none of its business.
#[test]
fn a_users_view_whose_table_was_dropped_is_left_alone_by_a_limited_question() {
    let (env, db) = with_a_broken_view();
    let out = env.run(&[
        "--db",
        &db,
        "--format",
        "csv",
        "ask",
        "--source",
        "django-vs-flask",
        "which lacks built-in auth",
    ]);
    assert!(
        out.ok()
            .contains("flask,yes,lacks,117,limitation,authentication,django-vs-flask,132,132"),
        "{}",
        out.stdout
    );
}
