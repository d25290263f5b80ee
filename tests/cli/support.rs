//! The test environment: a temporary home for claimdb and a runner for the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

pub const ARTICLE: &str = include_str!("../../seed/django-vs-flask.txt");

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// The path of a file in tests/fixtures.
pub fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

/// Every subcommand, as users type them, read from the CLI definition itself: a
/// new command is covered by the help test and the argument fuzz without being
/// listed here.
pub fn commands() -> Vec<String> {
    use clap::CommandFactory as _;
    claimdb::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect()
}

/// Says that the running test did not check what it is for, and why, as
/// `SKIPPED <test>: <why>`, where `cargo test` shows it: written straight to the
/// process's stderr, because the harness captures `eprintln!` and a skip would
/// pass in silence. The harness still counts the test as passed, so the skips are
/// also counted and listed again after its summary, when the test binary exits.
pub fn skipped(why: &str) {
    use std::io::Write as _;
    // The harness runs each test on a thread named after it.
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let line = format!("SKIPPED {test}: {why}");
    let _ = writeln!(std::io::stderr(), "{line}");
    SKIPS.lock().unwrap_or_else(|e| e.into_inner()).push(line);
    static AT_EXIT: std::sync::Once = std::sync::Once::new();
    AT_EXIT.call_once(|| {
        // SAFETY: registers a plain `extern "C" fn` with the C library, which calls
        // it once as the process exits, after the harness's summary.
        #[allow(unsafe_code)]
        unsafe {
            libc::atexit(report_skips);
        }
    });
}

static SKIPS: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Lists the skipped tests under the harness's summary (`cargo test` shows the
/// test binary's stderr), so "N passed" is not read as N checks made.
extern "C" fn report_skips() {
    use std::io::Write as _;
    let skips = SKIPS.lock().unwrap_or_else(|e| e.into_inner());
    let mut err = std::io::stderr().lock();
    let n = skips.len();
    let _ = writeln!(
        err,
        "\n{n} test{} skipped (counted as passed above; install what they need, or run under CI=true to make them fail):",
        if n == 1 { "" } else { "s" }
    );
    for line in skips.iter() {
        let _ = writeln!(err, "  {line}");
    }
}

/// PATH with this build's `claimdb` first, as an installed one is found: for what
/// runs `claimdb` by name (a completion script, the README's examples).
pub fn path_with_claimdb() -> std::ffi::OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_claimdb")).parent().unwrap();
    std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(
            &std::env::var_os("PATH").unwrap_or_default(),
        )),
    )
    .unwrap()
}

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success, got {self:#?}");
        &self.stdout
    }

    #[track_caller]
    pub fn fails_with(&self, code: i32) -> &str {
        assert_eq!(self.code, code, "expected exit {code}, got {self:#?}");
        assert!(
            self.stderr.contains("claimdb: error:"),
            "failure without `claimdb: error:`: {self:#?}"
        );
        &self.stderr
    }

    /// Asserts failure with exit `code` and an error that says `words`; returns stderr.
    #[track_caller]
    pub fn fails_saying(&self, code: i32, words: &str) -> &str {
        let err = self.fails_with(code);
        assert!(err.contains(words), "{err}");
        err
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.ok()).unwrap_or_else(|e| panic!("not JSON ({e}): {self:#?}"))
    }
}

/// A temporary data directory; `run` uses the default database inside it.
pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `contents` as `name` in the temporary directory; returns its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, contents).unwrap();
        path.to_str().unwrap().to_string()
    }

    /// Where the default database lands (XDG_DATA_HOME is the temporary directory).
    pub fn default_db(&self) -> PathBuf {
        self.path("data/claimdb/claimdb.sqlite3")
    }

    pub fn command(&self) -> Command {
        let mut cmd = self.program(env!("CARGO_BIN_EXE_claimdb"));
        cmd.env("XDG_DATA_HOME", self.path("data"))
            .stdin(Stdio::null());
        cmd
    }

    /// `program` in a clean environment (PATH kept) whose home and working directory
    /// are the temporary directory: for a wrapper that runs the binary.
    pub fn program(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .current_dir(self.dir.path());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run(self.command().args(args))
    }

    /// Runs the binary with `input` on stdin.
    pub fn run_with_stdin(&self, args: &[&str], input: &[u8]) -> Run {
        use std::io::Write as _;
        let mut child = self
            .command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        Run::from(child.wait_with_output().unwrap())
    }

    /// `claimdb --db DB import CLAIMS --source ARTICLE`.
    pub fn import(&self, db: &str, claims: &str, article: &str) -> Run {
        self.import_with(db, claims, article, &[])
    }

    /// `claimdb --db DB import CLAIMS --source ARTICLE OPTIONS...`.
    pub fn import_with(&self, db: &str, claims: &str, article: &str, options: &[&str]) -> Run {
        let mut args = vec!["--db", db, "import", claims, "--source", article];
        args.extend_from_slice(options);
        self.run(&args)
    }
}

/// A test environment with an initialised database at `db/kb.sqlite3` (alone in its
/// folder, so tests can compare every file there); returns its path.
pub fn env_with_db() -> (Env, String) {
    let env = Env::new();
    std::fs::create_dir(env.path("db")).unwrap();
    let db = env.path("db/kb.sqlite3");
    env.run(&["--db", db.to_str().unwrap(), "init"]).ok();
    (env, db.to_str().unwrap().to_string())
}

pub fn run(cmd: &mut Command) -> Run {
    Run::from(cmd.output().expect("the binary runs"))
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }
}

/// True when `quote` stands in the article at `start..=end`.
pub fn quote_at(quote: &str, start: u64, end: u64) -> bool {
    let lines: Vec<&str> = ARTICLE.split('\n').collect();
    let span = lines[start as usize - 1..end as usize].join("\n");
    span.contains(quote)
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// The shipped article, as a path (for tests that import it again).
pub fn seed_article_path() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/seed/django-vs-flask.txt").to_string()
}

/// The files directly in `dir`, sorted.
pub fn files_in(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

/// A claimdb version-1 database at `path`, as claimdb 1 created it, without rows;
/// returns the open connection to add some.
pub fn version_1_database(path: &Path) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "application_id", 0x436c_4442)
        .unwrap();
    conn.execute_batch(include_str!("../../migrations/0001_schema.sql"))
        .unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn
}

/// FTS5's own check that the full-text index is exactly what the claims hold.
#[track_caller]
pub fn fts_intact(conn: &rusqlite::Connection) {
    conn.execute(
        "INSERT INTO claims_fts (claims_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("the full-text index matches the claims");
}

/// A generated article and claims file large enough that importing them takes a
/// while: `rows` claims, all named "NAME claim N".
pub struct LargeImport {
    pub name: String,
    pub rows: i64,
    pub claims: String,
    pub article: String,
}

pub fn large_import(env: &Env, name: &str, rows: usize) -> LargeImport {
    use std::fmt::Write as _;
    let lines = 1_000;
    let mut article = String::new();
    for i in 1..=lines {
        writeln!(
            article,
            "{name} line {i}: framework {i} ships feature {}.",
            i * 3
        )
        .unwrap();
    }
    let mut csv =
        String::from("subject,kind,topic,stance,value,statement,quote,line_start,line_end\n");
    for n in 0..rows {
        let line = n % lines + 1;
        let feature = line * 3;
        writeln!(
            csv,
            "django,feature,orm,builtin,,{name} claim {n},\"framework {line} ships feature {feature}\",{line},{line}"
        )
        .unwrap();
    }
    let (a, c) = (
        env.path(&format!("{name}.txt")),
        env.path(&format!("{name}.csv")),
    );
    std::fs::write(&a, article).unwrap();
    std::fs::write(&c, csv).unwrap();
    LargeImport {
        name: name.to_string(),
        rows: rows as i64,
        claims: c.to_str().unwrap().to_string(),
        article: a.to_str().unwrap().to_string(),
    }
}

impl LargeImport {
    pub fn command(&self, env: &Env, db: &str) -> Command {
        let mut cmd = env.command();
        cmd.args([
            "--db",
            db,
            "import",
            &self.claims,
            "--source",
            &self.article,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
        cmd
    }

    /// (sources, claims) of this import in the database, after checking that the
    /// database file is intact and that its full-text index holds exactly the
    /// claims, this import's among them.
    pub fn present(&self, db: &str) -> (i64, i64) {
        let conn = rusqlite::Connection::open(db).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
        fts_intact(&conn);
        let sources = conn
            .query_row(
                "SELECT count(*) FROM sources WHERE slug = ?1",
                [&self.name],
                |r| r.get(0),
            )
            .unwrap();
        let claims = conn
            .query_row(
                "SELECT count(*) FROM claims WHERE statement LIKE ?1 || ' claim %'",
                [&self.name],
                |r| r.get(0),
            )
            .unwrap();
        let searched: i64 = conn
            .query_row(
                "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH ?1",
                [format!("statement:\"{} claim\"", self.name)],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(searched, claims, "found by full-text search");
        (sources, claims)
    }

    /// Runs the import, kills it at `at`, and checks that the database holds it
    /// whole or not at all (removing it again if whole, so the next kill hits an
    /// import in progress). Returns whether it was still running when killed.
    pub fn kill_at(&self, env: &Env, db: &str, at: KillAt) -> bool {
        let mut child = self.command(env, db).spawn().unwrap();
        let start = std::time::Instant::now();
        loop {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            let due = match at {
                KillAt::WalBytes(bytes) => wal_size(db) >= bytes,
                KillAt::Millis(ms) => start.elapsed() >= Duration::from_millis(ms),
            };
            if due || start.elapsed() > Duration::from_secs(120) {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        let running = child.try_wait().unwrap().is_none();
        let _ = child.kill();
        child.wait().unwrap();
        let present = self.present(db);
        assert!(
            present == (0, 0) || present == (1, self.rows),
            "{at:?}: partial import: {present:?} (sources, claims)"
        );
        if present.0 == 1 {
            env.run(&["--db", db, "remove-source", &self.name]).ok();
        }
        running
    }
}

/// When to kill an import: once its write-ahead log passes a size (it is writing),
/// or after a time (it may still be reading and checking its input).
#[derive(Debug, Clone, Copy)]
pub enum KillAt {
    WalBytes(u64),
    Millis(u64),
}

pub fn wal_size(db: &str) -> u64 {
    std::fs::metadata(format!("{db}-wal")).map_or(0, |m| m.len())
}

/// Starts `cmd` with piped output, reads its first line, then closes the pipe and
/// waits: returns the line and how the process ended.
pub fn read_first_line_then_close(cmd: &mut Command) -> (String, std::process::Output) {
    use std::io::{BufRead, BufReader};
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    (first, child.wait_with_output().unwrap())
}

/// Every file in `dir` with its bytes.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Asserts that every file of `before` is still there with the same bytes. SQLite
/// may add its empty lock files (-shm, an empty -wal) beside a writable database;
/// nothing else may appear.
#[track_caller]
pub fn unchanged(dir: &Path, before: &std::collections::BTreeMap<String, Vec<u8>>) {
    let after = snapshot(dir);
    for (name, bytes) in before {
        assert!(after.get(name) == Some(bytes), "{name} was changed");
    }
    for (name, bytes) in &after {
        if !before.contains_key(name) {
            assert!(
                name.ends_with("-shm") || (name.ends_with("-wal") && bytes.is_empty()),
                "{name} appeared"
            );
        }
    }
}
