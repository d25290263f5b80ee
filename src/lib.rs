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

/// Notices a standard output that was closed when claimdb started. Rust's runtime
/// reopens closed standard streams on /dev/null (read-write) before `main`, so no
/// file claimdb opens can become standard output; output would then vanish without
/// a word. A /dev/null opened read-write is that mark (a shell's `> /dev/null`
/// opens it write-only). Linux only (it reads /proc); elsewhere nothing is noticed.
/// The mark is kept by the writer ([`output::STDOUT_CLOSED`]), which refuses to
/// write to it.
pub fn guard_standard_streams() {
    let is_null = std::fs::read_link("/proc/self/fd/1")
        .is_ok_and(|target| target == std::path::Path::new("/dev/null"));
    if !is_null {
        return;
    }
    let read_write = std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    });
    if read_write {
        output::STDOUT_CLOSED.store(true, std::sync::atomic::Ordering::Relaxed);
    }
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
