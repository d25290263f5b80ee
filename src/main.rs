//! claimdb: cited answers from articles comparing technologies.
//!
//! `main` is thin: parse the command line, run the command, and map the result to
//! an exit code. A closed pipe (`claimdb claims | head -1`) is success.

mod article;
mod ask;
mod catalog;
mod cli;
mod commands;
mod db;
mod error;
mod ingest;
mod model;
mod names;
mod output;
mod progress;
mod query;

use clap::Parser;

fn main() {
    let cli = cli::Cli::parse();
    let code = match commands::run(cli) {
        Ok(()) => 0,
        Err(err) if err.is_broken_pipe() => 0,
        Err(err) => {
            eprintln!("claimdb: error: {}", err.message);
            if let Some(hint) = &err.hint {
                eprintln!("  hint: {hint}");
            }
            err.kind.exit_code()
        }
    };
    std::process::exit(code);
}
