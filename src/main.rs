//! claimdb: cited answers from articles comparing technologies.
//!
//! `main` is thin: parse the command line, run it, exit with its code (src/lib.rs).

use clap::Parser;
use clap::error::ErrorKind;

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

fn main() {
    ignore_file_size_signal();
    claimdb::guard_standard_streams();
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
            _ => {
                let text = err.render().to_string();
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
