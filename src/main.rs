//! claimdb: cited answers from articles comparing technologies.
//!
//! `main` is thin: parse the command line, run it, exit with its code (src/lib.rs).

use clap::Parser;

fn main() {
    std::process::exit(claimdb::run(claimdb::cli::Cli::parse()));
}
