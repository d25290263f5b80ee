//! claimdb: cited answers from articles comparing technologies.
//!
//! `main` is thin: parse the command line, run it, exit with its code (src/lib.rs).

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::sync::atomic::{AtomicBool, Ordering};

/// A refused value as an error message shows it: one line (control characters
/// escaped), at most 60 characters, "…" where it was cut.
fn shortened(value: &str) -> String {
    const SHOWN: usize = 60;
    let mut shown = String::new();
    for c in value.chars().take(SHOWN) {
        if c.is_control() {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
    }
    if value.chars().count() > SHOWN {
        shown.push('…');
    }
    shown
}

/// A file-size limit (`ulimit -f`) must end in an error, not a signal: with SIGXFSZ
/// ignored, the write that passes the limit fails (EFBIG), the import rolls back and
/// says why.
#[allow(unsafe_code)]
fn ignore_file_size_signal() {
    // SAFETY: sets one signal's disposition to "ignore" before any other thread
    // exists; no handler code runs.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// Turns off SQLite's memory accounting, which takes a process-wide mutex at every
/// allocation and free (about 0.35 M instructions of a seed `ask`). Only `sql` needs
/// it: its hard heap limit (src/db/readonly.rs) is enforced through that
/// accounting, so `sql` keeps it.
#[allow(unsafe_code)]
fn skip_sqlite_memory_accounting() {
    // SAFETY: sqlite3_config may only be called while SQLite is not initialized
    // and no other thread uses it: no connection has been opened yet and claimdb
    // has no other thread. Were SQLite already initialized, the call would return
    // SQLITE_MISUSE and change nothing.
    let off: libc::c_int = 0;
    unsafe {
        rusqlite::ffi::sqlite3_config(rusqlite::ffi::SQLITE_CONFIG_MEMSTATUS, off);
    }
}

/// Set when standard output was closed as the process started
/// (`claimdb claims >&-`). Rust's runtime reopens a closed standard stream on
/// /dev/null before `main`, which then cannot tell it from a /dev/null given on
/// purpose; so this is read earlier, by a constructor the loader runs before the
/// runtime starts (Linux's .init_array). Elsewhere nothing is noticed.
static STDOUT_CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

// SAFETY: the loader calls each .init_array entry once, before Rust's runtime
// starts; the function makes one system call and one atomic store (no
// allocation, no I/O through std, no panic), and a function of no arguments may
// be called with glibc's (argc, argv, envp) under the C calling convention.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
#[used]
#[unsafe(link_section = ".init_array")]
static NOTICE_CLOSED_STDOUT: extern "C" fn() = notice_closed_stdout;

#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
extern "C" fn notice_closed_stdout() {
    // SAFETY: F_GETFD reads a descriptor's flags and changes nothing; it fails
    // (EBADF) exactly when the descriptor is not open.
    let closed = unsafe { libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFD) } == -1;
    STDOUT_CLOSED_AT_START.store(closed, Ordering::Relaxed);
}

fn main() {
    ignore_file_size_signal();
    claimdb::guard_standard_streams(STDOUT_CLOSED_AT_START.load(Ordering::Relaxed));
    // A TAB in a shell that sourced `claimdb completions SHELL` lands here.
    claimdb::complete::answer_if_asked();
    let cli = match claimdb::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => match err.kind() {
            // Help and version go to stdout with clap's own exit codes.
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => err.exit(),
            // Usage errors speak like every other claimdb error.
            // `CLAIMDB_DB=` set to nothing: clap would blame a `--db` nobody typed.
            _ if std::env::var_os("CLAIMDB_DB").is_some_and(|v| v.is_empty())
                && matches!(err.get(ContextKind::InvalidArg),
                    Some(ContextValue::String(arg)) if arg.starts_with("--db")) =>
            {
                claimdb::stderr_line!("claimdb: error: CLAIMDB_DB is set but empty");
                claimdb::stderr_line!(
                    "  hint: give it a database path, or unset it (unset CLAIMDB_DB) to use the default database"
                );
                std::process::exit(2);
            }
            _ => {
                let mut text = err.render().to_string();
                // clap quotes the refused value whole: a pasted page or a line
                // break would fill or break the terminal.
                if let Some(ContextValue::String(value)) = err.get(ContextKind::InvalidValue) {
                    text = text.replacen(value.as_str(), &shortened(value), 1);
                }
                let text = text.strip_prefix("error: ").unwrap_or(&text);
                let text = claimdb::output::for_terminal(text);
                claimdb::stderr_text!("claimdb: error: {text}");
                std::process::exit(2);
            }
        },
    };
    if !matches!(cli.command, claimdb::cli::Command::Sql(_)) {
        skip_sqlite_memory_accounting();
    }
    std::process::exit(claimdb::run(cli));
}
