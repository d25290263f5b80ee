//! Writers exclude each other (issue 23): `init --force` never replaces the file an
//! import is writing, so an import never says "imported" into a file that is gone.

use std::time::{Duration, Instant};

use crate::support::{Env, large_import, wal_size};

#[test]
fn init_force_never_replaces_the_file_under_an_import() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db = db.to_str().unwrap().to_string();
    env.run(&["--db", &db, "init"]).ok();
    let big = large_import(&env, "big", 40_000);
    let mut import = big.command(&env, &db).spawn().unwrap();
    // Once the import is writing (its log grows), rebuild the database under it.
    let start = Instant::now();
    while import.try_wait().unwrap().is_none()
        && wal_size(&db) < 64 * 1024
        && start.elapsed() < Duration::from_secs(120)
    {
        std::thread::sleep(Duration::from_millis(2));
    }
    // The import must still be writing when init starts, or this checks nothing.
    assert!(
        import.try_wait().unwrap().is_none(),
        "the import ended before init --force ran"
    );
    let init = env.run(&["--db", &db, "init", "--force"]);
    let import_ended_first = import.try_wait().unwrap().is_some();
    let out = import.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    match init.code {
        // init waited for the import, then rebuilt: the import ended before it, and
        // only the seed is left.
        0 => {
            assert!(
                out.status.code() != Some(0) || import_ended_first,
                "the import said {said:?} after init --force had replaced its file"
            );
            assert_eq!(big.present(&db), (0, 0));
        }
        // init gave up waiting: the import landed whole.
        _ => {
            init.fails_saying(4, "the database is busy");
            assert_eq!(out.status.code(), Some(0), "{said}");
            assert_eq!(big.present(&db), (1, 40_000));
        }
    }
}

/// Readers during the upgrade of a version-1 database (a rollback journal, not
/// WAL, while it runs) wait for it or read the old version: never exit 4.
#[test]
fn readers_during_an_upgrade_never_fail() {
    let env = Env::new();
    let db = env.path("v1.sqlite3");
    let db_arg = db.to_str().unwrap().to_string();
    let conn = crate::support::version_1_database(&db);
    conn.execute_batch(
        "INSERT INTO meta VALUES ('seed_fingerprint', '0000000000000000');
         INSERT INTO categories (category) VALUES ('components');
         INSERT INTO subjects (subject_id, name) VALUES (1, 'django');
         INSERT INTO subject_aliases VALUES ('django', 'django', 1);
         INSERT INTO topics (topic_id, name, category) VALUES (1, 'async', 'components');
         INSERT INTO topic_aliases VALUES ('async', 'async', 1);
         INSERT INTO sources (source_id, slug, title, sha256, body, is_seed)
         VALUES (1, 'django-vs-flask', 'Django vs. Flask', printf('%064d', 0), 'old seed', 1);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
         INSERT INTO claims (source_id, subject_id, kind, topic_id, stance, statement, quote,
                             line_start, line_end)
         SELECT 1, 1, 'feature', 1, 'limited', 'old seed claim ' || i, 'old seed', 1, 1 FROM n;",
    )
    .unwrap();
    drop(conn);
    let mut upgrade = env.command();
    upgrade.args(["--db", &db_arg, "sources"]);
    let mut upgrade = upgrade.stdout(std::process::Stdio::null()).spawn().unwrap();
    // Readers start once the upgrade is under way: its rollback journal is there,
    // or it holds the writers' lock on the file.
    let journal = env.path("v1.sqlite3-journal");
    let file = std::fs::File::open(&db).unwrap();
    let start = Instant::now();
    loop {
        let locked = matches!(
            file.try_lock_shared(),
            Err(std::fs::TryLockError::WouldBlock)
        );
        let _ = file.unlock();
        if locked || journal.exists() || upgrade.try_wait().unwrap().is_some() {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(60));
    }
    let mut failures = Vec::new();
    for _ in 0..15 {
        let children: Vec<_> = (0..4)
            .map(|_| {
                let mut cmd = env.command();
                cmd.args(["--db", &db_arg, "sql", "SELECT count(*) FROM sources"]);
                cmd.output().unwrap()
            })
            .collect();
        failures.extend(
            children
                .into_iter()
                .filter(|o| o.status.code() != Some(0))
                .map(|o| String::from_utf8_lossy(&o.stderr).into_owned()),
        );
        if upgrade.try_wait().unwrap().is_some() {
            break;
        }
    }
    assert!(upgrade.wait().unwrap().success());
    assert!(failures.is_empty(), "{failures:?}");
}

/// `init --force` leaves a database its owner made read-only (0444) as it is,
/// whoever runs it, as `-o` leaves a read-only file.
#[cfg(unix)]
#[test]
fn init_force_leaves_a_read_only_database_alone() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db_arg = db.to_str().unwrap();
    env.run(&["--db", db_arg, "init"]).ok();
    let before = std::fs::read(&db).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    env.run(&["--db", db_arg, "init", "--force"])
        .fails_saying(4, "is read-only; init --force does not replace it");
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&db).unwrap().permissions().mode() & 0o777,
        0o444
    );
}
