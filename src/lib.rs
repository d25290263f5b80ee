//! claimdb: cited answers from articles comparing technologies.
//!
//! The library behind the `claimdb` binary. It is a library so that the fuzz
//! targets (fuzz/) can reach the parsers; the command line is its only interface.

/// `eprint!` that never panics. Messages on stderr are for a person; when stderr is
/// a closed pipe or a full disk they are dropped, and the command still ends with
/// its own exit code instead of a panic (exit 101).
#[macro_export]
macro_rules! stderr_text {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

/// `eprintln!` that never panics (see [`stderr_text!`]).
#[macro_export]
macro_rules! stderr_line {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod article;
pub mod ask;
pub mod catalog;
pub mod cli;
pub mod commands;
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
pub mod query;
pub mod text;

/// Runs the command line and returns the process's exit code. A closed pipe
/// (`claimdb claims | head -1`) is success.
pub fn run(cli: cli::Cli) -> i32 {
    match commands::run(cli) {
        Ok(()) => 0,
        Err(err) if err.is_broken_pipe() => 0,
        Err(err) => {
            stderr_line!("claimdb: error: {}", err.message);
            if let Some(hint) = &err.hint {
                stderr_line!("  hint: {hint}");
            }
            err.kind.exit_code()
        }
    }
}
