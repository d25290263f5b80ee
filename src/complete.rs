//! Shell completion, including the names in the knowledge base: `claimdb which has
//! <TAB>` offers the topics, `compare <TAB>` the subjects. clap_complete's dynamic
//! completion: the script `claimdb completions SHELL` prints asks the binary itself
//! (`CLAIMDB_COMPLETE=SHELL claimdb -- WORDS`) at each TAB, so names imported later complete
//! too. Names come from the database named by CLAIMDB_DB, or the default one; a
//! missing or unreadable database completes no names, and is never created.

use std::ffi::OsString;
use std::io::Write;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use rusqlite::{Connection, OpenFlags};

use crate::cli::Cli;
use crate::db::Location;

/// The variable the shell's script sets to ask for completions: claimdb's own name,
/// not clap's default `COMPLETE`, which an unrelated environment may well hold.
const VAR: &str = "CLAIMDB_COMPLETE";

/// Answers a completion request and exits, when the shell's script made one.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .complete();
}

/// The script a shell sources to complete claimdb; `program` is how claimdb was run.
pub fn write_script(
    shell: clap_complete::Shell,
    program: &OsString,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let shells = clap_complete::env::Shells::builtins();
    let completer = shells
        .completer(&shell.to_string())
        .ok_or_else(|| std::io::Error::other(format!("no completion support for {shell}")))?;
    // A program run by path completes through that path; a bare name through PATH.
    let mut program = std::path::PathBuf::from(program);
    if program.components().count() > 1
        && let Ok(absolute) = std::path::absolute(&program)
    {
        program = absolute;
    }
    let mut buf = Vec::new();
    completer.write_registration(
        VAR,
        "claimdb",
        "claimdb",
        &program.to_string_lossy(),
        &mut buf,
    )?;
    out.write_all(&buf)
}

fn candidates(sql: &str) -> Vec<CompletionCandidate> {
    let path = match std::env::var_os("CLAIMDB_DB").filter(|p| !p.is_empty()) {
        Some(p) => p.into(),
        None => match Location::from_flag(None) {
            Ok(location) => location.path().to_path_buf(),
            Err(_) => return Vec::new(),
        },
    };
    let Ok(conn) = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return Vec::new();
    };
    let Ok(mut stmt) = conn.prepare(sql) else {
        return Vec::new();
    };
    stmt.query_map([], |r| {
        let name: String = r.get(0)?;
        let help: Option<String> = r.get(1)?;
        Ok(CompletionCandidate::new(name).help(help.map(Into::into)))
    })
    .map(|rows| rows.filter_map(Result::ok).collect())
    .unwrap_or_default()
}

/// Subject names.
pub fn subjects() -> Vec<CompletionCandidate> {
    candidates("SELECT name, description FROM subjects ORDER BY name")
}

/// Topic names.
pub fn topics() -> Vec<CompletionCandidate> {
    candidates("SELECT name, category FROM topics ORDER BY name")
}

/// Category names.
pub fn categories() -> Vec<CompletionCandidate> {
    candidates("SELECT category, description FROM categories ORDER BY category")
}

/// What `which has|lacks` takes: "built-in", then a topic.
pub fn which_words() -> Vec<CompletionCandidate> {
    let mut words =
        vec![CompletionCandidate::new("built-in").help(Some("only built-in support".into()))];
    words.extend(topics());
    words
}

/// What `compare --on` takes: a category or a topic.
pub fn categories_and_topics() -> Vec<CompletionCandidate> {
    let mut words = categories();
    words.extend(topics());
    words
}
