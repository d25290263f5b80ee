//! Hostile input and hostile environments (issue 11, SPEC sections 5 to 8): each
//! test is one attack that once broke a README promise.

use std::path::Path;

use crate::support::{Env, env_with_db, fixture, snapshot, unchanged};

/// (1) A slow single function call, repeated over a few rows, is stopped by the
/// time limit; a blob too long for the length limit is a usage error at once.
#[test]
fn sql_time_limit_covers_slow_function_calls_and_lengths_are_bounded() {
    let (env, db) = env_with_db();
    env.run(&[
        "--db",
        &db,
        "sql",
        "--timeout-ms",
        "300",
        "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 200) \
             SELECT sum(length(randomblob(30000000))) FROM r",
    ])
    .fails_saying(5, "time limit of 300 ms");

    env.run(&["--db", &db, "sql", "SELECT length(randomblob(1e9))"])
        .fails_saying(2, "32 MiB");
}

/// (1) A query that tries to build gigabytes is stopped by the memory limit (exit
/// 2), inside an address space of 1 GiB: it never gets near the machine's memory.
#[test]
fn sql_memory_is_bounded() {
    sql_of_blobs_is_refused_at_256_mib(40);
}

/// (1) The memory limit is SQLite's own, not the address space: a row of 360 MB,
/// which fits in 1 GiB, is refused at 256 MiB.
#[test]
fn sql_memory_limit_is_enforced_by_sqlite() {
    sql_of_blobs_is_refused_at_256_mib(12);
}

/// `sql` of one row of `n` blobs of 30 MB, in an address space of 1 GiB: exit 2,
/// saying the query passed SQLite's 256 MiB.
fn sql_of_blobs_is_refused_at_256_mib(n: usize) {
    let (env, db) = env_with_db();
    let columns = vec!["zeroblob(30000000)"; n].join(", ");
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
    let indexed = env.run(&["--db", &db, "sql", "SELECT count(*) AS n FROM claims_fts"]);
    let stored = env.run(&["--db", &db, "sql", "SELECT count(*) AS n FROM claims"]);
    assert!(stored.ok().contains("│ 3"), "{stored:#?}");
    assert_eq!(indexed.ok(), stored.ok());
}

/// (4) One exit-code policy: every code means one thing, and errors in the user's
/// SQL or arguments are usage errors (2), never "database damaged" (4).
#[test]
fn every_exit_code_means_one_thing() {
    let (env, db) = env_with_db();
    let run = |args: &[&str]| {
        let mut all = vec!["--db", db.as_str()];
        all.extend_from_slice(args);
        env.run(&all)
    };
    run(&["which", "lacks", "auth"]).ok();
    for (query, says) in [
        ("SELECT ?1", "parameter"),
        ("SELECT :name", "parameter"),
        ("SELECT zeroblob(1e9)", "32 MiB"),
        ("SELECT * FROM pragma_journal_mode", "refused"),
        ("SELECT nope FROM claims", "no such column"),
    ] {
        let err = run(&["sql", query]).fails_with(2).to_string();
        assert!(err.contains(says), "{query}: {err}");
    }
    let article = env.path("a.txt");
    std::fs::write(&article, "Flask is small.\n").unwrap();
    let claims = env.path("a.csv");
    std::fs::write(
        &claims,
        "subject,kind,topic,stance,value,statement,quote\nflask,fact,orm,,small,Flask is small,Flask is small\n",
    )
    .unwrap();
    let (a, c) = (article.to_str().unwrap(), claims.to_str().unwrap());
    run(&["import", c, "--source", a, "--title", ""]).fails_saying(2, "--title");
    std::fs::write(
        &claims,
        "subject,kind,topic,stance,value,statement,quote\nflask,fact,orm,,small,Flask is small,Flask is tiny\n",
    )
    .unwrap();
    run(&["import", c, "--source", a]).fails_with(3);
    let missing = env.path("missing.sqlite3");
    env.run(&["--db", missing.to_str().unwrap(), "subjects"])
        .fails_with(4);
    run(&[
        "sql",
        "--timeout-ms",
        "50",
        "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r",
    ])
    .fails_with(5);
    run(&[
        "-o",
        env.path("no/such/dir/out.csv").to_str().unwrap(),
        "claims",
    ])
    .fails_with(6);
    run(&["sql", "--max-rows", "1", "SELECT 1 UNION ALL SELECT 2"]).fails_with(7);
}

/// A command that runs `claimdb ARGS` with `dir` read-only: a read-only bind mount
/// of it when running as root (permissions do not stop root), else mode 0555.
/// None when neither can be arranged here.
fn in_read_only_dir(env: &Env, dir: &Path, args: &[&str]) -> Option<std::process::Command> {
    use std::os::unix::fs::PermissionsExt;
    // Root writes files whatever their mode: probe with a 0444 file of our own.
    let probe = env.path("probe-0444");
    std::fs::write(&probe, "").unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o444)).unwrap();
    let root = std::fs::OpenOptions::new().write(true).open(&probe).is_ok();
    std::fs::remove_file(&probe).unwrap();
    let mut cmd = env.command();
    if !root {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        cmd.args(args);
        return Some(cmd);
    }
    let probe = std::process::Command::new("unshare")
        .args(["--mount", "true"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        return None;
    }
    let d = dir.to_str().unwrap();
    let mut cmd = std::process::Command::new("unshare");
    cmd.args(["--mount", "sh", "-c"])
        .arg(format!(
            "mount --bind '{d}' '{d}' && mount -o remount,bind,ro '{d}' && exec \"$@\""
        ))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_claimdb"))
        .args(args)
        .env_clear()
        .env("HOME", env.dir.path())
        .env("XDG_DATA_HOME", env.path("data"))
        .current_dir(env.dir.path())
        .stdin(std::process::Stdio::null());
    Some(cmd)
}

/// (5) A good database in a directory nobody can write answers read commands and
/// `sql`, leaves nothing new in the directory, and write commands say why they
/// cannot, without hinting at `init --force`. A 0444 file likewise.
#[test]
fn a_database_on_read_only_media_is_read_and_left_alone() {
    use std::os::unix::fs::PermissionsExt;
    let (env, db) = env_with_db();
    let dir = env.path("db");
    let before = snapshot(&dir);
    for args in [
        &["which", "lacks", "built-in", "auth"][..],
        &["sql", "SELECT count(*) AS n FROM claims"],
        &["claims", "--format", "csv"],
    ] {
        let mut all = vec!["--db", db.as_str()];
        all.extend_from_slice(args);
        let Some(mut cmd) = in_read_only_dir(&env, &dir, &all) else {
            crate::support::skipped("cannot make a read-only directory here");
            return;
        };
        let out = crate::support::run(&mut cmd);
        assert!(!out.ok().is_empty(), "{args:?}: {out:#?}");
        assert_eq!(snapshot(&dir), before, "{args:?} left something behind");
    }
    let all = ["--db", db.as_str(), "remove-source", "x"];
    let mut cmd = in_read_only_dir(&env, &dir, &all).unwrap();
    let out = crate::support::run(&mut cmd);
    let err = out.fails_with(4);
    assert!(
        err.contains("read-only") && !err.contains("init --force"),
        "{err}"
    );
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();

    // A 0444 file in a writable directory.
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    if std::fs::OpenOptions::new().write(true).open(&db).is_err() {
        env.run(&["--db", &db, "which", "lacks", "auth"]).ok();
        env.run(&["--db", &db, "sql", "SELECT 1"]).ok();
        assert_eq!(
            snapshot(&dir),
            before,
            "a 0444 database got files beside it"
        );
    }
}

/// (6) `--db` naming a FIFO or a character device is refused by every command,
/// `init --force` included, and never replaced; the hint never says `init --force`.
/// A path that looks like a SQLite URI is a path.
#[test]
fn special_files_are_refused_as_databases_and_uris_are_paths() {
    use std::os::unix::fs::FileTypeExt;
    let env = Env::new();
    let fifo = env.path("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let device = env.path("null-device");
    let made_device = std::process::Command::new("mknod")
        .args([device.to_str().unwrap(), "c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    let mut specials = vec![fifo.clone()];
    if made_device {
        specials.push(device.clone());
    }
    for path in &specials {
        let p = path.to_str().unwrap();
        for args in [
            &["init"][..],
            &["init", "--force"],
            &["which", "lacks", "auth"],
            &["sql", "SELECT 1"],
        ] {
            let mut all = vec!["--db", p];
            all.extend_from_slice(args);
            let err = env.run(&all).fails_with(4).to_string();
            assert!(err.contains("not a regular file"), "{p} {args:?}: {err}");
            assert!(!err.contains("init --force"), "{p} {args:?}: {err}");
        }
        let kind = std::fs::metadata(path).unwrap().file_type();
        assert!(kind.is_fifo() || kind.is_char_device(), "{p} was replaced");
    }

    // `file:kb.sqlite3?mode=memory` is a file of that name, not an in-memory URI.
    let name = "file:kb.sqlite3?mode=memory";
    env.run(&["--db", name, "init"]).ok();
    assert!(env.path(name).is_file());
    env.run(&["--db", name, "which", "lacks", "auth"]).ok();
    let out = env.run(&["--db", name, "sql", "SELECT count(*) AS n FROM claims"]);
    assert!(out.ok().contains("│ 3"), "the seed's claims, {out:#?}");
    assert!(!env.path("kb.sqlite3").exists());
}

/// (7) A closed standard output is an error (exit 6), not an empty success.
#[test]
fn a_closed_stdout_is_exit_6() {
    let (env, db) = env_with_db();
    let mut sh = std::process::Command::new("sh");
    sh.args([
        "-c",
        "exec \"$@\" >&-",
        "sh",
        env!("CARGO_BIN_EXE_claimdb"),
        "--db",
        &db,
        "claims",
    ])
    .env_clear()
    .current_dir(env.dir.path());
    let err = crate::support::run(&mut sh).fails_with(6).to_string();
    assert!(err.contains("standard output is closed"), "{err}");
    // Writing to /dev/null on purpose is fine.
    let mut sh = std::process::Command::new("sh");
    sh.args([
        "-c",
        "exec \"$@\" > /dev/null",
        "sh",
        env!("CARGO_BIN_EXE_claimdb"),
        "--db",
        &db,
        "claims",
    ])
    .env_clear()
    .current_dir(env.dir.path());
    crate::support::run(&mut sh).ok();
    // So is /dev/null opened read-write, as Python's `subprocess.DEVNULL` and
    // many process launchers give it: the answer is discarded on purpose.
    let null = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/null")
        .unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_claimdb"));
    cmd.args(["--db", &db, "claims"])
        .env_clear()
        .stdout(null)
        .current_dir(env.dir.path());
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (10) A view planted in the file (claims_cited replaced to show a forged quote)
/// or a planted trigger is reported, exit 4 naming it, by every command; a view
/// users add for themselves is left alone.
#[test]
fn a_changed_schema_is_reported_and_users_views_are_allowed() {
    let (env, db) = env_with_db();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE VIEW my_subjects AS SELECT name FROM subjects")
            .unwrap();
    }
    env.run(&["--db", &db, "show", "1"]).ok();
    let out = env.run(&["--db", &db, "sql", "SELECT name FROM my_subjects"]);
    assert!(out.ok().contains("django"), "{out:#?}");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let sql: String = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'claims_cited'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        conn.execute_batch(&format!(
            "DROP VIEW claims_cited; {}",
            sql.replace("c.quote,", "'a forged quote' AS quote,")
        ))
        .unwrap();
    }
    for args in [
        &["show", "1"][..],
        &["verify"],
        &["sql", "SELECT quote FROM claims_cited"],
        &["which", "lacks", "auth"],
    ] {
        let mut all = vec!["--db", db.as_str()];
        all.extend_from_slice(args);
        let err = env.run(&all).fails_with(4).to_string();
        assert!(
            err.contains("changed outside claimdb") && err.contains("view claims_cited"),
            "{args:?}: {err}"
        );
    }
    let (env, db) = env_with_db();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER planted AFTER INSERT ON claims BEGIN DELETE FROM sources; END",
        )
        .unwrap();
    }
    env.run(&["--db", &db, "subjects"])
        .fails_saying(4, "trigger planted");
}

/// (11) `-o` behaves like the shell's `>`: a new file gets the umask's mode, an
/// existing file keeps its mode, a symlink is written through, a read-only file is
/// refused; and it never targets the database in use.
#[test]
fn dash_o_behaves_like_the_shell_redirect_and_spares_the_database() {
    use std::os::unix::fs::PermissionsExt;
    let (env, db) = env_with_db();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let db_bytes = std::fs::read(&db).unwrap();
    let link = env.path("db-link");
    std::os::unix::fs::symlink(&db, &link).unwrap();
    for target in [
        db.clone(),
        link.to_str().unwrap().to_string(),
        format!("{db}-wal"),
    ] {
        let err = env
            .run(&["--db", &db, "-o", &target, "--format", "csv", "claims"])
            .fails_with(2)
            .to_string();
        assert!(err.contains("database in use"), "{target}: {err}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), db_bytes);

    let run_with_umask = |umask: &str, target: &Path| {
        let mut sh = std::process::Command::new("sh");
        sh.args([
            "-c",
            &format!("umask {umask} && exec \"$@\""),
            "sh",
            env!("CARGO_BIN_EXE_claimdb"),
            "--db",
            &db,
            "-o",
            target.to_str().unwrap(),
            "subjects",
        ])
        .env_clear()
        .current_dir(env.dir.path());
        crate::support::run(&mut sh)
    };
    let new = env.path("new.txt");
    run_with_umask("022", &new).ok();
    assert_eq!(mode(&new), 0o644);
    let other = env.path("other.txt");
    run_with_umask("002", &other).ok();
    assert_eq!(mode(&other), 0o664);

    let existing = env.path("existing.txt");
    std::fs::write(&existing, "old").unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o640)).unwrap();
    run_with_umask("077", &existing).ok();
    assert_eq!(mode(&existing), 0o640);
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .contains("django")
    );

    let through = env.path("through.txt");
    std::os::unix::fs::symlink(&existing, &through).unwrap();
    std::fs::write(&existing, "old").unwrap();
    run_with_umask("022", &through).ok();
    assert!(
        std::fs::symlink_metadata(&through)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&existing)
            .unwrap()
            .contains("django")
    );

    std::fs::write(&existing, "keep me").unwrap();
    std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o444)).unwrap();
    let err = run_with_umask("022", &existing).fails_with(6).to_string();
    assert!(err.contains("read-only"), "{err}");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");
}

/// (9) Escape sequences in the data (ESC colour codes, OSC 8 links, OSC 52
/// clipboard writes, C1 controls) never reach the terminal raw: not through the
/// table or Markdown output of any command, nor through error messages.
#[test]
fn control_characters_from_the_data_never_reach_the_terminal_raw() {
    let (env, db) = env_with_db();
    let osc52 = "\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}";
    let osc8 = "\u{1b}]8;;http://evil.example\u{1b}\\\\click\u{1b}]8;;\u{1b}\\\\";
    let article =
        format!("Hostile title {osc52}\n\nFlask is \u{1b}[2Jsmall {osc8} and \u{9b}31mquick.\n");
    let a = env.path("hostile.txt");
    std::fs::write(&a, &article).unwrap();
    let c = env.path("hostile.csv");
    let quote = "Flask is \u{1b}[2Jsmall";
    std::fs::write(
        &c,
        format!(
            "subject,kind,topic,stance,value,statement,quote\n\
             flask,fact,orm,,\"small {osc52}\",\"Flask is small {osc8}\",\"{quote}\"\n"
        ),
    )
    .unwrap();
    let (a, c) = (a.to_str().unwrap(), c.to_str().unwrap());
    env.run(&[
        "--db",
        &db,
        "import",
        c,
        "--source",
        a,
        "--url",
        &format!("http://x/{osc8}"),
    ])
    .ok();
    let raw =
        |text: &str| text.contains('\u{1b}') || text.contains('\u{7}') || text.contains('\u{9b}');
    let id = env
        .run(&[
            "--db",
            &db,
            "--format",
            "csv",
            "sql",
            "SELECT max(claim_id) FROM claims",
        ])
        .ok()
        .lines()
        .nth(1)
        .unwrap()
        .to_string();
    for format in ["table", "markdown"] {
        for args in [
            &["claims", "--source", "hostile"][..],
            &["show", &id],
            &["sources"],
            &["search", "small"],
            &["sql", "SELECT * FROM claims_cited WHERE source = 'hostile'"],
            &["sql", "SELECT title, url, body FROM sources"],
        ] {
            let mut all = vec!["--db", db.as_str(), "--format", format];
            all.extend_from_slice(args);
            let out = env.run(&all);
            assert!(
                !raw(out.ok()),
                "{format} {args:?} printed a raw control character"
            );
            assert!(!raw(&out.stderr), "{format} {args:?}: {}", out.stderr);
        }
    }
    let shown = env.run(&["--db", &db, "show", &id]).ok().to_string();
    assert!(shown.contains("\\x1b]52;c;"), "{shown}");
    // The machine formats carry the data exactly.
    let json = env
        .run(&["--db", &db, "--format", "json", "show", &id])
        .json();
    assert_eq!(json[0]["quote"], quote);

    // Error messages: a quote not in the article and an unknown name, both hostile.
    std::fs::write(
        env.path("bad.csv"),
        format!(
            "subject,kind,topic,stance,value,statement,quote\n\
             flask,fact,orm,,small,Flask is small,\"not there {osc52}\"\n"
        ),
    )
    .unwrap();
    let out = env.run(&[
        "--db",
        &db,
        "import",
        env.path("bad.csv").to_str().unwrap(),
        "--source",
        a,
        "--slug",
        "other",
    ]);
    out.fails_with(3);
    assert!(!raw(&out.stderr), "{}", out.stderr);
    let out = env.run(&["--db", &db, "which", "lacks", &format!("auth{osc52}")]);
    assert!(out.code != 0 && !raw(&out.stderr), "{out:#?}");
    let out = env.run(&["--db", &db, &format!("nosuch{osc52}")]);
    assert!(out.code == 2 && !raw(&out.stderr), "{out:#?}");
}

/// Runs `cmd` and waits at most `limit` for it; a command still running then is
/// killed and the test fails: it hung.
fn finishes_within(
    cmd: &mut std::process::Command,
    limit: std::time::Duration,
) -> crate::support::Run {
    // Output goes to files: a pipe nobody reads while waiting would fill and block.
    let (out, err) = (tempfile::tempfile().unwrap(), tempfile::tempfile().unwrap());
    let mut child = cmd
        .stdout(out.try_clone().unwrap())
        .stderr(err.try_clone().unwrap())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            child.wait().unwrap();
            panic!("{cmd:?} was still running after {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let read = |mut f: std::fs::File| {
        use std::io::{Read, Seek};
        let mut bytes = Vec::new();
        f.seek(std::io::SeekFrom::Start(0)).unwrap();
        f.read_to_end(&mut bytes).unwrap();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    crate::support::Run {
        code: status.code().unwrap_or(-1),
        stdout: read(out),
        stderr: read(err),
    }
}

/// (12) A FIFO as a claims file, alone or in `--dir`, is refused instead of hanging
/// with the write lock held.
#[test]
fn a_fifo_as_claims_file_is_refused() {
    let (env, db) = env_with_db();
    let hang = std::time::Duration::from_secs(60);
    let article = env.path("a.txt");
    std::fs::write(&article, "Flask is small.\n").unwrap();
    let a = article.to_str().unwrap();
    let fifo = env.path("a.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut cmd = env.command();
    cmd.args(["--db", &db, "import", fifo.to_str().unwrap(), "--source", a]);
    let out = finishes_within(&mut cmd, hang);
    assert!(out.fails_with(3).contains("not a regular file"), "{out:#?}");
    let mut cmd = env.command();
    cmd.args([
        "--db",
        &db,
        "import",
        "--dir",
        env.dir.path().to_str().unwrap(),
    ]);
    let out = finishes_within(&mut cmd, hang);
    assert!(out.fails_with(3).contains("not a regular file"), "{out:#?}");
    std::fs::remove_file(&fifo).unwrap();
}

/// (12) Quote search is linear in the article: 2,000 rows citing "a" at lines 1-2,
/// where line 1 is 1 MB of "a", are rejected at once.
#[test]
fn quotes_are_only_searched_where_they_could_stand() {
    let (env, db) = env_with_db();
    let hang = std::time::Duration::from_secs(60);
    // 2,000 rows quoting "a" at lines 1-2, where line 1 is 1 MB of "a".
    let big = env.path("big.txt");
    std::fs::write(&big, format!("{}\nb\n", "a".repeat(1 << 20))).unwrap();
    let claims = env.path("big.csv");
    let mut csv =
        String::from("subject,kind,topic,stance,value,statement,quote,line_start,line_end\n");
    for n in 0..2_000 {
        csv.push_str(&format!("flask,fact,orm,,v,statement {n},a,1,2\n"));
    }
    std::fs::write(&claims, csv).unwrap();
    let mut cmd = env.command();
    cmd.args([
        "--db",
        &db,
        "import",
        claims.to_str().unwrap(),
        "--source",
        big.to_str().unwrap(),
    ]);
    let out = finishes_within(&mut cmd, hang);
    assert!(
        out.fails_with(3).contains("does not stand at lines 1-2"),
        "{out:#?}"
    );
}

/// (12) A file-size limit ends the import with an error, not SIGXFSZ, and leaves
/// nothing behind.
#[test]
fn a_file_size_limit_is_an_error_not_a_signal() {
    let (env, db) = env_with_db();
    let hang = std::time::Duration::from_secs(60);
    // A file-size limit of 200 KiB hits the write-ahead log of a 20,000-claim import.
    let large = crate::support::large_import(&env, "sized", 20_000);
    let mut sh = std::process::Command::new("sh");
    sh.args([
        "-c",
        "ulimit -f 400 && exec \"$@\"",
        "sh",
        env!("CARGO_BIN_EXE_claimdb"),
        "--db",
        &db,
        "import",
        &large.claims,
        "--source",
        &large.article,
    ])
    .env_clear()
    .current_dir(env.dir.path());
    let out = finishes_within(&mut sh, hang);
    assert!(out.code > 0, "not a clean error exit: {out:#?}");
    assert!(out.stderr.contains("claimdb: error:"), "{out:#?}");
    assert_eq!(large.present(&db), (0, 0));
}

/// (12) A new topic with bad characters gets the right hint; a subject `--x` is not
/// stored as `x`.
#[test]
fn bad_new_names_get_the_right_hint_and_are_not_rewritten() {
    let (env, db) = env_with_db();
    let article = env.path("a.txt");
    std::fs::write(&article, "Flask is small.\n").unwrap();
    let a = article.to_str().unwrap();
    let claims = env.path("names.csv");
    std::fs::write(
        &claims,
        "subject,kind,topic,stance,value,statement,quote,category\n\
         flask,fact,web sockets!,,v,s,Flask is small,performance\n\
         --x,fact,orm,,v,s,Flask is small,\n",
    )
    .unwrap();
    let err = env
        .run(&[
            "--db",
            &db,
            "import",
            claims.to_str().unwrap(),
            "--source",
            a,
        ])
        .fails_with(3)
        .to_string();
    assert!(
        err.contains("topic names start with a letter or digit"),
        "{err}"
    );
    assert!(!err.contains("'performance' is not a category"), "{err}");
    assert!(err.contains("unknown subject '--x'"), "{err}");
    let out = env.run(&[
        "--db",
        &db,
        "sql",
        "SELECT count(*) AS n FROM subjects WHERE name = 'x'",
    ]);
    assert!(out.ok().contains("│ 0 "), "{out:#?}");
}

/// (8) Memory does not grow with a bad file: a JSON array of 300,000 empty objects
/// is read one object at a time inside an address space of 150 MiB, and the
/// problems are capped at 100 ("and 299,900 more"); a CSV of 40,000 bad rows
/// likewise; an overlong line is refused instead of read.
#[test]
fn bad_claims_files_take_bounded_memory_and_problem_lists_are_capped() {
    let (env, db) = env_with_db();
    std::fs::write(env.path("a.txt"), "Flask is small.\n").unwrap();
    let json = env.path("empty.json");
    std::fs::write(&json, format!("[{}]", vec!["{}"; 300_000].join(","))).unwrap();
    let csv = env.path("bad.csv");
    let mut text = String::from("subject,kind,topic,stance,value,statement,quote\n");
    for _ in 0..40_000 {
        text.push_str("flask,odd,orm,,v,statement,Flask is small\n");
    }
    std::fs::write(&csv, text).unwrap();
    let long = env.path("long.csv");
    std::fs::write(
        &long,
        format!(
            "subject,kind,topic,stance,value,statement,quote\nflask,fact,orm,,v,s,{}\n",
            "x".repeat(3 << 20)
        ),
    )
    .unwrap();
    for (file, says) in [
        (&json, "and 299,900 more"),
        (&csv, "and 39,900 more"),
        (&long, "longer than 1 MiB"),
    ] {
        let mut sh = std::process::Command::new("sh");
        sh.args([
            "-c",
            "ulimit -v 153600 && exec \"$@\"",
            "sh",
            env!("CARGO_BIN_EXE_claimdb"),
            "--db",
            &db,
            "import",
            file.to_str().unwrap(),
            "--source",
            env.path("a.txt").to_str().unwrap(),
        ])
        .env_clear()
        .env("MALLOC_ARENA_MAX", "1")
        .current_dir(env.dir.path());
        let out = crate::support::run(&mut sh);
        let err = out.fails_with(3);
        assert!(
            err.contains(says),
            "{file:?}: {}",
            &err[..err.len().min(2000)]
        );
        assert!(
            err.lines().count() <= 103,
            "{file:?}: {} lines",
            err.lines().count()
        );
    }
}

/// `-o /dev/fd/N` (or `/proc/self/fd/N`) where N is the database's own descriptor
/// names the database in use once it is open: refused (exit 2), the file unchanged.
#[test]
fn dash_o_through_a_descriptor_link_spares_the_database() {
    let (env, db) = env_with_db();
    let before = std::fs::read(&db).unwrap();
    for (target, args) in [
        ("/dev/fd/3", &["verify"][..]),
        ("/proc/self/fd/3", &["verify"]),
        ("/dev/fd/3", &["--format", "csv", "claims"]),
        ("/dev/fd/3", &["subjects"]),
    ] {
        let mut all = vec!["--db", db.as_str(), "-o", target];
        all.extend_from_slice(args);
        let out = env.run(&all);
        assert_eq!(std::fs::read(&db).unwrap(), before, "{all:?}: {out:#?}");
        let err = out.fails_with(2).to_string();
        assert!(err.contains("database in use"), "{all:?}: {err}");
    }
}

/// A hot rollback journal (a writer killed mid-transaction) is never skipped: `sql`
/// refuses (exit 4) instead of showing the uncommitted rows.
#[test]
fn sql_never_shows_the_uncommitted_rows_of_a_hot_journal() {
    let (env, db) = env_with_db();
    let killed = std::process::Command::new("python3")
        .args([
            "-c",
            "import os, sqlite3, sys\n\
             c = sqlite3.connect(sys.argv[1], isolation_level=None)\n\
             c.execute('PRAGMA journal_mode=delete')\n\
             c.execute('PRAGMA cache_size=1')\n\
             c.execute('BEGIN')\n\
             c.execute(\"UPDATE claims SET statement = 'HOT ' || statement\")\n\
             os._exit(0)\n",
            &db,
        ])
        .status()
        .unwrap();
    assert!(killed.success());
    let journal = format!("{db}-journal");
    assert!(std::fs::metadata(&journal).unwrap().len() > 0);
    let out = env.run(&[
        "--db",
        &db,
        "sql",
        "SELECT count(*) AS hot FROM claims WHERE statement LIKE 'HOT %'",
    ]);
    assert!(!out.stdout.contains('1'), "{out:#?}");
    let err = out.fails_with(4).to_string();
    assert!(err.contains("journal"), "{err}");
    // A command that may write rolls the journal back; then `sql` reads again.
    env.run(&["--db", &db, "subjects"]).ok();
    let out = env
        .run(&[
            "--db",
            &db,
            "--format",
            "csv",
            "sql",
            "SELECT count(*) AS hot FROM claims WHERE statement LIKE 'HOT %'",
        ])
        .ok()
        .to_string();
    assert_eq!(out.lines().nth(1), Some("0"), "{out}");
}

/// An index or trigger claimdb did not make on claimdb's own tables would run
/// inside its writes without a time limit: refused (exit 4) naming it, with a way
/// to drop it. Users' own views and tables (and indexes on those) stay allowed.
#[test]
fn planted_indexes_on_claimdbs_tables_are_refused() {
    let (env, db) = env_with_db();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch(
            "CREATE TABLE my_notes (x); CREATE INDEX my_notes_x ON my_notes (x);
             CREATE VIEW my_slow_view AS SELECT length(replace(hex(zeroblob(20000000)),'0','ab')) AS n;
             CREATE INDEX my_slow ON claims(length(replace(hex(zeroblob(200)),'0','ab')));",
        )
        .unwrap();
    }
    for args in [
        &["subjects"][..],
        &["remove-source", "nosuch"],
        &["sql", "SELECT 1 AS one"],
    ] {
        let mut all = vec!["--db", db.as_str()];
        all.extend_from_slice(args);
        let err = env.run(&all).fails_with(4).to_string();
        assert!(
            err.contains("index my_slow") && err.contains("DROP INDEX"),
            "{args:?}: {err}"
        );
    }
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("DROP INDEX my_slow").unwrap();
    }
    env.run(&["--db", &db, "subjects"]).ok();
    env.run(&["--db", &db, "sql", "SELECT x FROM my_notes"])
        .ok();
}

/// Thousands of words are user input, never a slow command or "database damaged".
#[test]
fn many_words_are_a_usage_error_not_a_long_wait_or_exit_4() {
    let (env, db) = env_with_db();
    let words = vec!["the"; 2000].join(" ");
    let start = std::time::Instant::now();
    env.run(&["--db", &db, "search", &words])
        .fails_saying(2, "words");
    assert!(start.elapsed() < std::time::Duration::from_secs(10));
    let words = vec!["word"; 1000].join(" ");
    env.run(&["--db", &db, "claims", "--text", &words])
        .fails_saying(2, "words");
    // A few words still work.
    env.run(&["--db", &db, "search", "built-in", "authentication"])
        .ok();
}

/// A damaged full-text index is the database's fault in `sql` too (exit 4).
#[test]
fn sql_on_a_damaged_full_text_index_is_exit_4() {
    let (env, db) = env_with_db();
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("UPDATE claims_fts_config SET v = 99 WHERE k = 'version'")
            .unwrap();
    }
    env.run(&[
        "--db",
        &db,
        "sql",
        "SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'authentication'",
    ])
    .fails_saying(4, "fts5");
}

/// CSV and TSV written to a terminal escape control characters like the table
/// does; to a file they stay exact.
#[test]
fn csv_and_tsv_to_a_terminal_are_escaped() {
    let (env, db) = env_with_db();
    let query = "SELECT 'a' || char(27) || ']52;c;ZWNobw==' || char(7) || 'b' AS x";
    for format in ["csv", "tsv"] {
        let cmd = format!(
            "{} --db {} --format {format} sql \"{query}\"",
            env!("CARGO_BIN_EXE_claimdb"),
            db
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .current_dir(env.dir.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("ZWNobw=="), "{format}: {text:?}");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{format}: {text:?}"
        );
        let file = env.path(&format!("x.{format}"));
        env.run(&[
            "--db",
            &db,
            "-o",
            file.to_str().unwrap(),
            "--format",
            format,
            "sql",
            query,
        ])
        .ok();
        assert!(std::fs::read_to_string(&file).unwrap().contains('\u{1b}'));
    }
}

/// A parameter given twice is named as such; a JSON claim with a key twice is
/// refused naming the key.
#[test]
fn duplicate_parameters_and_duplicate_json_keys_are_named() {
    let (env, db) = env_with_db();
    let err = env
        .run(&[
            "--db",
            &db,
            "sql",
            "SELECT :s AS s, :t AS t",
            "-p",
            "s=a",
            "-p",
            "s=b",
            "-p",
            "t=c",
        ])
        .fails_with(2)
        .to_string();
    assert!(err.contains("-p s is given twice"), "{err}");

    let article = env.path("a.txt");
    std::fs::write(&article, "Flask is small.\n").unwrap();
    let claims = env.path("c.json");
    std::fs::write(
        &claims,
        r#"[{"subject": "flask", "subject": "django", "kind": "fact", "topic": "size",
            "category": "general", "statement": "Flask is small", "quote": "Flask is small",
            "line_start": 1, "line_end": 1}]"#,
    )
    .unwrap();
    let err = env
        .run(&[
            "--db",
            &db,
            "import",
            claims.to_str().unwrap(),
            "--source",
            article.to_str().unwrap(),
            "--title",
            "A",
            "--url",
            "https://example.com/a",
        ])
        .fails_with(3)
        .to_string();
    assert!(err.contains("subject") && err.contains("twice"), "{err}");
}

/// `CLAIMDB_DB=` (set, but empty: `CLAIMDB_DB=$UNSET_VARIABLE`) names the variable
/// and what to do, instead of clap's "a value is required for '--db'" that the user
/// never typed; and no database is created.
#[test]
fn an_empty_claimdb_db_variable_is_named() {
    let env = Env::new();
    let mut cmd = env.command();
    cmd.args(["which", "lacks", "auth"]).env("CLAIMDB_DB", "");
    let run = crate::support::run(&mut cmd);
    let err = run.fails_saying(2, "CLAIMDB_DB is set but empty");
    assert!(!err.contains("--db <PATH>"), "{err}");
    assert!(err.ends_with("default database\n"), "{err:?}");
    assert!(!env.default_db().exists());
}

/// An empty subject name (`--subject ''`, or only spaces) names no subject: every
/// command that takes one says so instead of answering as if none were asked.
#[test]
fn an_empty_subject_name_is_a_clear_error() {
    let env = Env::new();
    let article = fixture("fastapi-vs-flask.txt");
    for args in [
        &["claims", "--subject", ""][..],
        &["claims", "--subject", "  "],
        &["pros", "--subject", ""],
        &["cons", "--subject", " "],
        &["companies", "--subject", ""],
        &["draft", &article, "--subject", ""],
    ] {
        env.run(args)
            .fails_saying(2, "a subject name cannot be empty");
    }
    // A name no subject can have (names are one line, and short) is refused in a
    // line, not echoed back across the terminal: a pasted paragraph, a line break.
    let long = "a".repeat(5000);
    let out = env.run(&["claims", "--subject", &long]);
    let err = out.fails_with(2).to_string();
    assert!(err.contains("at most 1000 characters"), "{err}");
    assert!(err.len() < 600, "the name was echoed: {} bytes", err.len());
    env.run(&["pros", "--subject", "fla\nsk"])
        .fails_saying(2, "a subject name is one line");
}

/// A comparison table of 2,000 columns drafts no cell rows (each would quote the
/// whole row: gigabytes of CSV, then an abort), and the message saying why names
/// the first few subjects it found and how many more, not all of them.
#[test]
fn a_table_of_thousands_of_columns_drafts_quickly_and_says_so_briefly() {
    let env = Env::new();
    let n = 2000;
    let names: Vec<String> = (0..n).map(|i| format!("Zed{i}")).collect();
    let page = format!(
        "# Zed0 vs Zed1\n\n| Feature | {} |\n|{}\n| ORM | {} |\n",
        names.join(" | "),
        "---|".repeat(n + 1),
        vec!["Yes"; n].join(" | ")
    );
    let path = env.write("wide.md", page);
    let run = env.run(&["draft", &path, "--format", "csv"]);
    assert_eq!(run.code, 0, "{run:#?}");
    assert!(run.stdout.lines().count() <= 1, "{}", run.stdout.len());
    assert!(
        run.stderr.contains("the draft found no claims")
            && run.stderr.contains(" more but no sentence")
            && !run.stderr.contains("Zed1999"),
        "{}",
        &run.stderr[..run.stderr.len().min(500)]
    );
}
