//! claimdb: cited answers from articles comparing technologies.
//!
//! The library behind the `claimdb` binary. It is a library so that the fuzz
//! targets (fuzz/) can reach the parsers; the command line is its only interface.

// First, so that its macros are in scope in every module after it.
#[macro_use]
pub mod messages;

pub mod answers;
pub mod article;
pub mod ask;
pub mod catalog;
pub mod cli;
pub mod commands;
pub mod complete;
pub mod db;
pub mod draft;
pub mod error;
pub mod ingest;
pub mod model;
pub mod names;
pub mod output;
pub mod progress;
#[cfg(test)]
mod properties;
pub mod publish;
pub mod query;
pub mod rows;
pub mod text;

/// Records that standard output was closed when claimdb started
/// (`claimdb claims >&-`; the binary notices it before Rust's runtime reopens it
/// on /dev/null, see src/main.rs): output would otherwise vanish without a word.
/// The mark is kept by
/// the writer ([`output::STDOUT_CLOSED`]), which refuses to write to it. A /dev/null
/// given on purpose, write-only (`> /dev/null`) or read-write (Python's
/// `subprocess.DEVNULL`), is not closed.
pub fn guard_standard_streams(closed_at_start: bool) {
    output::STDOUT_CLOSED.store(closed_at_start, std::sync::atomic::Ordering::Relaxed);
}

/// Runs the command line and returns the process's exit code. A closed pipe
/// (`claimdb claims | head -1`) is success.
pub fn run(cli: cli::Cli) -> i32 {
    match commands::run(cli) {
        Ok(()) => 0,
        Err(err) if err.is_broken_pipe() => 0,
        Err(err) => {
            // Messages quote names and values from files and the database: they
            // reach the terminal under the same escaping rule as table output.
            stderr_line!("claimdb: error: {}", output::for_terminal(&err.message));
            if let Some(hint) = &err.hint {
                stderr_line!("  hint: {}", output::for_terminal(hint));
            }
            err.kind.exit_code()
        }
    }
}
