//! `sql` (SPEC section 7): only single read-only statements run, enforced by SQLite;
//! nothing refused changes a byte or creates a file (beyond SQLite's own empty lock
//! files beside a writable database, see `unchanged`).

use std::path::Path;

use crate::support::{Env, env_with_db, snapshot, unchanged};

#[test]
fn writes_and_state_changes_are_refused_and_change_nothing() {
    let (env, db) = env_with_db();
    let before = snapshot(&env.path("db"));
    for statement in [
        "INSERT INTO meta VALUES ('k', 'v')",
        "UPDATE claims SET quote = 'x'",
        "DELETE FROM claims",
        "DROP TABLE claims",
        "ANALYZE",
        "CREATE TEMP TABLE t (x)",
        "PRAGMA user_version = 5",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA query_only = 0",
        "SELECT 1; DROP TABLE claims",
        "SELECT load_extension('x')",
        "BEGIN IMMEDIATE",
    ] {
        let err = env
            .run(&["--db", &db, "sql", statement])
            .fails_with(2)
            .to_string();
        assert!(err.contains("refused"), "{statement}: {err}");
        unchanged(&env.path("db"), &before);
    }
}

#[test]
fn attach_and_vacuum_into_create_no_file() {
    let (env, db) = env_with_db();
    let before = snapshot(&env.path("db"));
    let target = env.path("made.sqlite3");
    let t = target.to_str().unwrap();
    for statement in [
        format!("ATTACH '{t}' AS x"),
        format!("ATTACH 'file:{t}?mode=rwc' AS x"),
        format!("VACUUM INTO '{t}'"),
    ] {
        let err = env
            .run(&["--db", &db, "sql", &statement])
            .fails_with(2)
            .to_string();
        assert!(err.contains("refused"), "{statement}: {err}");
        assert!(!target.exists(), "{statement} created {t}");
        assert!(!Path::new(&format!("{t}?mode=rwc")).exists());
    }
    unchanged(&env.path("db"), &before);
}

#[test]
fn an_endless_query_is_stopped_with_its_own_exit_code() {
    let (env, db) = env_with_db();
    env.run(&[
        "--db",
        &db,
        "sql",
        "--timeout-ms",
        "200",
        "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r",
    ])
    .fails_saying(5, "time limit of 200 ms");
}

#[test]
fn the_feature_matrix_view_reads_in_every_format() {
    let (env, db) = env_with_db();
    let query = "SELECT topic, subject, stance, line_start, quote FROM feature_matrix ORDER BY topic, subject";
    let json = env
        .run(&["--db", &db, "--format", "json", "sql", query])
        .json();
    let rows = json.as_array().unwrap();
    assert!(rows.len() > 10);
    assert!(
        rows.iter()
            .any(|r| r["topic"] == "orm" && r["subject"] == "django" && r["stance"] == "builtin")
    );
    assert!(rows[0]["line_start"].is_i64());
    for format in ["table", "csv", "tsv", "ndjson", "markdown"] {
        let out = env
            .run(&["--db", &db, "--format", format, "sql", query])
            .ok()
            .to_string();
        assert!(
            out.contains("orm") && out.contains("django"),
            "{format}: {out}"
        );
    }
    let ndjson = env
        .run(&["--db", &db, "--format", "ndjson", "sql", query])
        .ok()
        .to_string();
    assert_eq!(ndjson.lines().count(), rows.len());
}

#[test]
fn csv_neutralises_formulas_but_not_numbers() {
    let (env, db) = env_with_db();
    let out = env.run(&[
        "--db",
        &db,
        "--format",
        "csv",
        "sql",
        "SELECT '=1+1' AS f, -5 AS n, '-5' AS t, '@x' AS a, 2.5 AS r",
    ]);
    assert_eq!(out.ok(), "f,n,t,a,r\r\n'=1+1,-5,-5,'@x,2.5\r\n");
}

#[test]
fn a_row_cap_says_so_and_exits_7() {
    let (env, db) = env_with_db();
    let out = env.run(&[
        "--db",
        &db,
        "--format",
        "json",
        "sql",
        "--max-rows",
        "3",
        "SELECT claim_id FROM claims",
    ]);
    out.fails_saying(7, "cut at 3 rows");
    let rows: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        rows.as_array().unwrap().len(),
        3,
        "the rows before the cut are valid JSON"
    );
    let all = env.run(&[
        "--db",
        &db,
        "sql",
        "--max-rows",
        "3",
        "SELECT 1 UNION ALL SELECT 2",
    ]);
    all.ok();
}

#[test]
fn sql_errors_are_usage_errors_with_a_hint() {
    let (env, db) = env_with_db();
    let err = env
        .run(&["--db", &db, "sql", "SELECT nope FROM claims"])
        .fails_saying(2, "no such column: nope")
        .to_string();
    assert!(err.contains("claimdb schema"), "{err}");
}

#[test]
fn schema_documents_every_column_including_the_feature_matrix() {
    let (env, db) = env_with_db();
    let rows = env.run(&["--db", &db, "--format", "json", "schema"]).json();
    let rows = rows.as_array().unwrap();
    for r in rows {
        assert!(
            !r["description"].as_str().unwrap().is_empty(),
            "undocumented: {r}"
        );
    }
    let matrix: Vec<&str> = rows
        .iter()
        .filter(|r| r["table"] == "feature_matrix" && r["column"].is_string())
        .map(|r| r["column"].as_str().unwrap())
        .collect();
    assert_eq!(
        matrix,
        [
            "topic",
            "category",
            "subject",
            "stance",
            "claims",
            "conflicting",
            "claim_id",
            "source",
            "line_start",
            "line_end",
            "quote"
        ]
    );
    assert!(
        rows.iter()
            .any(|r| r["table"] == "feature_matrix" && r["type"] == "view")
    );
    assert!(
        !rows
            .iter()
            .any(|r| r["table"].as_str().unwrap().starts_with("claims_fts_"))
    );
}

#[test]
fn a_slow_reader_of_the_output_does_not_count_against_the_time_limit() {
    use std::io::Read;
    let (env, db) = env_with_db();
    let mut child = env
        .command()
        .args([
            "--db",
            &db,
            "--format",
            "csv",
            "sql",
            "--timeout-ms",
            "300",
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 50000) SELECT i FROM r",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The output (340 KB) fills the pipe long before the query is done; wait
    // longer than the limit before reading. SQLite itself needs a few
    // milliseconds for these rows, so a busy machine does not trip the limit.
    std::thread::sleep(std::time::Duration::from_millis(1000));
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let status = child.wait_with_output().unwrap();
    assert_eq!(
        status.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert_eq!(out.lines().count(), 50_001);
}

#[test]
fn parameters_are_bound_with_dash_p_and_an_unbound_one_is_a_usage_error() {
    let env = Env::new();
    let rows = env
        .run(&[
            "--format",
            "json",
            "sql",
            "SELECT subject, topic, :n + 1 AS n FROM claims_cited WHERE subject = :s AND topic = @t",
            "-p",
            "s=flask",
            "-p",
            "t=orm",
            "-p",
            "n=41",
        ])
        .json();
    let rows = rows.as_array().unwrap();
    assert!(!rows.is_empty());
    for row in rows {
        assert_eq!(
            (&row["subject"], &row["topic"], &row["n"]),
            (&"flask".into(), &"orm".into(), &42.into())
        );
    }
    // A value is data, never SQL.
    let injected = env
        .run(&[
            "--format",
            "json",
            "sql",
            "SELECT :s AS s",
            "-p",
            "s=x' OR 1=1 --",
        ])
        .json();
    assert_eq!(injected[0]["s"], "x' OR 1=1 --");

    let err = env
        .run(&["sql", "SELECT * FROM subjects WHERE name = :s"])
        .fails_with(2)
        .to_string();
    assert!(
        err.contains("parameter :s has no value") && err.contains("-p s=VALUE"),
        "{err}"
    );
    env.run(&["sql", "SELECT 1", "-p", "s=flask"])
        .fails_saying(2, "no parameter :s");
    env.run(&["sql", "SELECT ?", "-p", "1=x"])
        .fails_saying(2, "positional parameter");
    env.run(&["sql", "SELECT :s", "-p", "s"])
        .fails_saying(2, "expected NAME=VALUE");
}
