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
