//! claimdb: cited answers from articles comparing technologies.
//!
//! `main` is thin: parse the command line, run it, exit with its code (src/lib.rs).

use clap::Parser;
use clap::error::ErrorKind;

fn main() {
    claimdb::guard_standard_streams();
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
    std::process::exit(claimdb::run(cli));
}
