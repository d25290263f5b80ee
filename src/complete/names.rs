//! The names shell completion offers, read from the knowledge base named by
//! CLAIMDB_DB or the default one: subjects, topics, categories. A missing or
//! unreadable database completes no names, and is never created. The command-line
//! definition (src/cli.rs) points its arguments here.

use clap_complete::engine::CompletionCandidate;
use rusqlite::{Connection, OpenFlags};

use crate::db::Location;

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
