//! Hostile input and hostile environments (issue 11, SPEC sections 5 to 8): each
//! test is one attack that once broke a README promise.

use crate::support::{Env, env_with_db, snapshot, unchanged};

/// (1) A slow single function call, repeated over a few rows, is stopped by the
/// time limit; a blob too long for the length limit is a usage error at once.
#[test]
fn sql_time_limit_covers_slow_function_calls_and_lengths_are_bounded() {
    let (env, db) = env_with_db();
    let err = env
        .run(&[
            "--db",
            &db,
            "sql",
            "--timeout-ms",
            "300",
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 200) \
             SELECT sum(length(randomblob(30000000))) FROM r",
        ])
        .fails_with(5)
        .to_string();
    assert!(err.contains("time limit of 300 ms"), "{err}");

    let err = env
        .run(&["--db", &db, "sql", "SELECT length(randomblob(1e9))"])
        .fails_with(2)
        .to_string();
    assert!(err.contains("32 MiB"), "{err}");
}

/// (1) A query that tries to build gigabytes is stopped by the memory limit (exit
/// 2), inside an address space of 1 GiB: it never gets near the machine's memory.
#[test]
fn sql_memory_is_bounded() {
    let (env, db) = env_with_db();
    let columns = vec!["zeroblob(30000000)"; 40].join(", ");
    let query = format!("SELECT {columns}");
    let mut sh = std::process::Command::new("sh");
    sh.args([
        "-c",
        "ulimit -v 1048576 && exec \"$@\"",
        "sh",
        env!("CARGO_BIN_EXE_claimdb"),
        "--db",
        &db,
        "--format",
        "csv",
        "sql",
        &query,
    ])
    .env_clear()
    .current_dir(env.dir.path())
    .stdin(std::process::Stdio::null());
    let err = crate::support::run(&mut sh).fails_with(2).to_string();
    assert!(err.contains("256 MiB of memory"), "{err}");
}

/// (1) The table format prints long results in blocks instead of collecting every
/// row: 2,500 rows come out as three tables.
#[test]
fn the_table_format_does_not_collect_every_row() {
    let (env, db) = env_with_db();
    let out = env
        .run(&[
            "--db",
            &db,
            "sql",
            "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 2500) \
             SELECT i AS n FROM r",
        ])
        .ok()
        .to_string();
    let headers = out.lines().filter(|l| l.contains("│ n ")).count();
    assert_eq!(headers, 3, "{}", &out[..out.len().min(400)]);
    assert!(out.contains("│ 2500 "));
}

/// (2) `sql` never writes: not with a stale seed fingerprint (which would make any
/// other command refresh the seed), not with a pending write-ahead log (which a
/// read-write open checkpoints), not for a refused statement.
#[test]
fn sql_leaves_the_files_byte_identical() {
    let env = Env::new();
    let source = env.path("kb.sqlite3");
    env.run(&["--db", source.to_str().unwrap(), "init"]).ok();
    std::fs::create_dir(env.path("copy")).unwrap();
    {
        let conn = rusqlite::Connection::open(&source).unwrap();
        conn.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        conn.execute(
            "UPDATE meta SET value = 'stale' WHERE key = 'seed_fingerprint'",
            [],
        )
        .unwrap();
        // Copy while the change is still only in the log.
        for suffix in ["", "-wal"] {
            std::fs::copy(
                env.path(&format!("kb.sqlite3{suffix}")),
                env.path(&format!("copy/kb.sqlite3{suffix}")),
            )
            .unwrap();
        }
    }
    let dir = env.path("copy");
    let db = env.path("copy/kb.sqlite3");
    let db = db.to_str().unwrap();
    assert!(std::fs::metadata(format!("{db}-wal")).unwrap().len() > 0);
    let before = snapshot(&dir);
    let out = env.run(&[
        "--db",
        db,
        "sql",
        "SELECT value FROM meta WHERE key = 'seed_fingerprint'",
    ]);
    assert!(out.ok().contains("stale"), "{out:#?}");
    unchanged(&dir, &before);
    env.run(&["--db", db, "sql", "DELETE FROM claims"])
        .fails_with(2);
    unchanged(&dir, &before);
}

/// (3) The full-text index answers from `sql`: MATCH, snippet() and count(*).
#[test]
fn the_full_text_index_is_queryable_from_sql() {
    let (env, db) = env_with_db();
    let out = env
        .run(&[
            "--db",
            &db,
            "--format",
            "json",
            "sql",
            "SELECT snippet(claims_fts, 1, '[', ']', '…', 8) AS s FROM claims_fts \
             WHERE claims_fts MATCH 'authentication'",
        ])
        .json();
    let rows = out.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["s"].as_str().unwrap().contains("[")));
    let out = env.run(&["--db", &db, "sql", "SELECT count(*) FROM claims_fts"]);
    assert!(out.ok().contains("322"), "{out:#?}");
}
