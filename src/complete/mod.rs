//! Shell completion, including the names in the knowledge base: `claimdb which has
//! <TAB>` offers the topics, `compare <TAB>` the subjects. clap_complete's dynamic
//! completion: the script `claimdb completions SHELL` prints asks the binary itself
//! (`CLAIMDB_COMPLETE=SHELL claimdb -- WORDS`) at each TAB, so names imported later complete
//! too. The names themselves come from `names.rs`, which the command-line
//! definition points its arguments to; this file needs that definition, so the two
//! halves keep the arrows one way (cli.rs -> names.rs, mod.rs -> cli.rs).

pub mod names;

use std::io::Write;

use clap::CommandFactory;

use crate::cli::Cli;

/// The variable the shell's script sets to ask for completions: claimdb's own name,
/// not clap's default `COMPLETE`, which an unrelated environment may well hold.
const VAR: &str = "CLAIMDB_COMPLETE";

/// Answers a completion request and exits, when the shell's script made one.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(Cli::command)
        .var(VAR)
        .complete();
}

/// The script a shell sources to complete claimdb. It runs `claimdb` as the shell
/// finds it on PATH at each TAB, never the path of the binary that printed it: a
/// script written by `cargo run` must not stop working once target/ is cleaned, nor
/// run an old build after `cargo install` put a new one on PATH.
pub fn write_script(shell: clap_complete::Shell, out: &mut impl Write) -> std::io::Result<()> {
    let shells = clap_complete::env::Shells::builtins();
    let completer = shells
        .completer(&shell.to_string())
        .ok_or_else(|| std::io::Error::other(format!("no completion support for {shell}")))?;
    let mut buf = Vec::new();
    completer.write_registration(VAR, "claimdb", "claimdb", "claimdb", &mut buf)?;
    out.write_all(&buf)
}
