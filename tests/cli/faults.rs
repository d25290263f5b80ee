//! The fault and bad-input suite (issue 7): generated argument vectors, damaged
//! database files, concurrent readers and writers, killed imports and failing
//! outputs. Each promise here is one README "Guarantees" states.

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::support::{Env, KillAt, Run, large_import, read_first_line_then_close, run, wal_size};

/// splitmix64, so every run of the suite tries the same cases.
#[path = "../../bench/splitmix.rs"]
mod splitmix;
use splitmix::Rng;

const FLAGS: &[&str] = &[
    "--format",
    "-o",
    "--color",
    "--csv-raw",
    "--bom",
    "--subject",
    "-s",
    "--kind",
    "--topic",
    "--stance",
    "--source",
    "--text",
    "--on",
    "--category",
    "--shared",
    "--timeout-ms",
    "--max-rows",
    "--force",
    "--replace",
    "--dry-run",
    "--dir",
    "--slug",
    "--title",
    "--url",
    "--help",
    "--version",
    "--db",
    "--unknown-flag",
    "-x",
    "--",
    "-",
];
const WORDS: &[&str] = &[
    "has",
    "lacks",
    "built-in",
    "auth",
    "orm",
    "django",
    "flask",
    "Flash",
    "json",
    "csv",
    "markdown",
    "tsv",
    "ndjson",
    "table",
    "always",
    "never",
    "feature",
    "company",
    "builtin",
    "0",
    "-1",
    "1",
    "99999999999999999999",
    "1e309",
    "NaN",
    "",
    " ",
    "🦀",
    "Ünïcödé’s",
    "'; DROP TABLE claims; --",
    "%s%n%x",
    "\"unbalanced",
    "AND OR NOT",
    "*",
    "NEAR(",
    "a\nb",
    "SELECT 1",
    "SELECT * FROM claims_cited",
    "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r",
    "feature-matrix",
    "bash",
    "zsh",
    "which companies use both",
    "who created flask",
    "out.csv",
    "/dev/null",
    "/nonexistent/dir/file",
    ".",
    "..",
    "django-vs-flask",
];

/// One argument: a known word or flag, a long or non-UTF-8 value, or noise.
fn argument(rng: &mut Rng) -> OsString {
    match rng.below(12) {
        0 => OsString::from_vec(vec![0xff, 0xfe, b'x', 0x80]),
        1 => OsString::from("y".repeat(10_000 + rng.below(100_000))),
        2 => OsString::from(format!("--{}", "z".repeat(rng.below(40)))),
        3 => OsString::from(
            (0..rng.below(12))
                .map(|_| char::from(33 + rng.below(94) as u8))
                .collect::<String>(),
        ),
        4 | 5 => OsString::from(FLAGS[rng.below(FLAGS.len())]),
        _ => OsString::from(WORDS[rng.below(WORDS.len())]),
    }
}

/// A failure must explain itself: our error line, or (for a missing command) the
/// usage text.
fn explains_itself(out: &Run) -> bool {
    out.stderr.starts_with("claimdb: error:")
        || out.stderr.contains("\nclaimdb: error:")
        || out.stderr.contains("Usage:")
}

#[test]
fn thousands_of_generated_argument_vectors_never_panic() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    env.run(&["--db", db.to_str().unwrap(), "init"]).ok();
    let mut rng = Rng(7);
    let commands = crate::support::commands();
    let cases = 2_500;
    let mut failures = 0;
    for case in 0..cases {
        let mut args: Vec<OsString> = Vec::new();
        if rng.below(3) > 0 {
            args.push("--db".into());
            args.push(db.clone().into());
        }
        // Every command, plus an unknown one and an empty one.
        args.push(
            match rng.below(commands.len() + 2) {
                n if n < commands.len() => commands[n].as_str(),
                n if n == commands.len() => "nope",
                _ => "",
            }
            .into(),
        );
        for _ in 0..rng.below(6) {
            args.push(argument(&mut rng));
        }
        let mut cmd = env.command();
        cmd.args(&args).stdout(Stdio::null());
        let out = run(&mut cmd);
        assert_ne!(out.code, -1, "case {case}: killed by a signal: {args:?}");
        assert_ne!(
            out.code, 101,
            "case {case}: panicked: {args:?}\n{}",
            out.stderr
        );
        if out.code != 0 {
            failures += 1;
            assert!(
                explains_itself(&out),
                "case {case}: exit {} without an error message: {args:?}",
                out.code
            );
            assert!(
                !out.stderr.contains("panicked"),
                "case {case}: {}",
                out.stderr
            );
        }
    }
    // Most generated vectors are wrong; make sure the generator reaches errors.
    assert!(
        failures > cases / 2,
        "only {failures} of {cases} vectors failed"
    );
}

#[test]
fn damaged_or_wrong_database_files_are_clear_errors_naming_the_path() {
    let env = Env::new();
    let good = env.path("good.sqlite3");
    env.run(&["--db", good.to_str().unwrap(), "init"]).ok();
    let bytes = std::fs::read(&good).unwrap();

    let text = env.path("notes.txt");
    std::fs::write(&text, "meeting notes\n".repeat(500)).unwrap();
    let random = env.path("random.bin");
    let mut rng = Rng(42);
    std::fs::write(
        &random,
        (0..70_000).map(|_| rng.next() as u8).collect::<Vec<u8>>(),
    )
    .unwrap();
    let truncated = env.path("truncated.sqlite3");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    let header_only = env.path("header-only.sqlite3");
    std::fs::write(&header_only, &bytes[..100]).unwrap();
    let empty = env.path("empty.sqlite3");
    std::fs::write(&empty, b"").unwrap();
    let dir = env.path("a-directory");
    std::fs::create_dir(&dir).unwrap();
    let looped = env.path("loop.sqlite3");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let missing = env.path("missing/kb.sqlite3");

    for path in [
        &text,
        &random,
        &truncated,
        &header_only,
        &empty,
        &dir,
        &looped,
        &missing,
    ] {
        let before = std::fs::read(path).ok();
        for args in [
            &["which", "lacks", "auth"][..],
            &["claims", "--format", "csv"],
            &["verify"],
            &["sql", "SELECT count(*) FROM claims"],
        ] {
            let mut all = vec!["--db", path.to_str().unwrap()];
            all.extend_from_slice(args);
            let out = env.run(&all);
            let err = out.fails_with(4);
            assert!(
                err.contains(path.to_str().unwrap()),
                "{path:?} {args:?}: the error names the path: {err}"
            );
        }
        assert_eq!(std::fs::read(path).ok(), before, "{path:?} was changed");
    }
    assert!(
        !missing.exists() && !env.path("missing").exists(),
        "a missing path is not created"
    );
    let err = env
        .run(&["--db", empty.to_str().unwrap(), "subjects"])
        .fails_with(4)
        .to_string();
    assert!(err.contains("is empty"), "{err}");
    let err = env
        .run(&["--db", dir.to_str().unwrap(), "subjects"])
        .fails_with(4)
        .to_string();
    assert!(err.contains("directory"), "{err}");
}

#[test]
fn an_unreadable_database_file_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let db = env.path("locked.sqlite3");
    env.run(&["--db", db.to_str().unwrap(), "init"]).ok();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = env.run(&["--db", db.to_str().unwrap(), "subjects"]);
    if std::fs::File::open(&db).is_ok() {
        // Running as root: permissions do not stop reading, so the command works.
        out.ok();
    } else {
        let err = out.fails_with(4);
        assert!(err.contains(db.to_str().unwrap()), "{err}");
    }
}

#[test]
fn writing_to_a_full_device_is_a_clear_error() {
    let env = Env::new();
    env.run(&["subjects"]).ok();
    let full = std::fs::File::create("/dev/full").unwrap();
    let mut cmd = env.command();
    cmd.args(["--format", "csv", "claims"]).stdout(full);
    let out = run(&mut cmd);
    let err = out.fails_with(6);
    assert!(err.contains("No space left on device"), "{err}");

    let out = env.run(&["--format", "csv", "-o", "/dev/full", "claims"]);
    let err = out.fails_with(6);
    assert!(
        err.contains("/dev/full") || err.contains("No space left"),
        "{err}"
    );
    assert!(
        std::fs::metadata("/dev/full")
            .unwrap()
            .file_type()
            .is_char_device_like(),
        "/dev/full is still a device"
    );
}

trait CharDevice {
    fn is_char_device_like(&self) -> bool;
}

impl CharDevice for std::fs::FileType {
    fn is_char_device_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_char_device()
    }
}

#[test]
fn a_closed_pipe_ends_a_large_export_quietly() {
    let env = Env::new();
    env.run(&["subjects"]).ok();
    let (first, out) = read_first_line_then_close(env.command().args([
        "--format",
        "csv",
        "sql",
        "--timeout-ms",
        "0",
        "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r LIMIT 2000000) SELECT i, 'row ' || i AS label FROM r",
    ]));
    assert_eq!(first, "i,label\r\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_closed_stderr_changes_no_exit_code() {
    // Each of these writes to stderr: the first-run notice, an error with its
    // hint, a usage error from the argument parser, and an import's summary.
    let env = Env::new();
    let missing = env.path("missing.sqlite3");
    let cases: [(&[&str], i32); 4] = [
        (&["which", "lacks", "auth"], 0),
        (&["--db", missing.to_str().unwrap(), "subjects"], 4),
        (&["--no-such-flag"], 2),
        (
            &[
                "import",
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/fastapi-claims.csv"
                ),
                "--source",
                concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/tests/fixtures/fastapi-vs-flask.txt"
                ),
            ],
            0,
        ),
    ];
    for (args, code) in cases {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let status = env
            .command()
            .args(args)
            .stdout(Stdio::null())
            .stderr(writer)
            .status()
            .unwrap();
        assert_eq!(status.code(), Some(code), "claimdb {}", args.join(" "));
    }
    assert!(env.default_db().exists());
    let sources = env.run(&["--format", "csv", "sources"]);
    assert!(
        sources.ok().contains("fastapi-vs-flask"),
        "the import landed"
    );
}

#[test]
fn readers_keep_answering_while_an_import_writes() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db = db.to_str().unwrap().to_string();
    env.run(&["--db", &db, "init"]).ok();
    let bulk = large_import(&env, "bulk", 60_000);
    let mut import = bulk.command(&env, &db).spawn().unwrap();
    let mut readers = Vec::new();
    for _ in 0..8 {
        // Each reader queries in a loop until the import has finished.
        let script = format!(
            "n=0; while [ ! -e {done} ]; do {bin} --db {db} --format csv which lacks auth > /dev/null 2>&1 || exit 1; n=$((n+1)); done; echo $n",
            done = env.path("done").display(),
            bin = env!("CARGO_BIN_EXE_claimdb"),
        );
        let reader = Command::new("sh")
            .arg("-c")
            .arg(script)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        readers.push(reader);
    }
    let status = import.wait().unwrap();
    std::fs::write(env.path("done"), "").unwrap();
    assert!(status.success(), "the import failed");
    for reader in readers {
        let out = reader.wait_with_output().unwrap();
        assert!(out.status.success(), "a reader failed while the import ran");
        let queries: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        assert!(queries > 0, "each reader queried at least once");
    }
    assert_eq!(bulk.present(&db), (1, 60_000));
}

#[test]
fn two_imports_at_once_never_mix() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db = db.to_str().unwrap().to_string();
    env.run(&["--db", &db, "init"]).ok();
    let first = large_import(&env, "first", 40_000);
    let second = large_import(&env, "second", 40_000);
    let a = first.command(&env, &db).spawn().unwrap();
    let b = second.command(&env, &db).spawn().unwrap();
    // Both end before either is looked at: the full-text index's integrity check
    // writes, so it waits on an import still writing. (Writers now take turns on
    // one lock, so the second may be writing when the first has ended.)
    let ended = [
        (a.wait_with_output().unwrap(), &first),
        (b.wait_with_output().unwrap(), &second),
    ];
    for (out, import) in ended {
        match out.status.code() {
            Some(0) => assert_eq!(import.present(&db), (1, 40_000)),
            Some(4) => {
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(
                    err.contains("claimdb: error: the database is busy"),
                    "{err}"
                );
                assert_eq!(import.present(&db), (0, 0));
            }
            other => panic!(
                "{}: unexpected exit {other:?}: {}",
                import.name,
                String::from_utf8_lossy(&out.stderr)
            ),
        }
    }
}

#[test]
fn thirty_kills_at_random_points_leave_whole_imports_only() {
    let env = Env::new();
    let db = env.path("kb.sqlite3");
    let db = db.to_str().unwrap().to_string();
    env.run(&["--db", &db, "init"]).ok();
    let killed = large_import(&env, "killed", 50_000);
    // One whole import, watched: how long it takes and how far its log grows.
    let start = std::time::Instant::now();
    let mut child = killed.command(&env, &db).spawn().unwrap();
    let mut peak_wal = 0;
    while child.try_wait().unwrap().is_none() {
        peak_wal = peak_wal.max(wal_size(&db));
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(child.wait().unwrap().success());
    let full = start.elapsed().as_millis() as u64;
    assert!(
        peak_wal > 1_000_000,
        "the import writes as it goes: {peak_wal} bytes"
    );
    env.run(&["--db", &db, "remove-source", "killed"]).ok();

    let mut rng = Rng(30);
    let mut writing_kills = 0;
    for n in 0..30 {
        let at = if n % 2 == 0 {
            KillAt::WalBytes(peak_wal / 10 + rng.below((peak_wal * 8 / 10) as usize) as u64)
        } else {
            KillAt::Millis(rng.below(full as usize) as u64)
        };
        let running = killed.kill_at(&env, &db, at);
        if matches!(at, KillAt::WalBytes(_)) && running {
            writing_kills += 1;
        }
    }
    assert!(
        writing_kills >= 13,
        "only {writing_kills} of 15 kills hit an import while it wrote"
    );
    env.run(&["--db", &db, "verify"]).ok();
    // The scratch file a large import builds its full-text index in has no name
    // once it is open, so no kill leaves it behind.
    let left: Vec<_> = std::fs::read_dir(env.path(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".claimdb-index-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
