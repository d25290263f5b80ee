//! The test environment: a temporary home for claimdb and a runner for the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const ARTICLE: &str = include_str!("../../seed/django-vs-flask.txt");

/// Every subcommand, as users type them.
pub const COMMANDS: &[&str] = &[
    "which",
    "compare",
    "ask",
    "subjects",
    "topics",
    "companies",
    "limitations",
    "pros",
    "cons",
    "use-cases",
    "claims",
    "show",
    "sql",
    "schema",
    "report",
    "conflicts",
    "sources",
    "search",
    "import",
    "remove-source",
    "init",
    "verify",
    "completions",
];

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

    /// Where the default database lands (XDG_DATA_HOME is the temporary directory).
    pub fn default_db(&self) -> PathBuf {
        self.path("data/claimdb/claimdb.sqlite3")
    }

    pub fn command(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimdb"));
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.path("data"))
            .current_dir(self.dir.path())
            .stdin(Stdio::null());
        cmd
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run(self.command().args(args))
    }
}

pub fn run(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
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
